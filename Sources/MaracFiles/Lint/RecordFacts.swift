import MaracBase
import MaracProtocol
import MaracRecords

/// What the checks across records need of one file, kept after its decoded text is dropped.
enum RecordFacts: Sendable {
    case `case`(CaseFacts)
    case meeting(MeetingSummary)
}

/// One shared object per case, so the passes across records copy a reference, not its fields.
final class CaseFacts: Sendable {
    let idPosition: SourcePosition?
    /// The people, referrals, transfers and session, for the protocol checks (`ProtocolLint`).
    let summary: CaseSummary

    var file: String { summary.file }
    var id: String? { summary.id }

    init(_ record: Case) {
        summary = CaseSummary(record)
        idPosition = record.positions.id
    }
}
