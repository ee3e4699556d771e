import MaracBase
import MaracJSON
import MaracProtocol

/// The retention part of `mfile sweep`'s report: ids, statuses and dates only.
public enum RetentionReport {
    /// "Cases past their retention period ...", or why nothing was reviewed.
    public static func lines(period: RulePeriod?, due: [RetentionSweep.Due], asOf: LocalDate) -> [String] {
        guard let period else {
            return ["No retention period set ([rules] retention_months in marac.toml; no protocol gives a number), so no case was reviewed for destruction."]
        }
        guard !due.isEmpty else { return ["No closed case is past its retention period (\(period)) as of \(asOf)."] }
        return ["Cases past their retention period (\(period)) as of \(asOf), for a destruction review (\(due.count)):"]
            + due.map { "  \($0.caseID)  \($0.status?.rawValue ?? "-")  retention start \($0.start)  ended \($0.ends)" }
            + ["List what destroying them removes with 'mfile sweep --as-of \(asOf) --purge'."]
    }

    public static func json(_ due: [RetentionSweep.Due]) -> JSONValue {
        .array(due.map { item in
            .object([
                ("case", .string(item.caseID)), ("file", .string(item.file)), ("status", item.status.map { .string($0.rawValue) } ?? .null),
                ("start", .string(item.start.description)), ("ended", .string(item.ends.description)),
            ])
        })
    }

    /// What to do in every other copy after a destruction (the history was rewritten).
    public static let afterwards = """
        Every other copy still holds the destroyed cases in its history:
          - the shared repository (server): git push --force --all && git push --force --tags
          - every other computer and CI runner: delete the copy and clone it again
            (then git-crypt unlock /path/to/marac.key)
          - files outside git (papers printed or sent, agencies' own records) are not touched
        """

    /// The purge's report as JSON.
    public static func json(_ outcome: RetentionPurge.Outcome) -> JSONValue {
        .object([
            ("as_of", .string(outcome.asOf.description)),
            ("retention_period", outcome.period.map { .string($0.description) } ?? .null),
            ("applied", .bool(outcome.applied)),
            ("cases", .array(outcome.items.map { item in
                .object([
                    ("case", .string(item.due.caseID)), ("ended", .string(item.due.ends.description)),
                    ("files", .array(item.files.map(JSONValue.string))),
                    ("meetings", .array(item.meetings.map { .string($0.id) })),
                    ("disclosures", .integer(Int64(item.disclosures))),
                    ("papers", .array(item.papers.map(JSONValue.string))),
                ])
            })),
            ("not_due", .array(outcome.notDue.map(JSONValue.string))),
            ("record", outcome.record.map(JSONValue.string) ?? .null),
            ("blobs_removed", .integer(Int64(outcome.blobsRemoved))),
        ])
    }

    /// The purge's report: per case, what goes (or went).
    public static func lines(_ outcome: RetentionPurge.Outcome) -> [String] {
        guard let period = outcome.period else { return lines(period: nil, due: [], asOf: outcome.asOf) }
        var lines: [String] = []
        if !outcome.notDue.isEmpty {
            lines.append("Not past their retention period (left alone): \(outcome.notDue.joined(separator: ", "))")
        }
        guard !outcome.items.isEmpty else {
            return lines + ["No case to destroy as of \(outcome.asOf) (retention period \(period))."]
        }
        lines.append((outcome.applied ? "Destroyed" : "Would destroy") + " as of \(outcome.asOf) (retention period \(period)):")
        for item in outcome.items {
            lines.append("  \(item.due.caseID)  ended \(item.due.ends)")
            lines.append("    files: " + item.files.joined(separator: ", "))
            if !item.meetings.isEmpty { lines.append("    its [[hearing]] in: " + item.meetings.map(\.id).joined(separator: ", ")) }
            if item.disclosures > 0 { lines.append("    with its \(item.disclosures) disclosure record\(item.disclosures == 1 ? "" : "s")") }
            if !item.papers.isEmpty {
                lines.append("    papers naming it, to destroy by hand: " + item.papers.joined(separator: ", "))
            }
        }
        if outcome.applied {
            lines.append("Recorded in \(outcome.record ?? RetentionPurge.destroyedFolder) (ids and dates only); \(outcome.blobsRemoved) earlier version\(outcome.blobsRemoved == 1 ? "" : "s") of the removed files left the git history. Earlier versions of the meeting files still hold the hearings, encrypted.")
        } else {
            lines.append("Nothing was changed (a dry run). Destroy them with: mfile sweep --as-of \(outcome.asOf) --purge --apply --decided-by ROLE --decided DATE [--decision-ref MEETING]")
        }
        return lines
    }
}
