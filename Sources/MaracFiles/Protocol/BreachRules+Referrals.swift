import MaracBase
import MaracRecords

extension BreachCheck {
    /// IDVA referral within the profile's time (`ProtocolEngine.idvaDeadline`):
    /// `idva-referral-late` (made late) or `idva-referral-missing` (not made).
    func referralBreaches() -> [Breach] {
        var found: [Breach] = []
        for record in records.cases {
            for referral in record.referrals {
                guard let deadline = engine.idvaDeadline(referral) else { continue }
                if let breach = deadlineBreach(
                    "idva-referral-late", period: deadline.period, ruleID: .idvaReferral, due: deadline.due,
                    done: referral.idvaReferred, caseID: record.id ?? record.file, item: "referral[\(referral.number)]",
                    missingRule: "idva-referral-missing")
                {
                    found.append(breach)
                }
            }
        }
        return found
    }

    /// An accepted referral not heard at the meeting it belongs to (`ListingPlanner`):
    /// `referral-not-listed`, due the last day to circulate that meeting's agenda.
    func listingBreaches() -> [Breach] {
        var found: [Breach] = []
        var planner = ListingPlanner(records)
        for record in records.cases {
            guard let id = record.id else { continue }
            for referral in record.referrals {
                guard let listing = planner.listing(of: referral, in: record), !listing.heardInTime,
                      let (late, done) = lateness(due: listing.due, done: listing.heard, unit: listing.unit)
                else { continue }
                found.append(Breach(
                    rule: "referral-not-listed", caseID: id, meetingID: listing.meeting.id,
                    item: "referral[\(referral.number)]", due: listing.due, done: done, late: late, unit: listing.unit,
                    protocolRule: rules.listingByReceipt ? .listingByReceipt : (rules.agendaWindowMin != nil ? .agendaWindowMinDays : nil),
                    reference: planner.reference))
            }
        }
        return found
    }
}
