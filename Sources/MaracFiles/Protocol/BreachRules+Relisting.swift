import MaracBase
import MaracRecords

extension BreachCheck {
    /// Transfers in acknowledged (`transfer-in-unacknowledged`, `transfer-in-ack-late`)
    /// [003 MOP §2.11], and cases heard at an emergency MARAC listed at the next scheduled one
    /// (`emergency-not-relisted`) [002 §2 IV]. Both are due by `ListingPlanner.nextListing`, the
    /// answer `referral-not-listed` uses: the agenda deadline of the first meeting whose
    /// referral cut-off is on or after the day (or `transfer_in_ack_days` after receipt, when
    /// marac.toml sets it).
    func relistingBreaches() -> [Breach] {
        var found: [Breach] = []
        var planner = ListingPlanner(records)
        if rules.isOn(.transferInAcknowledgement) {
            for record in records.cases {
                let id = record.id ?? record.file
                for (index, transfer) in record.transfers.enumerated() where transfer.direction == .in {
                    guard let received = transfer.received, received <= asOf, !engine.predatesAdoption(received) else { continue }
                    let due: LocalDate, unit: TimeUnit, ruleID: RuleID
                    if let days = rules.period(.transferInAckDays) {
                        (due, unit, ruleID) = (days.deadline(after: received, in: calendar), BreachCheck.countingUnit(days), .transferInAckDays)
                    } else if let listing = planner.nextListing(from: received, marac: record.marac) {
                        (due, unit, ruleID) = (listing.due, listing.unit, .transferInAcknowledgement)
                    } else {
                        continue
                    }
                    guard let (late, done) = lateness(due: due, done: transfer.acknowledged, unit: unit) else { continue }
                    found.append(Breach(
                        rule: done == nil ? "transfer-in-unacknowledged" : "transfer-in-ack-late", caseID: id,
                        item: "transfer[\(index + 1)]", due: due, done: done, late: late, unit: unit,
                        protocolRule: ruleID, reference: reference(.transferInAcknowledgement)))
                }
            }
        }
        if rules.isOn(.emergencyRelisting) {
            // Each case's hearings at scheduled or closed meetings (a closed-session case is
            // relisted in a closed session).
            var relisted: [String: [LocalDate]] = [:]
            for meeting in records.meetings where meeting.kind != .emergency {
                guard let date = meeting.date else { continue }
                for heard in meeting.hearings { relisted[heard.caseID, default: []].append(date) }
            }
            for meeting in records.meetings where meeting.kind == .emergency {
                guard let date = meeting.date, date <= asOf, !engine.predatesAdoption(date) else { continue }
                var seen: Set<String> = []
                for heard in meeting.hearings where seen.insert(heard.caseID).inserted {
                    guard let record = records.summary(of: heard.caseID),
                          let listing = planner.nextListing(from: date, marac: meeting.marac ?? record.marac) else { continue }
                    let target = listing.meeting.date
                    if let closed = record.closed, closed <= target { continue }
                    if record.isTransferredOut(asOf: target) { continue }
                    let next = relisted[heard.caseID, default: []].filter { $0 > date }.min()
                    if let next, next <= target { continue }
                    guard let (late, done) = lateness(due: listing.due, done: next, unit: listing.unit) else { continue }
                    found.append(Breach(
                        rule: "emergency-not-relisted", caseID: heard.caseID, meetingID: listing.meeting.id,
                        item: "emergency \(meeting.id ?? "")", due: listing.due, done: done, late: late, unit: listing.unit,
                        protocolRule: .emergencyRelisting, reference: reference(.emergencyRelisting)))
                }
            }
        }
        return found
    }
}
