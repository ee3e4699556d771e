import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// The cases heard at a meeting, as listed in its meeting file, restricted to one scope.
struct MeetingCases {
    struct Heard {
        var record: Case
        var hearing: Hearing
        var fileOrder: Int
    }

    var heard: [Heard]
    /// Hearings naming a case id that no case file has (left off every paper).
    var unknownCaseIDs: [String]

    init(_ meeting: Meeting, in repository: Repository, scope: SessionScope, engine: ProtocolEngine) {
        var heard: [Heard] = []
        var unknown: [String] = []
        for (index, hearing) in meeting.hearings.enumerated() {
            guard let id = hearing.caseID, let record = repository.findCase(id) else {
                unknown.append(hearing.caseID ?? "(no case id)")
                continue
            }
            if scope.includes(record, meeting: meeting, engine: engine) {
                heard.append(Heard(record: record, hearing: hearing, fileOrder: index))
            }
        }
        self.heard = heard
        self.unknownCaseIDs = unknown
    }

    /// The referral that brings `record` to a meeting on `date`
    /// (`CaseSummary.referralHeard(on:)`).
    static func referral(of record: Case, heard: ReferralSummary?) -> Referral? {
        heard.flatMap { summary in record.referrals.first { $0.number == summary.number } }
    }
}
