import Foundation
import MaracBase
import MaracRecords
import MaracRepository

/// `mfile new case` and `mfile new meeting DATE`: a scaffold record with a fresh id.
enum NewCommand {
    static let maracOption = OptionSpec("--marac", value: "ID", kind: .id, help: "which MARAC (needed when marac.toml has more than one)")

    static let command = Command(
        name: "new",
        summary: "start a new case file (new case) or meeting file (new meeting DATE)",
        subcommands: [
            Command(
                name: "case", summary: "a new case file with a fresh id, to type the referral into",
                options: [
                    maracOption,
                    OptionSpec("--received", value: "DATE", kind: .date, help: "the date the referral arrived (default: today)"),
                ],
                examples: ["mfile new case --received 2026-12-01"], run: newCase),
            Command(
                name: "meeting", summary: "a new meeting file for DATE",
                positionals: [PositionalSpec("DATE", kind: .date)],
                options: [maracOption],
                examples: ["mfile new meeting 2026-12-17"], run: newMeeting),
        ])

    /// The MARAC the new record belongs to, from marac.toml alone (no record is read).
    static func chosenMarac(_ context: CommandContext) throws -> String {
        let maracs = try ConfigurationFile.load(root: context.repositoryRoot()).maracs.map(\.id)
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
        let received = context.arguments.date("--received") ?? LocalDate.today()
        let id = try CaseIDAllocator(root: root).next(year: received.year)
        let path = "\(Repository.casesFolder)/\(received.year)/\(id).toml"
        try AtomicWrite.write(RecordScaffold.caseText(id: id, marac: marac, received: received), to: root.appendingPathComponent(path), mode: .createNew)
        context.console.print(path)
        return .ok
    }

    static func newMeeting(_ context: CommandContext) throws -> ExitStatus {
        guard let date = LocalDate(isoText: context.arguments.positional[0]) else { throw UsageError("DATE needs a date written YYYY-MM-DD") }
        let root = try context.repositoryRoot()
        let marac = try chosenMarac(context)
        let path = "\(Repository.meetingsFolder)/\(date.year)/\(date)-\(marac).toml"
        try AtomicWrite.write(RecordScaffold.meetingText(marac: marac, date: date), to: root.appendingPathComponent(path), mode: .createNew)
        context.console.print(path)
        return .ok
    }
}
