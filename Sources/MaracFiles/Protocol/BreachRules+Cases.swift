import MaracBase
import MaracRecords

extension BreachCheck {
    /// The case rules: complex case review due (`complex-case-review-due`), outgoing transfer
    /// (`transfer-out-late`, `transfer-out-missing`), disclosure to a review panel
    /// (`dhr-disclosure-late`, `dhr-disclosure-missing` for a domestic homicide review;
    /// `review-disclosure-late`, `review-disclosure-missing` for a safeguarding adult or child
    /// practice review [003 ISP §5, §5.6-5.7]), and flags past their period (`flag-expired`).
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
                for (index, disclosure) in record.disclosures.enumerated() {
                    let name: String
                    switch disclosure.kind {
                    case "dhr": name = "dhr-disclosure"
                    case "safeguarding-review": name = "review-disclosure"
                    default: continue
                    }
                    guard let requested = disclosure.requested else { continue }
                    if let breach = deadlineBreach(
                        "\(name)-late", period: period, ruleID: .dhrDisclosureDays,
                        due: period.deadline(after: requested, in: calendar), done: disclosure.date, caseID: id,
                        item: "disclosure[\(index + 1)]", missingRule: "\(name)-missing")
                    {
                        found.append(breach)
                    }
                }
            }
            if let breach = expiredFlag(id) { found.append(breach) }
        }
        return found
    }

    /// Flags past their period and not lifted (`ProtocolRecords.flagStatus`).
    func expiredFlag(_ id: String) -> Breach? {
        guard let status = records.flagStatus(of: id, asOf: asOf), status.isOverdue(asOf: asOf) else { return nil }
        return Breach(
            rule: "flag-expired", caseID: id, due: status.ended, late: status.ended.days(to: asOf), unit: .days,
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
