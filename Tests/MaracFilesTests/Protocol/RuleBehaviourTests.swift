import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracTOML

/// `mfile rules` is the truth: every rule it lists changes what a command reports. For each
/// listed rule, one fixture observed under the profile and under `[rules]` with that rule
/// switched (or its number changed) must give different answers. A listed rule without a
/// probe here fails the test.
final class RuleBehaviourTests: XCTestCase {
    struct Probe: Sendable {
        var profile: String
        /// `[rules]` lines that switch the rule or change its number.
        var switched: String
        var frequency = "monthly"
        /// What lint, check, the agenda or the evaluation says, in words.
        var observe: @Sendable (ProtocolEngine) throws -> String
    }

    // Observations.

    static func check(_ engine: ProtocolEngine, asOf: String, cases: [Case] = [], meetings: [Meeting] = []) -> String {
        let repository = Records.repository(engine.configuration, cases: cases, meetings: meetings)
        return BreachCheck(repository: repository, engine: engine, asOf: day(asOf)).breaches()
            .map { "\($0.rule) \($0.due) \($0.late.map(String.init) ?? "-") \($0.note ?? "")" }.joined(separator: "; ")
    }

    static func lint(_ engine: ProtocolEngine, cases: [Case], meetings: [Meeting] = []) -> String {
        Linter.lint(Records.repository(engine.configuration, cases: cases, meetings: meetings), asOf: day("2026-12-31"))
            .map(\.rule.rawValue).joined(separator: " ")
    }

    static func met(_ engine: ProtocolEngine, _ referral: T, transferIn: Bool = false) -> String {
        let record = Records.case("2026-TEST-001", referrals: [referral])
        return engine.evaluate(CaseSummary(record).referrals[0], transferIn: transferIn).met.map(\.rawValue).joined(separator: " ")
    }

    static func repeats(_ engine: ProtocolEngine, _ cases: [Case], meetings: [Meeting] = []) -> String {
        let records = ProtocolRecords(engine: engine, cases: cases.map(CaseSummary.init), meetings: meetings.map(MeetingSummary.init))
        return records.detection.repeats.map { "\($0.caseID)#\($0.referral) idva-only \($0.idvaOnly)" }.joined(separator: "; ")
    }

    static func agenda(_ engine: ProtocolEngine, _ texts: [String]) throws -> String {
        let result = try PaperFixtures.agenda(texts, engine)
        return zip(result.order.items, result.ids).map { item, id in
            "\(id) \(item.section.rawValue) \(item.slot.map { "\($0.start)-\($0.end)" } ?? "-")"
        }.joined(separator: "; ")
    }

    static func referral(_ received: String, score: Int? = 16, tool: String = "dash", criteria: [String] = ["visible-high-risk"],
                         decided: String? = nil, idva: String? = nil, extra: [(String, T)] = []) -> T {
        Records.referral(received: received, score: score, tool: tool, criteria: criteria, decided: decided, idva: idva ?? received, extra: extra)
    }

    static func meeting(_ date: String, circulated: String? = nil, heard: [String] = [], hearingExtra: [(String, T)] = [],
                        actions: [T] = [], fields: [(String, T)] = []) -> Meeting {
        let agenda: [(String, T)] = [("agenda_circulated", .d(day(circulated ?? day(date).adding(days: -8).description)))]
        return Records.meeting(date, fields: agenda + fields, hearings: heard.map { Records.hearing($0, actions: actions, extra: hearingExtra) })
    }

    static func action(_ fields: [(String, T)]) -> T {
        .t([("id", .i(1)), ("agency", .s("housing")), ("owner", .s("O")), ("due", .d(day("2026-12-31")))] + fields)
    }

    static let child = [PaperFixtures.PersonSpec(name: "Child", dob: "2018-01-01")]
    typealias F = PaperFixtures

    /// `check` in DutyFixtures' marac.toml, which has core agencies, with the probe's `[rules]`
    /// line when `engine` has it.
    static func withCoreAgencies(_ engine: ProtocolEngine, _ switched: String, asOf: String, meetings: [Meeting]) throws -> String {
        try DutyFixtures.breaches(engine.rules.profile, asOf: asOf, rules: engine.effective.overrides.isEmpty ? "" : switched, meetings: meetings)
            .map(\.rule).joined(separator: " ")
    }

