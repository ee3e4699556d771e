import Foundation

/// `mfile init DIR --profile NAME`: a new, empty records repository that lints clean.
enum InitCommand {
    static let command = Command(
        name: "init",
        summary: "create a new records repository (marac.toml, schema/, templates/, .gitignore)",
        usage: "init DIR --profile west-midlands|gwent|liverpool [--name NAME] [--first-meeting DATE]",
        options: [
            OptionSpec("--profile", value: "PROFILE", help: "the protocol: west-midlands, gwent or liverpool"),
            OptionSpec("--name", value: "NAME", help: "the MARAC's name, printed on every paper"),
            OptionSpec("--first-meeting", value: "DATE", help: "the date of the first meeting (default: today)"),
        ],
        run: run)

    static let profiles = ["west-midlands", "gwent", "liverpool"]

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        guard arguments.positional.count == 1 else { throw UsageError("give one folder to create the repository in") }
        guard let profile = arguments.value("--profile") else {
            throw UsageError("choose a protocol profile with --profile (\(profiles.joined(separator: ", ")))")
        }
        guard profiles.contains(profile) else {
            throw UsageError("--profile must be one of: \(profiles.joined(separator: ", "))")
        }
        var firstMeeting = LocalDate.today()
        if let text = arguments.value("--first-meeting") {
            guard let date = LocalDate(isoText: text) else { throw UsageError("--first-meeting needs a date written YYYY-MM-DD") }
            firstMeeting = date
        }
        let name = arguments.value("--name") ?? "MARAC"
        let root = URL(fileURLWithPath: arguments.positional[0], relativeTo: context.workingDirectory).standardizedFileURL
        let configuration = root.appendingPathComponent(RepositoryLocator.configurationFile)
        if FileManager.default.fileExists(atPath: configuration.path) {
            throw RepositoryError("\(configuration.path) already exists; nothing was changed")
        }

        try AtomicWrite.write(configurationText(name: name, profile: profile, firstMeeting: firstMeeting), to: configuration, mode: .createNew)
        for file in DefaultFiles.all {
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
            """)
        return .ok
    }

    static let gitignore = """
        # mfile's index and rendered papers never go into git
        .mfile/
        papers/

        """

    static func configurationText(name: String, profile: String, firstMeeting: LocalDate) -> String {
        let agencies: [(String, String, Bool, Bool)] = [
            ("police", "Police", true, false), ("idva", "IDVA Service", true, false),
            ("probation", "Probation Service", true, false), ("children", "Children's Social Care", true, true),
            ("adults", "Adult Social Care", true, false), ("housing", "Housing", true, false),
            ("health", "Health (Safeguarding)", true, false), ("mental-health", "Mental Health Services", false, false),
            ("education", "Education Safeguarding", false, true), ("substance", "Drug and Alcohol Service", false, false),
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
        for (id, agencyName, core, children) in agencies {
            text += "\n[[agency]]\nid = \"\(id)\"\nname = \"\(agencyName)\"\ncore = \(core)\n"
            if children { text += "children = true\n" }
        }
        return text
    }
}
