import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// Lint findings that need the protocol engine: marac.toml's protocol settings it cannot use
/// (`protocol-settings`, errors at each key's line:column: the engine is their one validator),
/// and warnings: a referral whose own `criteria` disagree with what the rules compute
/// (`criteria-mismatch`), an accepted referral the records show was not heard where it must
/// be (`referral-not-listed`, from `ListingPlanner`, as `check` reports it), an honour-based
/// violence case not marked closed where the protocol hears those closed (`hbv-session-open`),
/// and `info_only` where the profile lists no repeats for information only (`info-only-unused`).
enum ProtocolLint {
    /// The findings of a repository, from what lint keeps of each file.
    static func check(
        _ loaded: Result<ProtocolEngine, RulesError>, file: String, _ facts: [RecordFacts], asOf: LocalDate
    ) -> [Diagnostic] {
        let engine: ProtocolEngine
        switch loaded {
        case .failure(let error):
            return error.problems.map {
                Diagnostic(file: file, position: $0.position, message: $0.message, rule: .protocolSettings)
            }
        case .success(let loaded): engine = loaded
        }
        var cases: [CaseSummary] = []
        var meetings: [MeetingSummary] = []
        for fact in facts {
            switch fact {
            case .case(let item): cases.append(item.summary)
            case .meeting(let item): meetings.append(item)
            }
        }
        let records = ProtocolRecords(engine: engine, cases: cases, meetings: meetings)
        var planner = ListingPlanner(records)
        var findings = agencyKinds(engine, file: file)
        if let key = engine.configuration.table[member: "retention_months"] {
            findings.append(Diagnostic(
                file: file, position: key.keyRange.start, severity: .warning,
                message: "retention_months belongs under [rules] now (it is a protocol rule, listed by 'mfile rules'); move the line under [rules]",
                rule: .retentionKeyMoved))
        }
        for record in cases {
            findings += criteriaMismatches(record, records: records)
            findings += ReferralDutyRules.decisions(record, records: records)
            findings += unlisted(record, planner: &planner, asOf: asOf)
            findings += sessionAndListing(record, rules: engine.rules)
        }
        return findings
    }

    /// The findings of a repository already loaded, as of `asOf`.
    static func check(_ repository: Repository, asOf: LocalDate) -> [Diagnostic] {
        let facts = repository.cases.map { RecordFacts.case(CaseFacts($0)) }
            + repository.meetings.map { RecordFacts.meeting(MeetingSummary($0)) }
        let engine = Result { () throws(RulesError) in try ProtocolEngine.load(repository.configuration) }
        return check(engine, file: repository.configuration.file, facts, asOf: asOf)
    }

    /// Accepted referrals not heard, as of `asOf`, at or after the meeting they belong to, past
    /// the last day to circulate its agenda: exactly the referrals `check` reports as
    /// `referral-not-listed` and "not done" as of the same day. (One heard late is a breach
    /// `check` reports, but the record is complete, so lint says nothing.)
    static func unlisted(_ record: CaseSummary, planner: inout ListingPlanner, asOf: LocalDate) -> [Diagnostic] {
        record.referrals.compactMap { referral in
            guard let listing = planner.listing(of: referral, in: record), !listing.heardInTime, asOf > listing.due,
                  listing.heard.map({ $0 > asOf }) ?? true else { return nil }
            return Diagnostic(
                file: record.file, position: referral.positions.decision, severity: .warning,
                message: "\(referral.place) was accepted but the case is not heard at the meeting of \(listing.meeting.date), where \(planner.reference) lists it, or at any later one, and that agenda's last day (\(listing.due)) has passed; add a [[hearing]] for it (or record the case as closed or transferred out if that is why)",
                rule: .referralNotListed)
        }
    }

    /// A rule that reads an agency's kind, with no agency of that kind in marac.toml: Gwent's
    /// IDVA time covers non-police referrals only [001 §4.6], Liverpool scores DASH only from
    /// health [003 MOP §1.3].
    static func agencyKinds(_ engine: ProtocolEngine, file: String) -> [Diagnostic] {
        let kinds = Set(engine.configuration.agencies.compactMap(\.kind))
        let needs: [(RuleID, Configuration.Agency.Kind, String)] = [
            (.idvaNonPoliceOnly, .police, "the IDVA referral time then applies to police referrals too"),
            (.dashHealthOnly, .health, "no DASH score counts"),
        ]
        let position = engine.configuration.table[member: "profile"]?.keyRange.start
        return needs.filter { engine.rules.isOn($0.0) && !kinds.contains($0.1) }.map { id, kind, consequence in
            Diagnostic(
                file: file, position: position, severity: .warning,
                message: "rule `\(id.rawValue)` reads which agencies are \(kind.rawValue), but no [[agency]] in marac.toml has kind = \"\(kind.rawValue)\", so \(consequence); add the kind to that agency",
                rule: .agencyKindMissing)
        }
    }

