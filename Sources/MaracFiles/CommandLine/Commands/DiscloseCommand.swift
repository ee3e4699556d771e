import Foundation
import MaracBase
import MaracTransfer

/// `mfile disclose CASE`: a disclosure bundle and its `[[disclosure]]` record.
enum DiscloseCommand {
    static let command = Command(
        name: "disclose",
        summary: "disclose a case's papers (DHR, court, subject access) and record the decision",
        positionals: [PositionalSpec("CASE", kind: .caseID)],
        options: [
            OptionSpec("--to", value: "NAME", required: true, help: "who receives the papers"),
            OptionSpec("--basis", value: "TEXT", required: true, help: "the lawful basis and why sharing is necessary (every disclosure records why)"),
            OptionSpec("--what", value: "PART", kind: .choice(CasePapers.Part.allCases.map(\.rawValue)), repeatable: true, help: "minutes, actions or referral (repeat for several; default all three)"),
            OptionSpec("--kind", value: "KIND", kind: .choice(Disclose.kinds), help: "what the disclosure is for"),
            OptionSpec("--requested", value: "DATE", kind: .date, help: "the date of the request (a DHR is due 10 working days after it)"),
            OptionSpec("--restrictions", value: "TEXT", help: "restrictions on further use (default: a standard restriction)"),
            OptionSpec("--decided-by", value: "NAME", help: "who decided to disclose (normally the chair)"),
            OptionSpec("--recipient", value: "KEY", repeatable: true, help: "the recipient's age public key (age1...) or a recipients file; without it age asks for a passphrase"),
            .asOf("the date of disclosure (default today)"),
            OptionSpec("--output", value: "PATH", kind: .path, help: "the bundle file (default disclosure-CASE-DATE.age)"),
            OptionSpec("--confirm-closed", help: "disclose a closed-session case's papers"),
        ],
        details: """
            Writes one bundle file, encrypted with age: a cover sheet stating the recipient, basis,
            date and restrictions on use, then the papers asked for (case minutes of every
            hearing, the open action plan, the referrals with risk assessment), as HTML marked as
            marac.toml says. The recipient opens it with 'age -d FILE | tar -x'. The decision is
            appended to the case file as a [[disclosure]] entry; 'mfile check' then counts a
            DHR's 10 working days from --requested.
            Passphrases are typed at the terminal when age asks; for automation only,
            MFILE_PASSPHRASE_FILE=PATH gives age the passphrase in PATH's first line.
            Exit status: 0 done, 2 refused (the reasons are printed), usage or I/O error.
            """,
        examples: ["mfile disclose 2026-EXMP-002 --to \"DHR panel\" --basis \"DHR terms of reference\" --kind dhr --requested 2026-11-20"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let caseID = arguments.positional[0]
        var parts = Set(arguments.allValues("--what").compactMap(CasePapers.Part.init(rawValue:)))
        if parts.isEmpty { parts = Set(CasePapers.Part.allCases) }
        let date = context.asOf
        let root = try context.repositoryRoot()
        let lock = try AgeCrypt.lock(recipients: arguments.allValues("--recipient"), relativeTo: context.workingDirectory)
        let output = context.url(arguments.value("--output") ?? CaseBundle.fileName("disclosure", caseID: caseID, date: date))
        let result = try Disclose.run(
            Disclose.Request(
                caseID: caseID, to: arguments.value("--to") ?? "", basis: arguments.value("--basis") ?? "", parts: parts,
                kind: arguments.value("--kind"), requested: arguments.date("--requested"),
                restrictions: arguments.value("--restrictions"), decidedBy: arguments.value("--decided-by"), date: date,
                lock: lock, output: output, confirmClosed: arguments.flag("--confirm-closed")),
            root: root, age: try AgeCrypt.required())
        context.console.print(arguments.value("--output") ?? output.lastPathComponent)
        context.console.printError("wrote the disclosure bundle (\(result.papers.count) papers); recorded it in \(result.caseFile) as a [[disclosure]] entry")
        return .ok
    }
}
