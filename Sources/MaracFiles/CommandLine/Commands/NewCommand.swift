import Foundation
import MaracBase
import MaracRecords
import MaracRepository

/// `mfile new case` and `mfile new meeting DATE`: a scaffold record with a fresh id.
enum NewCommand {
    static let command = Command(
        name: "new",
        summary: "start a new case file (new case) or meeting file (new meeting DATE)",
        usage: "new case [--marac ID] [--received DATE] | new meeting DATE [--marac ID]",
        options: [
            OptionSpec("--marac", value: "ID", help: "which MARAC (needed when marac.toml has more than one)"),
            OptionSpec("--received", value: "DATE", help: "new case: the date the referral arrived (default: today)"),
        ],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        switch positional.first {
        case "case" where positional.count == 1: return try newCase(context)
        case "meeting" where positional.count == 2: return try newMeeting(context, date: positional[1])
        case "meeting": throw UsageError("give the meeting's date: mfile new meeting YYYY-MM-DD")
        default: throw UsageError("say what to create: 'new case' or 'new meeting DATE'")
        }
    }

    /// The MARAC the new record belongs to, from marac.toml alone (no record is read).
    static func chosenMarac(_ context: CommandContext) throws -> String {
        let maracs = try ProtocolCommandSupport.configuration(context).maracs.map(\.id)
        if let marac = context.arguments.value("--marac") {
            guard maracs.contains(marac) else {
                throw UsageError("--marac must be one of the MARACs in marac.toml: \(maracs.joined(separator: ", "))")
            }
            return marac
        }
        guard maracs.count == 1 else {
            throw UsageError("marac.toml has \(maracs.count) MARACs; choose one with --marac (\(maracs.joined(separator: ", ")))")
        }
        return maracs[0]
    }

    static func newCase(_ context: CommandContext) throws -> ExitStatus {
        let root = try context.repositoryRoot()
        let marac = try chosenMarac(context)
        var received = LocalDate.today()
        if let text = context.arguments.value("--received") {
            guard let date = LocalDate(isoText: text) else { throw UsageError("--received needs a date written YYYY-MM-DD") }
            received = date
        }
        let id = try CaseIDAllocator(root: root).next(year: received.year)
        let path = "\(Repository.casesFolder)/\(received.year)/\(id).toml"
        try AtomicWrite.write(RecordScaffold.caseText(id: id, marac: marac, received: received), to: root.appendingPathComponent(path), mode: .createNew)
        context.console.print(path)
        return .ok
    }

    static func newMeeting(_ context: CommandContext, date text: String) throws -> ExitStatus {
        guard let date = LocalDate(isoText: text) else { throw UsageError("the meeting date must be written YYYY-MM-DD") }
        let root = try context.repositoryRoot()
        let marac = try chosenMarac(context)
        let path = "\(Repository.meetingsFolder)/\(date.year)/\(date)-\(marac).toml"
        try AtomicWrite.write(RecordScaffold.meetingText(marac: marac, date: date), to: root.appendingPathComponent(path), mode: .createNew)
        context.console.print(path)
        return .ok
    }
}
