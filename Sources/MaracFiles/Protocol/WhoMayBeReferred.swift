import MaracBase
import MaracRecords

/// How a referral's victim stands against the profile's age rules, on the day the referral
/// arrived (`received`: the one referral date every record has, and the day the data return
/// counts ages on).
public enum VictimAgeFinding: Sendable, Hashable {
    /// Younger than `min_victim_age`: "aged 16 or over" [000 §1, §9; 001 §4.1; 003 MOP §1].
    case underMinimum(Int)
    /// Aged 16-17 and assessed with the adult DASH where the Young Persons DASH is "available
    /// to assess the level of risk for those aged 16-17" [000 §9].
    case youngPersonOnAdultDASH
    /// Aged 18 or over and assessed with the Young Persons DASH.
    case adultOnYoungPersonDASH
}

extension ProtocolRules {
    /// Who may be referred: the victim's age on `received` against `min_victim_age` and
    /// `young_person_dash`. A returned referral, or one without a date of birth or date
    /// received, has no finding (returning it is the right outcome; an unknown date of birth is
    /// allowed).
    public func victimAgeFinding(victimDOB: LocalDate?, referral: some ReferralFacts) -> VictimAgeFinding? {
        guard let dob = victimDOB, let received = referral.received, referral.decision != .returned else { return nil }
        let age = dob.age(on: received)
        if let minimum = minVictimAge, age < minimum { return .underMinimum(minimum) }
        guard youngPersonDASH else { return nil }
        if age < 18, referral.riskTool == "dash" { return .youngPersonOnAdultDASH }
        if age >= 18, referral.riskTool == "dash-young-person" { return .adultOnYoungPersonDASH }
        return nil
    }

    /// Whether the referral's incident is recent enough for a referral on visible high risk or
    /// escalation: "An incident within the last 3 months, and 1. Visible high risk (using
    /// MeRIT), or ... Escalation ... Or, in an incident that occurred longer than 3 months ago
    /// ... referral is made on, 1. Professional judgement" [003 App.5]. Measured back from the
    /// day the referral arrived, the day exactly `recent_incident_months` earlier included.
    /// Always true when the rule is off or either date is missing.
    public func incidentIsRecent(_ referral: some ReferralFacts) -> Bool {
        guard let window = period(.recentIncidentMonths), let incident = referral.incident,
              let received = referral.received else { return true }
        return incident >= received.adding(months: -window.amount)
    }
}
