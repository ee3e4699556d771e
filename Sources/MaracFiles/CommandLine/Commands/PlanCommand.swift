import MaracBase
import MaracJSON
import MaracProtocol
import MaracReports

/// `mfile plan MEETING [--apply]`: the cases that belong on a meeting's agenda, in agenda
/// order with the cap and the overflow, and (with `--apply`) their `[[hearing]]` entries.
enum PlanCommand {
    static let command = Command(
        name: "plan",
        summary: "list the cases that belong on a meeting's agenda, in order; --apply adds their hearings",
        positionals: [PositionalSpec("MEETING", kind: .id)],
        options: [
            OptionSpec("--apply", help: "add a [[hearing]] for each case not yet in the meeting file (starting the file if there is none)"),
            .format(["text", "json"], help: "text (default) or json"),
        ],
        details: """
            MEETING is a meeting id (2026-12-03-north) or date: a meeting file, or a meeting the
            schedule in marac.toml gives that has no file yet. A case belongs on it when an
            accepted referral (a transfer in included) is listed for it by the referral cut-off,
            when it was heard at an emergency MARAC since the last meeting, or when one of its
            actions came back incomplete; something due at an earlier meeting and not heard
            since is carried to this one. Cases closed or transferred out by the meeting day
            are left off. The list is in the order the agenda will have (the profile's rules),
            with the cap: cases past it are for the chair to prioritise. Each line names case
            ids, dates and rules only.
            Without --apply nothing changes. --apply appends the missing hearings (case and the
            referring agency as presented_by) through the format-preserving editor, keeping
            every other byte of the file; running it again adds nothing.
            Exit status: 0 planned (or written), 2 unknown meeting, usage or I/O error.
            """,
        examples: ["mfile plan 2026-12-03-north", "mfile plan 2026-12-03-north --apply"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let apply = context.arguments.flag("--apply")
        let outcome = try AgendaPlan.run(
            meeting: context.arguments.positional[0], root: try context.repositoryRoot(), apply: apply,
            load: { _ in try context.loadRepository() })
        let console = context.console
        switch context.format {
        case "json":
            console.print(JSONWriter.write(json(outcome, applied: apply), pretty: true))
        default:
            console.write(lines(outcome).map { $0 + "\n" }.joined())
            if !outcome.added.isEmpty {
                console.printError("added \(count(outcome.added.count, "hearing")) to \(outcome.file)")
            } else if outcome.toAdd.isEmpty {
                console.printError("Every case is already in \(outcome.file); nothing to add.")
            } else {
                console.printError("Nothing was changed; add the \(count(outcome.toAdd.count, "hearing")) with 'mfile plan \(outcome.meetingID) --apply'.")
            }
        }
        if outcome.unknownCases > 0 {
            console.printError("mfile plan: warning: \(outcome.file) lists \(count(outcome.unknownCases, "case")) with no case file; see 'mfile lint'")
        }
        return .ok
    }

    static func lines(_ outcome: AgendaPlan.Outcome) -> [String] {
        let heard = outcome.rows.filter { $0.number != nil && $0.countsTowardsCap }.count
        var lines = ["\(outcome.meetingID)  \(outcome.file)\(outcome.fileExists ? "" : " (not started yet)")  referral cut-off \(outcome.referralCutoff)"]
        for row in outcome.rows where row.number != nil {
            lines.append(line(row))
        }
        let overflow = outcome.rows.filter { $0.number == nil }
        lines.append("\(count(heard, "case")) heard\(outcome.cap.map { ", cap \($0)" } ?? "")"
            + (overflow.isEmpty ? "" : "; \(overflow.count) over the cap, for the chair to prioritise by risk:"))
        lines += overflow.map(line)
        return lines
    }

    static func line(_ row: AgendaPlan.Row) -> String {
        var parts = ["  " + (row.number.map(String.init) ?? "-"), ShownID.caseID(row.caseID), row.section.rawValue]
        if row.closedSession { parts.append("closed session") }
        parts.append(row.listed ? "listed" : "to add")
        parts.append(row.reasons.isEmpty ? "(in the meeting file; no listing rule brings it)" : row.reasons.map(\.text).joined(separator: "; "))
        return parts.joined(separator: "  ")
    }

    static func json(_ outcome: AgendaPlan.Outcome, applied: Bool) -> JSONValue {
        .object([
            ("meeting", .string(outcome.meetingID)),
            ("file", .string(outcome.file)),
            ("file_exists", .bool(outcome.fileExists)),
            ("referral_cutoff", .string(outcome.referralCutoff.description)),
            ("cap", outcome.cap.map { .integer(Int64($0)) } ?? .null),
            ("cases", .array(outcome.rows.map { row in
                .object([
                    ("number", row.number.map { .integer(Int64($0)) } ?? .null),
                    ("case", .string(ShownID.caseID(row.caseID))),
                    ("section", .string(row.section.rawValue)),
                    ("closed_session", .bool(row.closedSession)),
                    ("counts_towards_cap", .bool(row.countsTowardsCap)),
                    ("over_cap", .bool(row.number == nil)),
                    ("listed", .bool(row.listed)),
                    ("reasons", .array(row.reasons.map { .string($0.text) })),
                ])
            })),
            ("to_add", .integer(Int64(outcome.toAdd.count))),
            ("added", .array(outcome.added.map { .string(ShownID.caseID($0)) })),
            ("applied", .bool(applied)),
        ])
    }
}
