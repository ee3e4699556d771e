import MaracRecords

/// What the protocol rules say about one referral: which acceptance criteria its own facts
/// meet, and its MeRIT band. Pure: the same referral and rules always give the same answer.
public struct ReferralEvaluation: Sendable, Hashable {
    /// Criteria the referral meets by the rules (in `Referral.Criterion` order).
    public var met: [Referral.Criterion]
    /// The MeRIT band ("GOLD", "SILVER", "BRONZE") of a MeRIT score, when the profile has bands.
    public var meritBand: String?
    /// Whether the score was compared with a threshold at all (a risk tool the profile scores).
    public var scored: Bool

    /// Whether any criterion holds.
    public var thresholdMet: Bool { !met.isEmpty }
}

extension ProtocolRules {
    /// Evaluates `referral` against these rules.
    ///
    /// - visible high risk: DASH (or Young Persons DASH, when `young_person_dash` is on) ticks at
    ///   or above `dash_threshold`; a MeRIT score at or above `merit_threshold`;
    /// - escalation: with counts (Gwent), `police_incidents_12m` or `crimes_12m` at or above
    ///   them; without counts (West Midlands, Liverpool), the referrer's judgement stands when
    ///   the referral says escalation;
    /// - professional judgement: the profile allows it and a reason is written down;
    /// - repeat: `isRepeat` (see `RepeatDetection`);
    /// - transfer in: the profile accepts transfers and the case records a transfer in (or the
    ///   referral says so);
    /// - DVDS: Gwent's automatic rule, or a profile that hears Clare's Law requests
    ///   (`agenda_clares_law_last`), for a referral naming a DVDS disclosure;
    /// - HBV: Liverpool's automatic rule for a referral that says honour-based violence.
    public func evaluate(_ referral: some ReferralFacts, transferIn: Bool = false, isRepeat: Bool = false) -> ReferralEvaluation {
        var met: [Referral.Criterion] = []
        var scored = false
        var band: String?
        if let score = referral.riskScore {
            switch referral.riskTool {
            case "dash":
                if let threshold = dashThreshold {
                    scored = true
                    if score >= threshold { met.append(.visibleHighRisk) }
                }
            case "dash-young-person":
                // Young Persons DASH (16-17 year olds) is scored against the same threshold.
                if let threshold = dashThreshold {
                    scored = true
                    if score >= threshold { met.append(.visibleHighRisk) }
                }
            case "merit":
                band = meritBand(score: score)
                if let threshold = meritThreshold {
                    scored = true
                    if score >= threshold { met.append(.visibleHighRisk) }
                }
            default:
                break
            }
        }
        let says = Set(referral.criteria)
        if escalation {
            if escalationPoliceIncidents != nil || escalationCrimes != nil {
                let incidents = referral.policeIncidents12m.map { n in escalationPoliceIncidents.map { n >= $0 } ?? false } ?? false
                let crimes = referral.crimes12m.map { n in escalationCrimes.map { n >= $0 } ?? false } ?? false
                if incidents || crimes { met.append(.escalation) }
            } else if says.contains(.escalation) {
                met.append(.escalation)
            }
        }
        if professionalJudgement, says.contains(.professionalJudgement), referral.hasJudgementReason {
            met.append(.professionalJudgement)
        }
        if isRepeat, repeatWindow != nil || repeatAnyInstanceWindow != nil { met.append(.repeat) }
        if self.transferIn, transferIn || says.contains(.transferIn) { met.append(.transferIn) }
        if (dvdsAutomatic && (referral.dvds != nil || says.contains(.dvds)))
            || (isOn(.agendaClaresLawLast) && referral.dvds != nil)
        {
            met.append(.dvds)
        }
        if hbvAutomatic, says.contains(.hbv) { met.append(.hbv) }
        return ReferralEvaluation(met: met, meritBand: band, scored: scored)
    }
}
