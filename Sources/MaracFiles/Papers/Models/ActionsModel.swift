import MaracBase
import MaracJSON
import MaracProtocol
import MaracRepository

/// Each agency's open and overdue actions across meetings, as a template context.
public enum ActionsModel {
    /// The context for `actions.*` templates.
    ///
    /// - Parameters:
    ///   - agency: only this agency's actions (an `[[agency]]` id), else every agency's.
    ///   - asOf: the actions outstanding as of this date (`Action.isOutstanding`); overdue
    ///     means also due before it.
    public static func context(
        repository: Repository, engine: ProtocolEngine, agency: String?, asOf: LocalDate, scope: SessionScope,
        format: PaperFormat
    ) throws(PaperError) -> JSONValue {
        let configuration = repository.configuration
        if let agency, configuration.agency(agency) == nil {
            let known = configuration.agencies.map(\.id).joined(separator: ", ")
            throw PaperError("no agency with id \(agency) in marac.toml; use one of: \(known)")
        }
        var byAgency: [String: [ActionRows.Located]] = [:]
        for meeting in ActionRows.sortedMeetings(repository) {
            for hearing in meeting.hearings {
                guard let id = hearing.caseID, let record = repository.findCase(id),
                    scope.includes(record, meeting: meeting, engine: engine)
                else { continue }
                for action in hearing.actions where action.isOutstanding(agreedOn: meeting.date, asOf: asOf) {
                    let key = action.agency ?? ""
                    if let agency, key != agency { continue }
                    byAgency[key, default: []].append(ActionRows.Located(meeting: meeting, record: record, action: action))
                }
            }
        }
        // Agencies in marac.toml order, then any unknown ids, sorted.
        let known = configuration.agencies.map(\.id)
        let unknown = byAgency.keys.filter { !known.contains($0) }.sorted()
        let groups = (known + unknown).compactMap { key -> JSONValue? in
            guard let located = byAgency[key], !located.isEmpty else { return nil }
            let sorted = located.sorted {
                ($0.action.due?.description ?? "9999", $0.meeting.date?.description ?? "", $0.action.id ?? 0)
                    < ($1.action.due?.description ?? "9999", $1.meeting.date?.description ?? "", $1.action.id ?? 0)
            }
            let rows = sorted.map {
                ActionRows.row($0.action, meeting: $0.meeting, caseID: $0.record.id, configuration: configuration, asOf: asOf)
            }
            let overdue = sorted.filter { $0.action.isOverdue(agreedOn: $0.meeting.date, asOf: asOf) }.count
            return .object([
                ("agency", key.isEmpty ? .string("Agency not given") : PaperJSON.agencyName(key, configuration)),
                ("agencyID", PaperJSON.text(key)),
                ("actions", ActionRows.table(rows, showCase: true)),
                ("openCount", .integer(Int64(rows.count - overdue))),
                ("overdueCount", .integer(Int64(overdue))),
            ])
        }
        return .object([
            ("paper", PaperJSON.paper(
                title: "Actions", configuration: configuration, maracID: nil, date: asOf, scope: scope, format: format,
                extra: [("asOf", .string(asOf.description)), ("agencyFilter", agency.map { PaperJSON.agencyName($0, configuration) } ?? .null)])),
            ("agencies", .array(groups)),
            ("hasActions", .bool(!groups.isEmpty)),
        ])
    }
}
