import MaracBase
import MaracRecords

extension BreachCheck {
    /// The case rules: complex case review due (`complex-case-review-due`), outgoing transfer
    /// (`transfer-out-late`, `transfer-out-missing`), domestic homicide review disclosure
    /// (`dhr-disclosure-late`, `dhr-disclosure-missing`), and flags past their period
    /// (`flag-expired`).
    func caseBreaches() -> [Breach] {
        var found: [Breach] = hearings.dates.keys.sorted().compactMap(complexCaseReview)
        for record in repository.cases {
            let id = record.id ?? record.file
            if let period = rules.transferOut {
                for (index, transfer) in record.transfers.enumerated() where transfer.direction == .out {
                    guard let notified = transfer.notified else { continue }
                    if let breach = deadlineBreach(
                        "transfer-out-late", period: period, ruleID: .transferOutDays,
                        due: period.deadline(after: notified, in: calendar), done: transfer.sent, caseID: id,
                        item: "transfer[\(index + 1)]", missingRule: "transfer-out-missing")
                    {
                        found.append(breach)
                    }
                }
            }
            if let period = rules.dhrDisclosure {
                for (index, disclosure) in record.disclosures.enumerated() where disclosure.kind == "dhr" {
                    guard let requested = disclosure.requested else { continue }
                    if let breach = deadlineBreach(
                        "dhr-disclosure-late", period: period, ruleID: .dhrDisclosureDays,
                        due: period.deadline(after: requested, in: calendar), done: disclosure.date, caseID: id,
                        item: "disclosure[\(index + 1)]", missingRule: "dhr-disclosure-missing")
                    {
                        found.append(breach)
                    }
                }
            }
            if let breach = expiredFlag(record, id: id) { found.append(breach) }
        }
        return found
    }

    /// The flag period runs from the later of the last incident and the last accepted
    /// referral; past it, with no `[flag] lifted` and the case not transferred out, the flags
    /// should have been lifted [000 §9, 003 §2.6].
    func expiredFlag(_ record: Case, id: String) -> Breach? {
        guard let period = rules.flagPeriod, record.status != .transferredOut else { return nil }
        if let lifted = record.flagLifted, lifted <= asOf { return nil }
        let accepted = record.referrals.filter { $0.decision == .accepted }
        guard let start = accepted.flatMap({ [$0.received, $0.incident].compactMap { $0 } }).filter({ $0 <= asOf }).max()
        else { return nil }
        let due = period.deadline(after: start, in: calendar)
        guard asOf > due else { return nil }
        return Breach(
            rule: "flag-expired", caseID: id, due: due, late: due.days(to: asOf), unit: .days,
            protocolRule: .flagMonths, reference: reference(.flagMonths))
    }

    /// A case heard `complex_case_hearings` times within `complex_case_window_months`
    /// [000 §14]: reported from the hearing that reaches the count until the window has passed
    /// since it (there is no record of the review itself).
    func complexCaseReview(_ id: String) -> Breach? {
        guard let count = rules.complexCaseHearings, count > 0, let window = rules.complexCaseWindow else { return nil }
        let dates = Array(Set(hearings.dates[id, default: []].filter { $0 <= asOf })).sorted()
        guard dates.count >= count else { return nil }
        var trigger: LocalDate?
        for end in (count - 1)..<dates.count where dates[end] <= window.deadline(after: dates[end - count + 1], in: calendar) {
            trigger = dates[end]
        }
        guard let trigger, asOf <= window.deadline(after: trigger, in: calendar) else { return nil }
        let inWindow = dates.filter { $0 <= trigger && $0 >= window.date(before: trigger, in: calendar) }.count
        return Breach(
            rule: "complex-case-review-due", caseID: id, due: trigger,
            note: "heard \(inWindow) times within \(window)", protocolRule: .complexCaseHearings,
            reference: reference(.complexCaseHearings))
    }
}
