import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// Lint warnings that need the protocol rules: a referral whose own `criteria` disagree with
/// what the rules compute (rule `criteria-mismatch`). Skipped when marac.toml's protocol
/// settings cannot be read (`mfile rules` reports that).
enum ProtocolLint {
    /// The warnings of a repository, from what lint keeps of each file.
    static func check(_ configuration: Configuration, _ facts: [RecordFacts]) -> [Diagnostic] {
        analyse(configuration, facts)?.findings() ?? []
    }

    /// The repeats across the repository (one pass over every case), ready for `findings`;
    /// nil when the protocol settings cannot be read.
    static func analyse(_ configuration: Configuration, _ facts: [RecordFacts]) -> Analysis? {
        guard let context = try? ProtocolContext.load(configuration) else { return nil }
        var cases: [CaseSummary] = []
        var heard: [(LocalDate, [String])] = []
        for fact in facts {
            switch fact {
            case .case(let item): cases.append(item.summary)
            case .meeting(let item): if let date = item.date { heard.append((date, item.hearings.map(\.caseID))) }
            }
        }
        let hearings = HearingIndex(heard)
        let detection = RepeatDetection.analyse(cases, rules: context.rules, hearings: hearings.dates)
        return Analysis(cases: cases, rules: context.rules, detection: detection, hearings: hearings)
    }

    /// What the per-case warnings are checked against.
    struct Analysis: Sendable {
        var cases: [CaseSummary]
        var rules: ProtocolRules
        var detection: RepeatDetection
        var hearings: HearingIndex

        /// Every case's warnings, in case order, the cases shared out among the cores.
        func findings() -> [Diagnostic] {
            cases.parallelMap { criteriaMismatches($0, rules: rules, detection: detection, hearings: hearings) }
                .flatMap { $0 }
        }
    }

    /// The warnings of a repository already loaded.
    static func check(_ repository: Repository) -> [Diagnostic] {
        let facts = repository.cases.map { RecordFacts.case(CaseFacts($0)) }
            + repository.meetings.map { RecordFacts.meeting(MeetingFacts($0)) }
        return check(repository.configuration, facts)
    }

    /// The criteria-mismatch warnings of one case, given the repository's repeats.
    static func criteriaMismatches(
        _ record: CaseSummary, rules: ProtocolRules, detection: RepeatDetection, hearings: HearingIndex
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let hasTransferIn = record.hasTransferIn
        let profile = rules.profile
        for referral in record.referrals where referral.decision != .returned {
            let place = referral.place
            let position = referral.criteriaPosition
            let repeatFinding = record.id.flatMap { detection.repeatOf(caseID: $0, referral: referral.number) }
            let evaluation = rules.evaluate(referral, transferIn: hasTransferIn, isRepeat: repeatFinding != nil)
            func warn(_ message: String) {
                findings.append(Diagnostic(
                    file: record.file, position: position, severity: .warning, message: message,
                    rule: "criteria-mismatch"))
            }
            let otherMet = { (criterion: Referral.Criterion) in evaluation.met.contains { $0 != criterion } }
            for criterion in referral.criteria where !evaluation.met.contains(criterion) {
                switch criterion {
                case .visibleHighRisk:
                    if let message = visibleHighRiskMessage(referral, rules: rules, place: place) { warn(message) }
                case .escalation:
                    if rules.escalation {
                        let incidents = rules.escalationPoliceIncidents.map { "\($0) police incidents" }
                        let crimes = rules.escalationCrimes.map { "\($0) crimes" }
                        let counts = [incidents, crimes].compactMap { $0 }.joined(separator: " or ")
                        warn("\(place) says escalation but police_incidents_12m and crimes_12m do not reach the \(profile) counts (\(counts) in 12 months); correct the counts or the criteria")
                    } else if !otherMet(criterion) {
                        warn("\(place) says escalation, which is not a referral criterion of the \(profile) profile, and meets no other criterion")
                    }
                case .professionalJudgement:
                    // A missing reason is reported by the judgement-reason rule.
                    if !rules.professionalJudgement, !otherMet(criterion) {
                        warn("\(place) says professional-judgement, which the \(profile) profile does not accept, and meets no other criterion")
                    }
                case .repeat:
                    let window = rules.repeatWindow.map(\.description) ?? "the repeat window"
                    warn("\(place) says repeat but no earlier accepted referral of the same victim and perpetrator is within \(window) (names and dates of birth compared); check the earlier case or correct the criteria")
                case .transferIn, .dvds, .hbv:
                    if !otherMet(criterion) {
                        warn("\(place) says \(criterion.rawValue), which is not a referral criterion on its own in the \(profile) profile, and meets no other criterion; record the risk score or the professional judgement")
                    }
                }
            }
            if let repeatFinding, !referral.criteria.contains(.repeat) {
                let same = repeatFinding.previousCaseID == record.id
                let previous = same
                    ? "referral[\(repeatFinding.previousReferral)] of this case"
                    : "case \(repeatFinding.previousCaseID) (referral[\(repeatFinding.previousReferral)])"
                let window = rules.repeatWindow.map(\.description) ?? "the repeat window"
                warn("\(place) is a repeat of \(previous): same victim and perpetrator within \(window) of the last referral; add \"repeat\" to criteria")
            }
            if let repeatFinding, repeatFinding.idvaOnly, let id = record.id, let received = referral.received,
                hearings.dates[id, default: []].contains(where: { $0 >= received }),
                let window = rules.repeatIDVAOnlyWindow
            {
                warn("\(place) is a repeat within \(window) of the MARAC date while the victim engages with the IDVA: under the \(profile) profile it goes to the IDVA only, not back to MARAC")
            }
        }
        return findings
    }

    private static func visibleHighRiskMessage(_ referral: ReferralSummary, rules: ProtocolRules, place: String) -> String? {
        switch referral.riskTool {
        case "dash", "dash-young-person":
            guard let threshold = rules.dashThreshold else {
                return "\(place) says visible-high-risk on a DASH score, but the \(rules.profile) profile scores risk with MeRIT; record the MeRIT score"
            }
            guard referral.riskScore != nil else {
                return "\(place) says visible-high-risk but has no risk_score; record the DASH ticks"
            }
            return "\(place) says visible-high-risk but its risk_score is below the dash_threshold of \(threshold) ticks; record the criterion that applies (e.g. professional-judgement with a reason)"
        case "merit":
            guard let threshold = rules.meritThreshold else {
                return "\(place) says visible-high-risk on a MeRIT score, but the \(rules.profile) profile scores risk with DASH; record the DASH ticks"
            }
            guard referral.riskScore != nil else {
                return "\(place) says visible-high-risk but has no risk_score; record the MeRIT score"
            }
            return "\(place) says visible-high-risk but its risk_score is below the merit_threshold of \(threshold) points; record the criterion that applies (e.g. professional-judgement with a reason)"
        default:
            return "\(place) says visible-high-risk but has no risk_tool; record the risk tool and score"
        }
    }
}
