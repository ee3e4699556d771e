import MaracBase

extension BreachCheck {
    /// The minutes circulation list in marac.toml: `circulation-list-missing` (the rule is on
    /// and no agency has `minutes = true`) and `circulation-list-review-due` (not checked within
    /// `circulation_list_review_months` of `[circulation] reviewed`, or never).
    func circulationBreaches() -> [Breach] {
        var found: [Breach] = []
        if let list = engine.minutesCirculationList, list.isEmpty {
            found.append(Breach(
                rule: "circulation-list-missing", due: asOf, note: "no [[agency]] has minutes = true",
                protocolRule: .minutesCirculationList, reference: reference(.minutesCirculationList)))
        }
        if let due = engine.circulationReviewDue, let period = rules.period(.circulationListReviewMonths) {
            if let due {
                if let breach = deadlineBreach(
                    "circulation-list-review-due", period: period, ruleID: .circulationListReviewMonths, due: due, done: nil)
                {
                    found.append(breach)
                }
            } else {
                found.append(Breach(
                    rule: "circulation-list-review-due", due: asOf, note: "no [circulation] reviewed date",
                    protocolRule: .circulationListReviewMonths, reference: reference(.circulationListReviewMonths)))
            }
        }
        return found
    }
}
