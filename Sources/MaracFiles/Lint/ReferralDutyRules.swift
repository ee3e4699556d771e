import MaracBase
import MaracProtocol
import MaracRecords

/// The per-referral findings that follow the profile's rules (each predicate is the protocol
/// engine's; lint words the finding): who may be referred (`victim-under-age`,
/// `young-person-dash`, `incident-not-recent`).
enum ReferralDutyRules {
    static func check(_ referral: Referral, of record: Case, engine: ProtocolEngine) -> [Diagnostic] {
        let rules = engine.rules, reader = referral.reader, place = reader.place, file = record.file
        let profile = rules.profile
        var findings: [Diagnostic] = []
        switch rules.victimAgeFinding(victimDOB: record.victim?.dob, referral: referral) {
        case .underMinimum(let minimum):
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "received"),
                message: "the victim (victim.dob) is under \(minimum) on \(place).received, and the \(profile) profile takes referrals for victims aged \(minimum) or over [min_victim_age: \(engine.reference(.minVictimAge))]; return the referral (decision = \"returned\", with return_reason) or correct victim.dob",
                rule: .victimUnderAge))
        case .youngPersonOnAdultDASH:
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "risk_tool"), severity: .warning,
                message: "\(place) uses the DASH for a victim aged 16-17 on \(place).received; the \(profile) profile assesses 16-17 year olds with the Young Persons DASH [young_person_dash: \(engine.reference(.youngPersonDASH))]; write risk_tool = \"dash-young-person\"",
                rule: .youngPersonDASH))
        case .adultOnYoungPersonDASH:
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "risk_tool"), severity: .warning,
                message: "\(place) uses the Young Persons DASH for a victim aged 18 or over on \(place).received; it is for victims aged 16-17 [young_person_dash: \(engine.reference(.youngPersonDASH))]; write risk_tool = \"dash\" or correct victim.dob",
                rule: .youngPersonDASH))
        case nil:
            break
        }
        if !rules.incidentIsRecent(referral), referral.decision != .returned,
           let window = rules.period(.recentIncidentMonths),
           referral.criteria.contains(.visibleHighRisk) || referral.criteria.contains(.escalation)
        {
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "incident"), severity: .warning,
                message: "\(place).incident is more than \(window) before \(place).received; under the \(profile) profile an older incident is referred on professional judgement, not on visible high risk or escalation [recent_incident_months: \(engine.reference(.recentIncidentMonths))]; write criteria = [\"professional-judgement\"] with judgement_reason, or correct the dates",
                rule: .incidentNotRecent))
        }
        findings += papers(referral, file: file, engine: engine)
        if rules.returnReasonMissing(referral) {
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "decision"),
                message: "\(place) was returned but has no return_reason; record why (incomplete form, threshold not evidenced, ...), with return_category for the figures [return_reason_required: \(engine.reference(.returnReasonRequired))]",
                rule: .returnReason))
        }
        return findings
    }

    /// `merit-grade` (App.5's "graded HIGHER" only, with the reason), `not-informed-reason` and
    /// `informed-consent-conflict`.
    static func papers(_ referral: Referral, file: String, engine: ProtocolEngine) -> [Diagnostic] {
        let rules = engine.rules, reader = referral.reader, place = reader.place
        var findings: [Diagnostic] = []
        if let grade = referral.meritGrade, referral.riskTool == "merit", let score = referral.riskScore,
           let computed = rules.meritBand(score: score), let gradeRank = ProtocolRules.meritBands.firstIndex(of: grade),
           let computedRank = ProtocolRules.meritBands.firstIndex(of: computed), gradeRank != computedRank
        {
            let reference = "MeRIT bands: \(engine.reference(.meritGoldMin))"
            if gradeRank > computedRank {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "merit_grade"),
                    message: "\(place).merit_grade is below the band its risk_score gives (\(computed)); a referrer may grade a case higher, never lower [\(reference)]; remove merit_grade or correct it",
                    rule: .meritGrade))
            } else if !referral.hasJudgementReason {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "merit_grade"), severity: .warning,
                    message: "\(place) is graded up from \(computed) to \(grade) without judgement_reason; App.5 asks the referrer to explain why it should be graded higher [\(reference)]",
                    rule: .meritGrade))
            }
        }
        if referral.victimInformed == false {
            if rules.isOn(.victimNotInformedOnAgenda), !referral.hasNotInformedReason {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "victim_informed"),
                    message: "\(place) says the victim was not informed but has no victim_not_informed_reason; the \(rules.profile) profile puts the reason on the agenda [victim_not_informed_on_agenda: \(engine.reference(.victimNotInformedOnAgenda))]; write why (e.g. not safe to contact)",
                    rule: .notInformedReason))
            }
            if referral.consent == .given {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "victim_informed"), severity: .warning,
                    message: "\(place) has consent = \"given\" but victim_informed = false: a victim who gave consent knows of the referral; check both fields",
                    rule: .informedConsentConflict))
            }
        }
        return findings
    }

    /// `decision-by-missing` and `decision-by-role` (`ProtocolRecords.decisionFinding`).
    static func decisions(_ record: CaseSummary, records: ProtocolRecords) -> [Diagnostic] {
        let engine = records.engine
        let reference = "below_threshold_decision: \(engine.reference(.belowThresholdDecision))"
        func roles(_ set: Set<Referral.DecisionRole>) -> String {
            Referral.DecisionRole.allCases.filter(set.contains).map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        }
        return record.referrals.compactMap { referral in
            switch records.decisionFinding(referral, in: record) {
            case .deciderMissing(let allowed):
                let who = allowed.map { " (the \(engine.rules.profile) profile: one of \(roles($0)))" } ?? ""
                return Diagnostic(
                    file: record.file, position: referral.decisionPosition,
                    message: "\(referral.place) does not meet the threshold by score and has no decided_by; record who decided or quality-assured it\(who), e.g. decided_by = [\"coordinator\"] [\(reference)]",
                    rule: .decisionByMissing)
            case .deciderNotAllowed(let allowed):
                return Diagnostic(
                    file: record.file, position: referral.decisionPosition, severity: .warning,
                    message: "\(referral.place).decided_by names none of the roles the \(engine.rules.profile) profile has decide on this referral (\(roles(allowed))) [\(reference)]; check who decided, or switch the rule off in [rules] if your MARAC decides otherwise",
                    rule: .decisionByRole)
            case nil:
                return nil
            }
        }
    }
}
