import MaracBase
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

    init(_ meeting: Meeting, in repository: Repository, scope: SessionScope, rules: PaperRules) {
        var heard: [Heard] = []
        var unknown: [String] = []
        for (index, hearing) in meeting.hearings.enumerated() {
            guard let id = hearing.caseID, let record = repository.findCase(id) else {
                unknown.append(hearing.caseID ?? "(no case id)")
                continue
            }
            if scope.includes(record, meeting: meeting, rules: rules) {
                heard.append(Heard(record: record, hearing: hearing, fileOrder: index))
            }
        }
        self.heard = heard
        self.unknownCaseIDs = unknown
    }

    /// The referral that brings `record` to a meeting on `date`: the latest one received by
    /// then that was not returned, else the latest of all.
    static func referral(of record: Case, for date: LocalDate?) -> Referral? {
        let candidates = record.referrals.filter { referral in
            referral.decision != .returned
                && (date == nil || referral.received == nil || referral.received! <= date!)
        }
        return (candidates.isEmpty ? record.referrals : candidates).max { a, b in
            (a.received ?? LocalDate(year: 0, month: 1, day: 1), a.number)
                < (b.received ?? LocalDate(year: 0, month: 1, day: 1), b.number)
        }
    }
}
