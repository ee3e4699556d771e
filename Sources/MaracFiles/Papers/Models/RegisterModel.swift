import MaracJSON
import MaracProtocol
import MaracRecords
import MaracRepository

/// The case register as a template context: one row a case, closed-session rows reduced to
/// the id unless the closed session's own register is asked for.
public enum RegisterModel {
    public static func context(repository: Repository, engine: ProtocolEngine, scope: SessionScope, format: PaperFormat) -> JSONValue {
        let meetings = ActionRows.sortedMeetings(repository)
        let cases = repository.cases.sorted { ($0.id ?? $0.file) < ($1.id ?? $1.file) }
        let rows = cases.map { record -> JSONValue in
            let closed = engine.isClosedSession(record)
                || meetings.contains { $0.kind == .closed && $0.hearings.contains { $0.caseID == record.id } }
            if closed && scope == .general {
                return .object([
                    ("caseID", PaperJSON.text(record.id)),
                    ("closedSession", .bool(true)),
                ])
            }
            let heardAt = meetings.filter { meeting in meeting.hearings.contains { $0.caseID == record.id } }
            return .object([
                ("caseID", PaperJSON.text(record.id)),
                ("closedSession", .bool(false)),
                ("marac", PaperJSON.text(record.marac)),
                ("status", PaperJSON.text(record.status?.rawValue)),
                ("session", .string(closed ? "closed" : "open")),
                ("firstReferral", PaperJSON.date(record.firstReceived)),
                ("hearings", .integer(Int64(heardAt.count))),
                ("latestMeeting", PaperJSON.text(heardAt.last?.id)),
            ])
        }
        return .object([
            ("paper", PaperJSON.paper(
                title: "Case register", configuration: repository.configuration, maracID: nil, date: nil,
                scope: scope, format: format)),
            ("cases", .array(rows)),
            ("hasCases", .bool(!rows.isEmpty)),
            ("caseCount", .integer(Int64(rows.count))),
        ])
    }
}
