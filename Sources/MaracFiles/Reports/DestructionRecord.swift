import Foundation
import MaracBase
import MaracProtocol
import MaracRepository
import MaracTOML

/// `destroyed/YYYY.toml`: one `[[destroyed]]` table a case destroyed that year (see
/// `schema/destroyed.schema.json`). Ids, dates, counts and paths only: never a name, a date
/// of birth, an address or a reason in words.
enum DestructionRecord {
    /// Appends a table for each item not already recorded (a second run after a crash adds
    /// nothing twice), through the format-preserving editor.
    static func append(
        _ items: [RetentionPurge.Item], period: RulePeriod, decision: RetentionPurge.Decision, destroyed: LocalDate,
        to path: String, root: URL
    ) throws {
        let url = root.appendingPathComponent(path)
        let existing = (try? FileSystem.read(url)) ?? Array("# Cases destroyed after their retention period (mfile sweep --purge --apply): ids and dates only.\n".utf8)
        var editor = try TOMLEditor(bytes: existing)
        let recorded = Set((editor.table["destroyed"]?.array ?? []).compactMap { $0.table?["case"]?.string })
        for item in items where !recorded.contains(item.due.caseID) {
            var members: [(String, TOMLValue)] = [("case", .string(item.due.caseID))]
            if let marac = item.marac { members.append(("marac", .string(marac))) }
            members.append(("status", .string(item.due.status?.rawValue ?? "closed")))
            if let closed = item.due.closed { members.append(("closed", .localDate(closed))) }
            members += [
                ("retention_start", .localDate(item.due.start)),
                ("retention_months", .integer(Int64(period.amount))),
                ("review_due", .localDate(item.due.ends)),
                ("decided", .localDate(decision.decided)),
                ("decided_by", .string(decision.role.rawValue)),
            ]
            if let reference = decision.reference { members.append(("decision_ref", .string(reference))) }
            members += [
                ("destroyed", .localDate(destroyed)),
                ("removed", .array(item.files.map { node(.string($0)) })),
                ("redacted_meetings", .array(item.meetings.map { node(.string($0.id)) })),
                ("disclosures_destroyed", .integer(Int64(item.disclosures))),
                ("papers_to_check", .integer(Int64(item.papers.count))),
                ("meeting_history", .string("kept-encrypted")),
            ]
            editor = try editor.appendingArrayTable(table(members), at: [.key("destroyed")])
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicWrite.write(editor.bytes, to: url)
    }

    /// Records, for each case, that every earlier version of its files left the history.
    static func markRewritten(_ blobs: [String: Int], on date: LocalDate, in path: String, root: URL) throws {
        let url = root.appendingPathComponent(path)
        var editor = try TOMLEditor(bytes: try FileSystem.read(url))
        for (index, entry) in (editor.table["destroyed"]?.array ?? []).enumerated() {
            guard let id = entry.table?["case"]?.string, let count = blobs[id], entry.table?["history_rewritten"] == nil else { continue }
            editor = try editor.settingValue(.localDate(date), at: [.key("destroyed"), .index(index), .key("history_rewritten")])
            editor = try editor.settingValue(.integer(Int64(count)), at: [.key("destroyed"), .index(index), .key("blobs_removed")])
        }
        try AtomicWrite.write(editor.bytes, to: url)
    }

    private static let range = SourceRange(start: SourcePosition(line: 1, column: 1, offset: 0), end: SourcePosition(line: 1, column: 1, offset: 0))

    private static func node(_ value: TOMLValue) -> TOMLNode { TOMLNode(value, range: range) }

    private static func table(_ members: [(String, TOMLValue)]) -> TOMLTable {
        TOMLTable(members: members.map { TOMLTable.Member(key: $0.0, keyRange: range, node: node($0.1)) })
    }
}