    /// What `check` reports (not breaches) of one case with referrals for those incidents.
    static func reported(_ engine: ProtocolEngine, asOf: String, incidents: [String]) -> String {
        let referrals = incidents.map { referral(day($0).adding(days: 1).description, tool: "merit", extra: [("incident", .d(day($0)))]) }
        return BreachCheck(repository: Records.repository(engine.configuration, cases: [Records.case("2026-TEST-001", referrals: referrals)]),
                           engine: engine, asOf: day(asOf)).reported().map(\.line).joined(separator: "; ")
    }

    /// The risk the agenda prints for a MeRIT score.
    static func meritRisk(_ engine: ProtocolEngine, score: Int) throws -> String {
        AgendaModel.risk(try F.makeCase(F.caseText(id: "x", score: score, tool: "merit")).referrals.first, engine: engine).text ?? "-"
    }

    static func victim(aged dob: String) -> T { Records.person("Victim One", dob: dob) }

    static let probes: [RuleID: Probe] = [
        .minVictimAge: Probe(profile: "west-midlands", switched: "min_victim_age = 15") { engine in
            lint(engine, cases: [Records.case("2026-TEST-001", victim: victim(aged: "2011-01-01"), referrals: [referral("2026-11-02", tool: "dash-young-person")])])
        },
        .youngPersonDASH: Probe(profile: "west-midlands", switched: "young_person_dash = false") { engine in
            lint(engine, cases: [Records.case("2026-TEST-001", victim: victim(aged: "2009-06-01"), referrals: [referral("2026-11-02")])])
        },
        .belowThresholdDecision: Probe(profile: "west-midlands", switched: "below_threshold_decision = false") { engine in
            lint(engine, cases: [Records.case("2026-TEST-001", referrals: [
                referral("2026-11-02", score: 5, criteria: ["professional-judgement"], extra: [("judgement_reason", .s("r"))]),
            ])])
        },
        .returnReasonRequired: Probe(profile: "gwent", switched: "return_reason_required = false") { engine in
            lint(engine, cases: [Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", decision: "returned")])])
        },
        .coreAgencyAttendance: Probe(profile: "west-midlands", switched: "core_agency_attendance = false") { engine in
            try withCoreAgencies(engine, "core_agency_attendance = false", asOf: "2026-11-06", meetings: [DutyFixtures.meeting("2026-11-05", attendees: ["police"])])
        },
        .coreAgencyDeputyRequired: Probe(profile: "gwent", switched: "core_agency_deputy_required = false") { engine in
            try withCoreAgencies(engine, "core_agency_deputy_required = false", asOf: "2026-11-06", meetings: [
                DutyFixtures.meeting("2026-11-05", attendees: ["police", "children"], apologies: [DutyFixtures.apology("idva", written: true)]),
            ])
        },
        .presenterMustAttend: Probe(profile: "west-midlands", switched: "presenter_must_attend = false") { engine in
            check(engine, asOf: "2026-11-06", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-10-01")])], meetings: [
                meeting("2026-11-05", heard: ["2026-TEST-001"], fields: [("attendee", .a([DutyFixtures.attendee("health")]))]),
            ])
        },
        .signInOutTimes: Probe(profile: "liverpool", switched: "sign_in_out_times = false") { engine in
            lint(engine, cases: [], meetings: [meeting("2026-11-05", fields: [("attendee", .a([DutyFixtures.attendee("police")]))])])
        },
        .minutesApprovedBeforeCirculation: Probe(profile: "gwent", switched: "minutes_approved_before_circulation = false") { engine in
            lint(engine, cases: [], meetings: [meeting("2026-11-05", fields: [("minutes_circulated", .d(day("2026-11-06")))])])
        },
        .minutesCirculationList: Probe(profile: "liverpool", switched: "minutes_circulation_list = false") { engine in
            check(engine, asOf: "2026-11-06")
        },
        .circulationListReviewMonths: Probe(profile: "gwent", switched: "circulation_list_review_months = false") { engine in
            check(engine, asOf: "2026-11-06")
        },
        .transferInAcknowledgement: Probe(profile: "liverpool", switched: "transfer_in_acknowledgement = false") { engine in
            check(engine, asOf: "2026-12-31", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-11-20", tool: "merit", criteria: ["transfer-in"])], extra: [
                ("transfer", .a([.t([("direction", .s("in")), ("received", .d(day("2026-11-20")))])])),
            ])])
        },
        .transferInAckDays: Probe(profile: "liverpool", switched: "transfer_in_ack_days = \"1 working day\"") { engine in
            check(engine, asOf: "2026-11-24", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-11-20", tool: "merit", criteria: ["transfer-in"])], extra: [
                ("transfer", .a([.t([("direction", .s("in")), ("received", .d(day("2026-11-20")))])])),
            ])])
        },
        .transferOutReceiptConfirmed: Probe(profile: "gwent", switched: "transfer_out_receipt_confirmed = false") { engine in
            let record = Records.case("2026-TEST-001", referrals: [referral("2026-01-05")], extra: [
                ("transfer", .a([.t([("direction", .s("out")), ("notified", .d(day("2026-11-02"))), ("sent", .d(day("2026-11-03")))])])),
            ])
            return BreachCheck(repository: Records.repository(engine.configuration, cases: [record]), engine: engine, asOf: day("2026-11-10"))
                .reported().map(\.rule).joined(separator: " ")
        },
        .professionalsMeetingIncidents: Probe(profile: "liverpool", switched: "professionals_meeting_incidents = 4") { engine in
            reported(engine, asOf: "2026-07-10", incidents: ["2026-01-10", "2026-04-01", "2026-07-10"])
        },
        .professionalsMeetingWindowMonths: Probe(profile: "liverpool", switched: "professionals_meeting_window_months = 7") { engine in
            reported(engine, asOf: "2026-07-10", incidents: ["2025-12-20", "2026-04-01", "2026-07-10"])
        },
        .emergencyRelisting: Probe(profile: "west-midlands", switched: "emergency_relisting = false") { engine in
            check(engine, asOf: "2026-12-31", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-08-01")])],
                  meetings: [DutyFixtures.meeting("2026-11-20", kind: "emergency", heard: [("2026-TEST-001", "police")])])
        },
        .meritGoldMin: Probe(profile: "liverpool", switched: "merit_gold_min = 75") { try meritRisk($0, score: 72) },
        .meritSilverMin: Probe(profile: "liverpool", switched: "merit_silver_min = 20") { try meritRisk($0, score: 18) },
        .meritBronzeMin: Probe(profile: "liverpool", switched: "merit_bronze_min = 5") { try meritRisk($0, score: 3) },
        .agendaMeritBand: Probe(profile: "liverpool", switched: "agenda_merit_band = false") { try meritRisk($0, score: 72) },
        .victimNotInformedOnAgenda: Probe(profile: "west-midlands", switched: "victim_not_informed_on_agenda = false") { engine in
            let text = F.caseText(id: "x", score: 16).replacingOccurrences(of: "info_only = false\n", with: "info_only = false\nvictim_informed = false\nvictim_not_informed_reason = \"r\"\n")
            return AgendaModel.notInformedReason(try F.makeCase(text).referrals.first, engine: engine).text ?? "-"
        },
        .retentionMonths: Probe(profile: "west-midlands", switched: "retention_months = 24") { engine in
            var closed = Records.case("2025-TEST-001", referrals: [referral("2025-11-10")], extra: [("closed", .d(day("2026-06-01")))])
            closed.status = .closed
            let records = ProtocolRecords(engine: engine, cases: [CaseSummary(closed)], meetings: [])
            return RetentionSweep.due(records, asOf: day("2030-01-01")).map(\.caseID).joined(separator: " ")
        },
        .recentIncidentMonths: Probe(profile: "liverpool", switched: "recent_incident_months = 6") {
            met($0, referral("2026-11-02", score: 80, tool: "merit", extra: [("incident", .d(day("2026-07-01")))]))
        },
        .dashThreshold: Probe(profile: "west-midlands", switched: "dash_threshold = 13") { met($0, referral("2026-11-02", score: 13)) },
        .meritThreshold: Probe(profile: "liverpool", switched: "merit_threshold = 70") { met($0, referral("2026-11-02", score: 70, tool: "merit")) },
        .professionalJudgement: Probe(profile: "west-midlands", switched: "professional_judgement = false") {
            met($0, referral("2026-11-02", score: 5, criteria: ["professional-judgement"], extra: [("judgement_reason", .s("r"))]))
        },
        .escalation: Probe(profile: "west-midlands", switched: "escalation = false") { met($0, referral("2026-11-02", score: 5, criteria: ["escalation"])) },
        .escalationPoliceIncidents: Probe(profile: "gwent", switched: "escalation_police_incidents = 4") {
            met($0, referral("2026-11-02", score: 5, criteria: ["escalation"], extra: [("police_incidents_12m", .i(4))]))
        },
        .escalationCrimes: Probe(profile: "gwent", switched: "escalation_crimes = 2") {
            met($0, referral("2026-11-02", score: 5, criteria: ["escalation"], extra: [("crimes_12m", .i(2))]))
        },
        .escalationWindowMonths: Probe(profile: "gwent", switched: "escalation_window_months = 6") {
            met($0, referral("2026-11-02", score: 5, criteria: ["escalation"], extra: [("police_incidents_6m", .i(6)), ("police_incidents_12m", .i(2))]))
        },
        .transferIn: Probe(profile: "gwent", switched: "transfer_in = false") { met($0, referral("2026-11-02", score: 5, criteria: ["transfer-in"])) },
        .dvdsAutomatic: Probe(profile: "west-midlands", switched: "dvds_automatic = false") {
            met($0, referral("2026-11-02", score: 5, criteria: ["dvds"], extra: [("dvds", .s("right-to-know"))]))
        },
        .hbvAutomatic: Probe(profile: "liverpool", switched: "hbv_automatic = false") { met($0, referral("2026-11-02", score: 5, tool: "merit", criteria: ["hbv"])) },
        .hbvClosedSession: Probe(profile: "liverpool", switched: "hbv_closed_session = false") { engine in
            String(engine.isClosedSession(Records.case("2026-TEST-001", referrals: [referral("2026-11-02", score: 80, tool: "merit", criteria: ["hbv"])])))
        },
        .consentReasonRequired: Probe(profile: "west-midlands", switched: "consent_reason_required = false") { engine in
            lint(engine, cases: [Records.case("2026-TEST-001", referrals: [referral("2026-11-02", extra: [("consent", .s("refused"))])])])
        },
        .dashHealthOnly: Probe(profile: "liverpool", switched: "dash_health_only = false") {
            met($0, referral("2026-11-02", score: 16, extra: [("agency", .s("housing"))]))
        },
        .repeatWindowMonths: Probe(profile: "west-midlands", switched: "repeat_window_months = 14") { engine in
            repeats(engine, [Records.case("2026-TEST-001", referrals: [referral("2025-01-05"), referral("2026-02-10")])])
        },
        .repeatIDVAOnlyMonths: Probe(profile: "gwent", switched: "repeat_idva_only_months = false") { engine in
            repeats(engine, [Records.case("2026-TEST-001", referrals: [referral("2026-01-05"), referral("2026-03-02", extra: [("idva_engaged", .b(true))])])],
                    meetings: [meeting("2026-01-22", heard: ["2026-TEST-001"])])
        },
        .repeatAnyInstanceMonths: Probe(profile: "liverpool", switched: "repeat_any_instance_months = 14") { engine in
            repeats(engine, [Records.case("2026-TEST-001", referrals: [referral("2025-01-05", tool: "merit"), referral("2026-02-10", tool: "merit")])])
        },
        .idvaReferral: Probe(profile: "west-midlands", switched: "idva_referral = \"3 working days\"") { engine in
            check(engine, asOf: "2026-12-01", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-11-02", idva: "2026-11-05")])])
        },
        .idvaClockFromReceipt: Probe(profile: "gwent", switched: "idva_clock_from_receipt = false") { engine in
            check(engine, asOf: "2026-04-06", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-03-02", decided: "2026-03-06", idva: "2026-03-06")])])
        },
        .idvaNonPoliceOnly: Probe(profile: "gwent", switched: "idva_referral_non_police_only = false") { engine in
            check(engine, asOf: "2026-04-06", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-03-02", idva: "2026-03-06", extra: [("agency", .s("police"))])])])
        },
        .listingByReceipt: Probe(profile: "liverpool", switched: "listing_by_receipt = false", frequency: "fortnightly") { engine in
            check(engine, asOf: "2026-04-10", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-03-12", tool: "merit", decided: "2026-03-13", idva: "2026-03-12")])],
                  meetings: [meeting("2026-04-02", circulated: "2026-03-25", heard: ["2026-TEST-001"])])
        },
        .maxCasesPerMeeting: Probe(profile: "west-midlands", switched: "max_cases_per_meeting = 1") { engine in
            check(engine, asOf: "2026-11-06", cases: [
                Records.case("2026-TEST-001", referrals: [referral("2026-10-20")]),
                Records.case("2026-TEST-002", victim: Records.person("Two", dob: "1991-01-01"), referrals: [referral("2026-10-20")]),
            ], meetings: [meeting("2026-11-05", circulated: "2026-10-28", heard: ["2026-TEST-001", "2026-TEST-002"])])
        },
        .agendaWindowMinDays: Probe(profile: "west-midlands", switched: "agenda_window_min_days = \"4 working days\"") { engine in
            check(engine, asOf: "2026-11-06", meetings: [meeting("2026-11-05", circulated: "2026-10-30")])
        },
        .agendaWindowMaxDays: Probe(profile: "west-midlands", switched: "agenda_window_max_days = false") { engine in
            check(engine, asOf: "2026-11-06", meetings: [meeting("2026-11-05", circulated: "2026-10-20")])
        },
        .agendaChildrenFirst: Probe(profile: "west-midlands", switched: "agenda_children_first = false") {
            try agenda($0, [F.caseText(id: "adult", score: 16), F.caseText(id: "kids", children: child, score: 16)])
        },
        .agendaHighestRiskFirst: Probe(profile: "west-midlands", switched: "agenda_highest_risk_first = true") {
            try agenda($0, [F.caseText(id: "low", score: 14), F.caseText(id: "high", score: 22)])
        },
        .agendaClaresLawLast: Probe(profile: "west-midlands", switched: "agenda_clares_law_last = false") {
            try agenda($0, [F.caseText(id: "dvds", score: 20, criteria: ["dvds"]), F.caseText(id: "normal", score: 16)])
        },
        .agendaTransfersOutLast: Probe(profile: "west-midlands", switched: "agenda_transfers_out_last = false") {
            try agenda($0, [F.caseText(id: "transfer", score: 20, transferOut: true), F.caseText(id: "normal", score: 16)])
        },
        .repeatInfoOnlyListing: Probe(profile: "west-midlands", switched: "repeat_info_only_listing = false") {
            try agenda($0, [F.caseText(id: "info", score: 20, criteria: ["repeat"], infoOnly: true), F.caseText(id: "normal", score: 16)])
        },
        .slotMinutesWithChildren: Probe(profile: "gwent", switched: "slot_minutes_with_children = 20") {
            try agenda($0, [F.caseText(id: "kids", children: child, score: 16)])
        },
        .slotMinutesWithoutChildren: Probe(profile: "gwent", switched: "slot_minutes_without_children = 5") {
            try agenda($0, [F.caseText(id: "adult", score: 16)])
        },
        .absentAgencyWrittenInfoDays: Probe(profile: "west-midlands", switched: "absent_agency_written_info_days = false") { engine in
            check(engine, asOf: "2026-11-06", meetings: [meeting("2026-11-05", circulated: "2026-10-28",
                                                              fields: [("apology", .a([.t([("agency", .s("housing")), ("written_information", .b(false))])]))])])
        },
        .maxCasesMovedPerAgency: Probe(profile: "liverpool", switched: "max_cases_moved_per_agency = 3") { engine in
            let ids = ["2026-TEST-001", "2026-TEST-002", "2026-TEST-003"]
            return check(engine, asOf: "2026-11-05", meetings: [meeting("2026-11-05", circulated: "2026-10-28", heard: ids, hearingExtra: [("moved_for", .s("housing"))])])
        },
        .minutesApprovalDays: Probe(profile: "west-midlands", switched: "minutes_approval_days = 10") { engine in
            check(engine, asOf: "2026-12-31", meetings: [meeting("2026-11-05", circulated: "2026-10-28")])
        },
        .actionChaseDays: Probe(profile: "west-midlands", switched: "action_chase_days = false") { engine in
            check(engine, asOf: "2026-11-20", meetings: [meeting("2026-11-05", circulated: "2026-10-28", heard: ["2026-TEST-001"], actions: [action([("status", .s("open"))])])])
        },
        .actionCompletionDays: Probe(profile: "liverpool", switched: "action_completion_days = false") { engine in
            check(engine, asOf: "2026-11-20", meetings: [meeting("2026-11-05", circulated: "2026-10-28", heard: ["2026-TEST-001"],
                                                              actions: [action([("status", .s("open")), ("updated", .d(day("2026-11-10")))])])])
        },
        .professionalsMeetingDays: Probe(profile: "west-midlands", switched: "professionals_meeting_days = false") { engine in
            check(engine, asOf: "2026-11-30", meetings: [meeting("2026-11-05", circulated: "2026-10-28", heard: ["2026-TEST-001"],
                                                              hearingExtra: [("professionals_meeting_needed", .b(true))])])
        },
        .complexCaseHearings: Probe(profile: "west-midlands", switched: "complex_case_hearings = 5") { engine in
            check(engine, asOf: "2026-07-09", meetings: ["2026-01-08", "2026-03-12", "2026-05-14", "2026-07-08"].map {
                meeting($0, heard: ["2026-TEST-001"])
            })
        },
        .complexCaseWindowMonths: Probe(profile: "west-midlands", switched: "complex_case_window_months = 7") { engine in
            check(engine, asOf: "2026-08-06", meetings: ["2026-01-08", "2026-03-12", "2026-05-14", "2026-08-06"].map {
                meeting($0, heard: ["2026-TEST-001"])
            })
        },
        .transferOutDays: Probe(profile: "west-midlands", switched: "transfer_out_days = \"5 working days\"") { engine in
            check(engine, asOf: "2026-12-01", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-01-05")], extra: [
                ("transfer", .a([.t([("direction", .s("out")), ("notified", .d(day("2026-11-02"))), ("sent", .d(day("2026-11-09"))), ("to", .s("X"))])])),
            ])])
        },
        .dhrDisclosureDays: Probe(profile: "liverpool", switched: "dhr_disclosure_days = false") { engine in
            check(engine, asOf: "2026-05-01", cases: [Records.case("2026-TEST-001", referrals: [referral("2026-01-05", tool: "merit")], extra: [
                ("disclosure", .a([.t([("requested", .d(day("2026-03-30"))), ("kind", .s("dhr")), ("date", .d(day("2026-04-20"))),
                                       ("to", .s("P")), ("what", .s("m")), ("basis", .s("b"))])])),
            ])])
        },
        .flagMonths: Probe(profile: "west-midlands", switched: "flag_months = 18") { engine in
            check(engine, asOf: "2026-12-01", cases: [Records.case("2025-TEST-001", referrals: [referral("2025-11-10")])])
        },
    ]

    func testEveryListedRuleChangesWhatACommandReports() throws {
        for id in RuleID.checked {
            guard let probe = Self.probes[id] else {
                XCTFail("\(id.rawValue) is listed by 'mfile rules' but no probe shows that it changes anything")
                continue
            }
            let profile = try probe.observe(try PaperFixtures.engine(probe.profile, frequency: probe.frequency))
            let switched = try probe.observe(try PaperFixtures.engine(probe.profile, rules: probe.switched, frequency: probe.frequency))
            XCTAssertNotEqual(profile, switched, "\(id.rawValue): switching it (\(probe.switched)) changes nothing: \(profile)")
        }
        for id in RuleID.notYetChecked { XCTAssertNil(Self.probes[id], "\(id.rawValue) is not listed") }
    }
}
