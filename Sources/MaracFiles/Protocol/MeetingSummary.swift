import MaracBase
import MaracRecords

/// What the protocol questions need of one meeting file: its MARAC, date and kind, when its
/// agenda went out, and the cases it heard.
public struct MeetingSummary: Sendable {
    /// One hearing: its case, and the agency it was moved on the agenda for, if any.
    public struct Heard: Sendable {
        public var caseID: String
        public var movedFor: String?
        /// `hearing[n]`, for messages.
        public var place: String
        public var position: SourcePosition?
    }

    public var file: String
    public var marac: String?
    public var date: LocalDate?
    public var kind: Meeting.Kind?
    public var agendaCirculated: LocalDate?
    public var hearings: [Heard]

    public init(_ meeting: Meeting) {
        file = meeting.file
        marac = meeting.marac
        date = meeting.date
        kind = meeting.kind
        agendaCirculated = meeting.agendaCirculated
        hearings = meeting.hearings.compactMap { hearing in
            hearing.caseID.map {
                Heard(caseID: $0, movedFor: hearing.movedFor, place: hearing.reader.place,
                      position: hearing.reader.position(of: "case"))
            }
        }
    }

    /// `<date>-<marac>`.
    public var id: String? {
        guard let date, let marac else { return nil }
        return "\(date)-\(marac)"
    }
}
