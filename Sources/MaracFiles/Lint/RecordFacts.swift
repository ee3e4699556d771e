import MaracBase
import MaracProtocol
import MaracRecords

/// What the checks across records need of one file, kept after its decoded text is dropped.
enum RecordFacts: Sendable {
    case `case`(CaseFacts)
    case meeting(MeetingSummary)
}

struct CaseFacts: Sendable {
    var idPosition: SourcePosition?
    /// The people, referrals, transfers and session, for the protocol checks (`ProtocolLint`).
    var summary: CaseSummary

    var file: String { summary.file }
    var id: String? { summary.id }

    init(_ record: Case) {
        summary = CaseSummary(record)
        idPosition = FieldReader(record.table, file: record.file).position(of: "id")
    }
}
