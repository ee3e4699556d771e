import MaracBase
import MaracJSON
import MaracProtocol
import MaracRecords
import MaracRepository

/// Actions as rows of the papers' action tables.
enum ActionRows {
    /// One action with where it was agreed.
    struct Located {
        var meeting: Meeting
        var record: Case
        var action: Action
    }

    static func statusLabel(_ status: Action.Status?) -> String {
        switch status {
        case .open: "open"
        case .complete: "complete"
        case .cannotComplete: "cannot be completed"
        case .incomplete: "incomplete"
        case nil: "not given"
        }
    }

    /// One action as a row. With `asOf`, as it stood that day: overdue by then, and an action
    /// finished later shown as still outstanding (a past meeting's papers never show what
    /// happened after it).
    static func row(_ action: Action, meeting: Meeting?, caseID: String?, configuration: Configuration, asOf: LocalDate? = nil) -> JSONValue {
        let overdue = asOf.map { action.isOverdue(agreedOn: meeting?.date, asOf: $0) } ?? false
        let finishedLater = asOf.map { asOf in action.finishedOn.map { $0 > asOf } ?? false } ?? false
        return .object([
            ("id", PaperJSON.int(action.id)),
            ("meetingID", PaperJSON.text(meeting?.id)),
            ("meetingDate", PaperJSON.date(meeting?.date)),
            ("caseID", PaperJSON.text(caseID)),
            ("agency", PaperJSON.agencyName(action.agency, configuration)),
            ("owner", PaperJSON.text(action.owner)),
            ("text", PaperJSON.text(action.text)),
            ("due", PaperJSON.date(action.due)),
            ("status", .string(finishedLater ? "open" : statusLabel(action.status))),
            ("statusClass", .string(finishedLater ? "open" : action.status?.rawValue ?? "unknown")),
            ("completed", finishedLater ? .null : PaperJSON.date(action.completed)),
            ("note", PaperJSON.text(action.note)),
            ("overdue", .bool(overdue)),
            ("daysOverdue", overdue ? PaperJSON.int(action.due.map { $0.days(to: asOf!) }) : .null),
        ])
    }

    /// The context of the `_actions` partial: its rows, and whether to show each row's
    /// meeting and case.
    static func table(_ rows: [JSONValue], showCase: Bool) -> JSONValue {
        .object([("showCase", .bool(showCase)), ("rows", .array(rows))])
    }

    /// Every action agreed at meetings of `marac` before `date` that was still outstanding as
    /// of `date` (`Action.isOutstanding`), for cases in `scope`.
    static func outstanding(
        before date: LocalDate, marac: String?, repository: Repository, scope: SessionScope, engine: ProtocolEngine,
        caseID: String? = nil
    ) -> [Located] {
        var found: [Located] = []
        for meeting in sortedMeetings(repository) {
            guard let meetingDate = meeting.date, meetingDate < date, meeting.marac == marac else { continue }
            for hearing in meeting.hearings {
                guard let id = hearing.caseID, caseID == nil || id == caseID,
                    let record = repository.findCase(id), scope.includes(record, meeting: meeting, engine: engine)
                else { continue }
                for action in hearing.actions where action.isOutstanding(agreedOn: meetingDate, asOf: date) {
                    found.append(Located(meeting: meeting, record: record, action: action))
                }
            }
        }
        return found
    }

    /// Meetings by date, then MARAC, then file: a stable order whatever order files load in.
    static func sortedMeetings(_ repository: Repository) -> [Meeting] {
        repository.meetings.sorted {
            ($0.date?.description ?? "", $0.marac ?? "", $0.file) < ($1.date?.description ?? "", $1.marac ?? "", $1.file)
        }
    }
}
