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
    /// The threshold a referral's score is compared with: `dash_threshold` for DASH and Young
    /// Persons DASH (only from a health agency where `dash_health_only` is on [003 MOP §1.3]),
    /// `merit_threshold` for MeRIT; `nil` when the profile does not score that tool.
    public func scoringThreshold(tool: String?, fromHealth: Bool) -> Int? {
        switch tool {
        case "dash", "dash-young-person":
            // Young Persons DASH (16-17 year olds) is scored against the same threshold.
            dashHealthOnly && !fromHealth ? nil : dashThreshold
        case "merit": meritThreshold
        default: nil
        }
    }

    /// The months the escalation counts are read over: `escalation_window_months`, 12 when
    /// the profile counts escalation without naming a window.
    public var escalationMonths: Int { escalationWindow?.amount ?? 12 }

    /// Evaluates `referral` against these rules.
    ///
    /// - visible high risk: the score at or above its tool's `scoringThreshold`, and escalation
    ///   (below), only with an incident within `recent_incident_months` (`incidentIsRecent`);
    /// - escalation: with counts (Gwent), the referral's `police_incidents_<N>m` or
    ///   `crimes_<N>m` for N = `escalationMonths` at or above them; without counts (West
    ///   Midlands, Liverpool), the referrer's judgement stands when the referral says escalation;
    /// - professional judgement: the profile allows it and a reason is written down;
    /// - repeat: `isRepeat` (see `RepeatDetection`);
    /// - transfer in: the profile accepts transfers and the case records a transfer in (or the
    ///   referral says so);
    /// - DVDS: `dvds_automatic`, for a referral naming a DVDS request;
    /// - HBV: `hbv_automatic`, for a referral that says honour-based violence.
    public func evaluate(
        _ referral: some ReferralFacts, fromHealth: Bool, transferIn: Bool = false, isRepeat: Bool = false
    ) -> ReferralEvaluation {
        var met: [Referral.Criterion] = []
        var scored = false
        var band: String?
        if referral.riskTool == "merit", let score = referral.riskScore { band = meritBand(score: score) }
        // An incident older than `recent_incident_months` is referred on professional
        // judgement only [003 App.5].
        let recent = incidentIsRecent(referral)
        if let score = referral.riskScore, let threshold = scoringThreshold(tool: referral.riskTool, fromHealth: fromHealth) {
            scored = true
            if score >= threshold, recent { met.append(.visibleHighRisk) }
        }
        let says = Set(referral.criteria)
        if escalation, recent {
            if escalationPoliceIncidents != nil || escalationCrimes != nil {
                let months = escalationMonths
                let incidents = referral.policeIncidents[months].map { n in escalationPoliceIncidents.map { n >= $0 } ?? false } ?? false
                let crimes = referral.crimes[months].map { n in escalationCrimes.map { n >= $0 } ?? false } ?? false
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
        if dvdsAutomatic, referral.dvds != nil || says.contains(.dvds) { met.append(.dvds) }
        if hbvAutomatic, says.contains(.hbv) { met.append(.hbv) }
        return ReferralEvaluation(met: met, meritBand: band, scored: scored)
    }
}

extension ProtocolEngine {
    /// `ProtocolRules.evaluate` with the referring agency's kind read from marac.toml.
    public func evaluate(_ referral: some ReferralFacts, transferIn: Bool = false, isRepeat: Bool = false) -> ReferralEvaluation {
        rules.evaluate(referral, fromHealth: isHealth(referral.agency), transferIn: transferIn, isRepeat: isRepeat)
    }

    /// The threshold a referral's score is compared with (see `ProtocolRules.scoringThreshold`).
    public func scoringThreshold(_ referral: some ReferralFacts) -> Int? {
        rules.scoringThreshold(tool: referral.riskTool, fromHealth: isHealth(referral.agency))
    }

    /// The agency is marked `kind = "health"` in marac.toml.
    public func isHealth(_ agency: String?) -> Bool { configuration.agencyKind(agency) == .health }
}
