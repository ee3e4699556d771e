import MaracBase
import MaracProtocol
import MaracRecords

/// What the checks across records need of one file, kept after its decoded text is dropped.
/// Each is one shared object, so the passes across records copy a reference, not its fields.
enum RecordFacts: Sendable {
    case `case`(CaseFacts)
    case meeting(MeetingFacts)
}

final class CaseFacts: Sendable {
    struct AcceptedReferral: Sendable {
        var accepted: LocalDate
        var place: String
        var position: SourcePosition?
    }

    let file: String
    let id: String?
    let idPosition: SourcePosition?
    let marac: String?
    let acceptedReferrals: [AcceptedReferral]
    /// The people and referrals, for the protocol checks (`ProtocolLint`).
    let summary: CaseSummary

    init(_ record: Case) {
        summary = CaseSummary(record)
        file = record.file
        id = record.id
        idPosition = FieldReader(record.table, file: record.file).position(of: "id")
        marac = record.marac
        acceptedReferrals = record.referrals.compactMap { referral in
            referral.acceptedOn.map {
                AcceptedReferral(accepted: $0, place: referral.reader.place, position: referral.reader.position(of: "decision"))
            }
        }
    }
}

final class MeetingFacts: Sendable {
    struct HeardCase: Sendable {
        var caseID: String
        var place: String
        var position: SourcePosition?
    }

    let file: String
    let marac: String?
    let date: LocalDate?
    let agendaCirculated: LocalDate?
    let hearings: [HeardCase]

    init(_ meeting: Meeting) {
        file = meeting.file
        marac = meeting.marac
        date = meeting.date
        agendaCirculated = meeting.agendaCirculated
        hearings = meeting.hearings.compactMap { hearing in
            hearing.caseID.map { HeardCase(caseID: $0, place: hearing.reader.place, position: hearing.reader.position(of: "case")) }
        }
    }
}
