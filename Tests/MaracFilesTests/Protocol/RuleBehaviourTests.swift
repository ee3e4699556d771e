import XCTest
@testable import MaracBase
@testable import MaracLint
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

    static func engine(_ profile: String, rules: String, frequency: String) throws -> ProtocolEngine {
        let text = """
            name = "T"
            profile = "\(profile)"
            marking = "OFFICIAL-SENSITIVE"
            [rules]
            \(rules)
            [[marac]]
            id = "north"
            name = "North"
            frequency = "\(frequency)"
            first_meeting = 2026-01-08
            [[agency]]
            id = "police"
            name = "Police"
            kind = "police"
            [[agency]]
            id = "health"
            name = "Health"
            kind = "health"
            [[agency]]
            id = "housing"
            name = "Housing"
            kind = "housing"
            """
        var problems: [Diagnostic] = []
        return try ProtocolEngine.load(Configuration(table: try TOMLDecoder.decode(bytes: Array(text.utf8)), problems: &problems))
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

    static let probes: [RuleID: Probe] = [
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
            let profile = try probe.observe(try Self.engine(probe.profile, rules: "", frequency: probe.frequency))
            let switched = try probe.observe(try Self.engine(probe.profile, rules: probe.switched, frequency: probe.frequency))
            XCTAssertNotEqual(profile, switched, "\(id.rawValue): switching it (\(probe.switched)) changes nothing: \(profile)")
        }
        for id in RuleID.notYetChecked { XCTAssertNil(Self.probes[id], "\(id.rawValue) is not listed") }
    }
}