    /// `hbv-session-open` and `info-only-unused`.
    static func sessionAndListing(_ record: CaseSummary, rules: ProtocolRules) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if rules.hbvClosedSession, record.hasHBVReferral, !record.sessionClosed {
            findings.append(Diagnostic(
                file: record.file, position: record.sessionPosition, severity: .warning,
                message: "the case has an honour-based violence referral, which the \(rules.profile) profile always hears in a closed session; set session = \"closed\" with session_reason = \"honour-based-violence\"",
                rule: .hbvSessionOpen))
        }
        if !rules.repeatInfoOnlyListing {
            for referral in record.referrals where referral.infoOnly {
                findings.append(Diagnostic(
                    file: record.file, position: referral.positions.infoOnly, severity: .warning,
                    message: "\(referral.place) has info_only = true, but the \(rules.profile) profile lists no repeats for information only, so the case is listed and heard like any other; remove info_only or set repeat_info_only_listing in [rules]",
                    rule: .infoOnlyUnused))
            }
        }
        return findings
    }

    /// The criteria-mismatch warnings of one case, given the repository's repeats.
    static func criteriaMismatches(_ record: CaseSummary, records: ProtocolRecords) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let engine = records.engine, rules = engine.rules, detection = records.detection
        let hasTransferIn = record.hasTransferIn
        let profile = rules.profile
        for referral in record.referrals where referral.decision != .returned {
            let place = referral.place
            let position = referral.positions.criteria
            let repeatFinding = record.id.flatMap { detection.repeatOf(caseID: $0, referral: referral.number) }
            let evaluation = engine.evaluate(referral, transferIn: hasTransferIn, isRepeat: repeatFinding != nil)
            func warn(_ message: String) {
                findings.append(Diagnostic(
                    file: record.file, position: position, severity: .warning, message: message,
                    rule: .criteriaMismatch))
            }
            let otherMet = { (criterion: Referral.Criterion) in evaluation.met.contains { $0 != criterion } }
            // An incident too old for these criteria is `incident-not-recent` (one line a problem).
            let recent = rules.incidentIsRecent(referral)
            for criterion in referral.criteria where !evaluation.met.contains(criterion) {
                if !recent, criterion == .visibleHighRisk || criterion == .escalation { continue }
                switch criterion {
                case .visibleHighRisk:
                    if let message = visibleHighRiskMessage(referral, engine: engine, place: place) { warn(message) }
                case .escalation:
                    if rules.escalation {
                        let incidents = rules.escalationPoliceIncidents.map { "\($0) police incidents" }
                        let crimes = rules.escalationCrimes.map { "\($0) crimes" }
                        let counts = [incidents, crimes].compactMap { $0 }.joined(separator: " or ")
                        let months = rules.escalationMonths
                        warn("\(place) says escalation but police_incidents_\(months)m and crimes_\(months)m do not reach the \(profile) counts (\(counts) in \(months) months); correct the counts or the criteria")
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
                records.hearingDates(of: id).contains(where: { $0 >= received }),
                let window = rules.repeatIDVAOnlyWindow
            {
                warn("\(place) is a repeat within \(window) of the MARAC date while the victim engages with the IDVA: under the \(profile) profile it goes to the IDVA only, not back to MARAC")
            }
        }
        return findings
    }

    private static func visibleHighRiskMessage(_ referral: Referral, engine: ProtocolEngine, place: String) -> String? {
        let rules = engine.rules
        switch referral.riskTool {
        case "dash", "dash-young-person":
            guard let threshold = engine.scoringThreshold(referral) else {
                if rules.dashThreshold != nil {
                    return "\(place) says visible-high-risk on a DASH score, but the \(rules.profile) profile accepts DASH only from a health agency (kind = \"health\" in marac.toml); record the MeRIT score"
                }
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
