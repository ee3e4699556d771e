import Foundation
import MaracBase
import MaracTransfer

/// `mfile disclose CASE`: a disclosure bundle and its `[[disclosure]]` record.
enum DiscloseCommand {
    static let command = Command(
        name: "disclose",
        summary: "disclose a case's papers (DHR, court, subject access) and record the decision",
        usage: "disclose CASE --to NAME --basis TEXT [--what minutes|actions|referral]... [--kind KIND] [--requested DATE] [--restrictions TEXT] [--decided-by NAME] [--recipient KEY|FILE]... [--as-of DATE] [--output PATH] [--confirm-closed]",
        options: [
            OptionSpec("--to", value: "NAME", help: "who receives the papers"),
            OptionSpec("--basis", value: "TEXT", help: "the lawful basis and why sharing is necessary"),
            OptionSpec("--what", value: "PART", repeatable: true, help: "minutes, actions or referral (repeat for several; default all three)"),
            OptionSpec("--kind", value: "KIND", help: "dhr, court, subject-access, safeguarding-review or other"),
            OptionSpec("--requested", value: "DATE", help: "the date of the request (a DHR is due 10 working days after it)"),
            OptionSpec("--restrictions", value: "TEXT", help: "restrictions on further use (default: a standard restriction)"),
            OptionSpec("--decided-by", value: "NAME", help: "who decided to disclose (normally the chair)"),
            OptionSpec("--recipient", value: "KEY", repeatable: true, help: "the recipient's age public key (age1...) or a recipients file; without it age asks for a passphrase"),
            OptionSpec("--as-of", value: "DATE", help: "the date of disclosure (default today)"),
            OptionSpec("--output", value: "PATH", help: "the bundle file (default disclosure-CASE-DATE.age)"),
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
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        guard arguments.positional.count == 1 else { throw UsageError("'disclose' takes one CASE id") }
        let caseID = arguments.positional[0]
        guard let to = arguments.value("--to"), !to.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("say who receives the papers with --to NAME")
        }
        guard let basis = arguments.value("--basis"), !basis.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("give the basis for sharing with --basis TEXT (every disclosure records why)")
        }
        var parts = Set<CasePapers.Part>()
        for what in arguments.allValues("--what") {
            guard let part = CasePapers.Part(rawValue: what) else { throw UsageError("--what must be minutes, actions or referral") }
            parts.insert(part)
        }
        if parts.isEmpty { parts = Set(CasePapers.Part.allCases) }
        let kind = arguments.value("--kind")
        if let kind, !Disclose.kinds.contains(kind) {
            throw UsageError("--kind must be one of: \(Disclose.kinds.joined(separator: ", "))")
        }
        let date = try context.asOf()
        let requested = try TransferCommandSupport.date(context, "--requested")
        for option in ["--restrictions", "--decided-by"] where arguments.value(option)?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            throw UsageError("\(option) may not be empty")
        }
        let root = try context.repositoryRoot()
        return try TransferCommandSupport.reporting("disclose", context) {
            let lock = try TransferCommandSupport.lock(context)
            let output = TransferCommandSupport.output(context, default: "disclosure-\(TransferCommand.safeName(caseID))-\(date).age")
            let result = try Disclose.run(
                Disclose.Request(
                    caseID: caseID, to: to, basis: basis, parts: parts, kind: kind, requested: requested,
                    restrictions: arguments.value("--restrictions"), decidedBy: arguments.value("--decided-by"), date: date,
                    lock: lock, output: output, confirmClosed: arguments.flag("--confirm-closed")),
                root: root, age: try AgeCrypt.required())
            context.console.print(arguments.value("--output") ?? output.lastPathComponent)
            context.console.printError("wrote the disclosure bundle (\(result.papers.count) papers); recorded it in \(result.caseFile) as a [[disclosure]] entry")
            return .ok
        }
    }
}
