import MaracBase
import MaracRecords

/// Who decides on a referral that does not meet the threshold by score, by profile.
///
/// West Midlands: "the MARAC Administrator will forward all relevant information to the MARAC
/// Coordinator and MARAC Chair/Vice Chair, who will make the final decision if the case will be
/// discussed at MARAC" [000 §9 "Referrals Where MARAC Threshold is not met"]; the briefing
/// accepts a referral where "professional judgement is clearly explained" [004 "Referring to
/// MARAC continued"], so any one of those roles is enough. Liverpool: "All referrals sent on
/// professional judgement will be quality assured by; the MARAC Chair (Police Referrals) the
/// Vulnerable Victims Lead at Liverpool City Council (agency referrals)" [003 MOP §2.5]; its
/// pathway has the "MARAC Co-ordinator QA non Police referrals" [003 App.6], so either is
/// accepted for an agency referral. Gwent names no one [001 §4.2.2].
public enum DecisionRoles {
    /// The roles that may decide, for a referral from the police or not; `nil` when the
    /// profile names none (any role is accepted).
    public static func allowed(profile: String, policeReferral: Bool) -> Set<Referral.DecisionRole>? {
        switch profile {
        case "west-midlands": [.coordinator, .chair, .viceChair]
        case "liverpool": policeReferral ? [.chair, .viceChair] : [.vulnerableVictimsLead, .coordinator]
        default: nil
        }
    }

    /// The roles in words, for the rule's summary.
    static let summary = "; West Midlands: the coordinator, chair or vice-chair; Liverpool: the chair for a police referral, the Vulnerable Victims Lead or the coordinator for another agency's"
}

/// What a referral's decision must record.
public enum DecisionFinding: Sendable, Hashable {
    /// Below the threshold by score, and no `decided_by`.
    case deciderMissing(allowed: Set<Referral.DecisionRole>?)
    /// `decided_by` names none of the roles the profile has decide.
    case deciderNotAllowed(allowed: Set<Referral.DecisionRole>)
}

extension ProtocolRecords {
    /// Does this referral need a recorded decider, and is it recorded (`below_threshold_decision`):
    /// an accepted or returned referral that meets none of visible high risk, repeat, transfer
    /// in, Clare's Law or honour-based violence by the rules (so professional judgement,
    /// escalation without counts, or nothing at all) must name who decided.
    public func decisionFinding(_ referral: ReferralSummary, in record: CaseSummary) -> DecisionFinding? {
        guard engine.rules.isOn(.belowThresholdDecision), referral.decision == .accepted || referral.decision == .returned
        else { return nil }
        let repeatFinding = record.id.flatMap { detection.repeatOf(caseID: $0, referral: referral.number) }
        let met = engine.evaluate(referral, transferIn: record.hasTransferIn, isRepeat: repeatFinding != nil).met
        let byRule: Set<Referral.Criterion> = [.visibleHighRisk, .repeat, .transferIn, .dvds, .hbv]
        guard byRule.isDisjoint(with: met) else { return nil }
        let police = engine.configuration.agency(referral.agency ?? "")?.isPolice ?? false
        let allowed = DecisionRoles.allowed(profile: engine.rules.profile, policeReferral: police)
        if referral.decidedBy.isEmpty { return .deciderMissing(allowed: allowed) }
        if let allowed, allowed.isDisjoint(with: referral.decidedBy) { return .deciderNotAllowed(allowed: allowed) }
        return nil
    }
}

extension ProtocolRules {
    /// A returned referral without `return_reason` where `return_reason_required` is on:
    /// "Incomplete forms and/or forms that do not evidence that the MARAC threshold has been met
    /// will be returned to the referrer to amend for re-submission, with guidance" [000 §9];
    /// "rejected and returned with advice" [004]; "may be rejected" [001 §4.3]; "The referring
    /// agency will be advised if the case is not referred" [003 MOP §2.5].
    public func returnReasonMissing(_ referral: Referral) -> Bool {
        isOn(.returnReasonRequired) && referral.decision == .returned && !referral.hasReturnReason
    }
}
