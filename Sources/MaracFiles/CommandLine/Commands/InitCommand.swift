import Foundation
import MaracBase
import MaracDefaults
import MaracJSON
import MaracReports
import MaracRepository
import MaracVault

/// `mfile init DIR --profile NAME`: a new, empty records repository that lints clean.
enum InitCommand {
    static let command = Command(
        name: "init",
        summary: "create a new records repository (marac.toml, schema/, templates/, .taplo.toml, .gitignore)",
        positionals: [PositionalSpec("DIR", kind: .path)],
        options: [
            OptionSpec("--profile", value: "PROFILE", kind: .choice(profiles), help: "the protocol (needed unless DIR is already a records repository and --encrypt is given)"),
            OptionSpec("--name", value: "NAME", help: "the MARAC's name, printed on every paper"),
            OptionSpec("--first-meeting", value: "DATE", kind: .date, help: "the date of the first meeting (default: today)"),
            OptionSpec("--encrypt", help: "keep the records encrypted in git (git + git-crypt); also for an existing repository"),
        ],
        details: """
            With --encrypt, DIR becomes a git repository (if it is not one) in which every file
            is encrypted by git-crypt when committed except .gitattributes, .gitignore, editor
            settings, schema/ and templates/; .mfile/ and /papers/ are ignored and the
            pre-commit hook is installed. On an existing records repository, --encrypt only
            turns encryption on (no --profile needed). Needs git and git-crypt
            (sudo apt-get install git git-crypt).
            """,
        examples: ["mfile init records --profile gwent --name \"Example MARAC\" --encrypt", "mfile init . --encrypt"],
        run: run)

    static let profiles = ["west-midlands", "gwent", "liverpool"]

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let encrypt = arguments.flag("--encrypt")
        if encrypt {
            try VaultSetup.requireTools()
            let root = context.url(arguments.positional[0])
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(RepositoryLocator.configurationFile).path) {
                return try turnOnEncryption(root, context, created: false)
            }
        }
        guard let profile = arguments.value("--profile") else {
            throw UsageError("choose a protocol profile with --profile (\(profiles.joined(separator: ", ")))")
        }
        let firstMeeting = arguments.date("--first-meeting") ?? LocalDate.today()
        let name = arguments.value("--name") ?? "MARAC"
        let root = context.url(arguments.positional[0])
        let configuration = root.appendingPathComponent(RepositoryLocator.configurationFile)
        if FileManager.default.fileExists(atPath: configuration.path) {
            throw RepositoryError("\(configuration.path) already exists; nothing was changed")
        }

        try AtomicWrite.write(configurationText(name: name, profile: profile, firstMeeting: firstMeeting), to: configuration, mode: .createNew)
        // The data return's categories stay built in (they follow SafeLives with each release)
        // until a repository keeps its own copy.
        for file in DefaultFiles.all where file.path != DataReturnCategories.file {
            try AtomicWrite.write(file.content, to: root.appendingPathComponent(file.path), mode: .createNew)
        }
        try AtomicWrite.write(gitignore, to: root.appendingPathComponent(".gitignore"), mode: .createNew)
        for folder in [Repository.casesFolder, Repository.meetingsFolder] {
            try AtomicWrite.write("", to: root.appendingPathComponent(folder).appendingPathComponent(".gitkeep"), mode: .createNew)
        }
        context.console.print("""
            Created a MARAC records repository in \(root.path) (profile \(profile)).
            Next: edit marac.toml (the MARAC's name, meeting dates, partner agencies), then
            add a case with 'mfile new case' and check it with 'mfile lint'.
            Editors complete and check fields as you type when this folder is opened in VS Code
            with the Even Better TOML extension (.taplo.toml names each file's schema).
            """)
        return encrypt ? try turnOnEncryption(root, context, created: true) : .ok
    }

    /// `--encrypt`: git, git-crypt, .gitattributes, the hook; then how to keep the key.
    static func turnOnEncryption(_ root: URL, _ context: CommandContext, created: Bool) throws -> ExitStatus {
        let report = try VaultSetup.enable(root: root, executable: PreCommitHook.currentExecutable)
        let console = context.console
        if report.steps.isEmpty {
            console.print("Encryption was already on for \(root.path); nothing was changed.")
        } else {
            console.print("\nEncryption is on for \(root.path):")
            for step in report.steps { console.print("  - \(step)") }
        }
        if let hookMessage = report.hookLeftAlone {
            console.print("  - the pre-commit hook was NOT installed: \(hookMessage)")
        }
        let topLevel = report.layout?.topLevel.path ?? root.path
        console.print("")
        console.print(VaultSetup.keyInstructions(topLevel: topLevel))
        if !created {
            console.print("""

                Records committed before today were stored unencrypted; 'mfile doctor' lists them
                and what to do.
                """)
        }
        return .ok
    }

    static let gitignore = """
        # mfile's index and rendered papers never go into git
        /.mfile/
        /papers/

        """

    static func configurationText(name: String, profile: String, firstMeeting: LocalDate) -> String {
        // (id, name, core, children, kind): the kind is what the protocol rules read.
        let agencies: [(String, String, Bool, Bool, String)] = [
            ("police", "Police", true, false, "police"), ("idva", "IDVA Service", true, false, "idva"),
            ("probation", "Probation Service", true, false, "probation"),
            ("children", "Children's Social Care", true, true, "children"),
            ("adults", "Adult Social Care", true, false, "adults"), ("housing", "Housing", true, false, "housing"),
            ("health", "Health (Safeguarding)", true, false, "health"),
            ("mental-health", "Mental Health Services", false, false, "health"),
            ("education", "Education Safeguarding", false, true, "education"),
            ("substance", "Drug and Alcohol Service", false, false, "other"),
        ]
        var text = """
            name = \(JSONWriter.quoted(name))
            profile = "\(profile)"          # west-midlands | gwent | liverpool
            marking = "OFFICIAL-SENSITIVE"     # printed at the top and bottom of every page

            [rules]                            # local changes to the profile (see 'mfile rules')

            [calendar]
            region = "england-and-wales"
            closures = []                      # extra non-working days, e.g. [2026-12-24]

            [[marac]]
            id = "main"
            name = \(JSONWriter.quoted(name))
            frequency = "fortnightly"          # weekly | fortnightly | monthly
            first_meeting = \(firstMeeting)

            """
        for (id, agencyName, core, children, kind) in agencies {
            text += "\n[[agency]]\nid = \"\(id)\"\nname = \"\(agencyName)\"\nkind = \"\(kind)\"\ncore = \(core)\n"
            if children { text += "children = true\n" }
        }
        return text
    }
}
