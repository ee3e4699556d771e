import MaracBase
import MaracRecords

extension ProtocolRules {
    /// Minutes circulated before the chair approved them, or with no approval recorded, where
    /// `minutes_approved_before_circulation` is on: "approved by the relevant MARAC Chair prior
    /// to secure electronic circulation" [001 §4.9]. Approval and circulation on the same day
    /// is allowed (records hold dates).
    public func minutesCirculatedUnapproved(_ meeting: Meeting) -> Bool {
        guard isOn(.minutesApprovedBeforeCirculation), let circulated = meeting.minutesCirculated else { return false }
        guard let approved = meeting.minutesApproved else { return true }
        return circulated < approved
    }
}

extension ProtocolEngine {
    /// The agencies on the approved list for the full minutes (`[[agency]] minutes = true`),
    /// in marac.toml's order, where `minutes_circulation_list` is on; `nil` when it is off.
    /// "Full minutes are only sent to agencies on the approved list of attendees" [001 §4.9];
    /// "an up-to-date list of ... those organisations who are to receive copies of the minutes"
    /// [003 MOP §10.10].
    public var minutesCirculationList: [Configuration.Agency]? {
        guard rules.isOn(.minutesCirculationList) else { return nil }
        return configuration.agencies.filter(\.minutes)
    }

    /// When the circulation list is next due to be checked (`[circulation] reviewed` plus
    /// `circulation_list_review_months`): "Six monthly housekeeping" [001 §2.4]. `nil` when the
    /// rule is off; `.some(nil)` when the list has never been reviewed.
    public var circulationReviewDue: LocalDate?? {
        guard let period = rules.period(.circulationListReviewMonths) else { return nil }
        return .some(configuration.circulationReviewed.map { period.deadline(after: $0, in: calendar) })
    }
}
