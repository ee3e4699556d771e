import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracRecords

/// Issue 12, items 3-5: each rule read from its seed, at its boundary (the day before, of and
/// after), each failing on the code before the protocol engine.
final class ProtocolSeedBoundaryTests: XCTestCase {
    private typealias Expect = BreachBoundaryTests.Expect

    private func rows(
        _ rows: [(String, () throws -> [Breach], Expect?)], rules names: Set<String>, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for (label, run, expect) in rows {
            let got = try run().filter { names.contains($0.rule) }.map { Expect(rule: $0.rule, due: $0.due.description, late: $0.late) }
            XCTAssertEqual(got, expect.map { [$0] } ?? [], label, file: file, line: line)
        }
    }

    // MARK: 3.1 The IDVA clock runs from receipt where the seed says so

    private func idva(_ profile: String, received: String, decided: String, referred: String?, asOf: String, agency: String? = nil) throws -> [Breach] {
        let referral = Records.referral(received: received, decided: decided, idva: referred, extra: agency.map { [("agency", .s($0))] } ?? [])
        return try Records.check(profile, asOf: asOf, cases: [Records.case("2026-TEST-001", referrals: [referral])])
    }

    /// 001 §4.6: "On receipt of a non-police referral ... within 24 hours or as soon as is
    /// practical after receipt of a referral": received Mon 2 March, decided Fri 6 March, due
    /// by the end of Tue 3 March.
    func testGwentIDVAFromReceiptForNonPoliceReferrals() throws {
        let r = "2026-03-02", d = "2026-03-06"
        try rows([
            ("same day", { try self.idva("gwent", received: r, decided: d, referred: "2026-03-02", asOf: "2026-04-06") }, nil),
            ("next day", { try self.idva("gwent", received: r, decided: d, referred: "2026-03-03", asOf: "2026-04-06") }, nil),
            ("day after", { try self.idva("gwent", received: r, decided: d, referred: "2026-03-04", asOf: "2026-04-06") },
             Expect(rule: "idva-referral-late", due: "2026-03-03", late: 1)),
            ("on the decision day", { try self.idva("gwent", received: r, decided: d, referred: "2026-03-06", asOf: "2026-04-06") },
             Expect(rule: "idva-referral-late", due: "2026-03-03", late: 3)),
            ("missing, due day", { try self.idva("gwent", received: r, decided: d, referred: nil, asOf: "2026-03-03") }, nil),
            ("missing, day after", { try self.idva("gwent", received: r, decided: d, referred: nil, asOf: "2026-03-04") },
             Expect(rule: "idva-referral-missing", due: "2026-03-03", late: 1)),
            ("health referral", { try self.idva("gwent", received: r, decided: d, referred: "2026-03-04", asOf: "2026-04-06", agency: "health") },
             Expect(rule: "idva-referral-late", due: "2026-03-03", late: 1)),
            ("police referral: the seed sets no time", { try self.idva("gwent", received: r, decided: d, referred: "2026-03-20", asOf: "2026-04-06", agency: "police") }, nil),
        ], rules: ["idva-referral-late", "idva-referral-missing"])
    }

    /// 003 MOP §4.4: "within three days of a referral to MARAC": received 2 March, due 5 March.
    func testLiverpoolIDVAFromReceipt() throws {
        let r = "2026-03-02", d = "2026-03-06"
        try rows([
            ("day before", { try self.idva("liverpool", received: r, decided: d, referred: "2026-03-04", asOf: "2026-04-03") }, nil),
            ("day of", { try self.idva("liverpool", received: r, decided: d, referred: "2026-03-05", asOf: "2026-04-03") }, nil),
            ("day after (the decision day)", { try self.idva("liverpool", received: r, decided: d, referred: "2026-03-06", asOf: "2026-04-03") },
             Expect(rule: "idva-referral-late", due: "2026-03-05", late: 1)),
            ("police referrals too", { try self.idva("liverpool", received: r, decided: d, referred: "2026-03-06", asOf: "2026-04-03", agency: "police") },
             Expect(rule: "idva-referral-late", due: "2026-03-05", late: 1)),
        ], rules: ["idva-referral-late", "idva-referral-missing"])
    }

    /// 000 §9: "Referrals will be processed and where threshold is met ... within one working
    /// day": from the decision, Fri 6 March, due Mon 9 March.
    func testWestMidlandsIDVAFromTheDecision() throws {
        let r = "2026-03-02", d = "2026-03-06"
        try rows([
            ("day of", { try self.idva("west-midlands", received: r, decided: d, referred: "2026-03-09", asOf: "2026-04-03") }, nil),
            ("day after", { try self.idva("west-midlands", received: r, decided: d, referred: "2026-03-10", asOf: "2026-04-03") },
             Expect(rule: "idva-referral-late", due: "2026-03-09", late: 1)),
        ], rules: ["idva-referral-late"])
    }

    /// 003 MOP §5.1: "Referrals received after the referral deadline date will be on the agenda
    /// for the subsequent MARAC". Fortnightly Thursdays: meeting 19 March (cut-off Thu 12
    /// March, 5 working days before), then 2 April. Decided 13 March, heard 2 April only.
    func testLiverpoolListsByReceipt() throws {
        func listing(received: String, rules: [(String, T)] = []) throws -> [Breach] {
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: received, decided: "2026-03-13", idva: received)])
            let meeting = Records.meeting("2026-04-02", fields: [("agenda_circulated", .d(day("2026-03-25")))], hearings: [Records.hearing("2026-TEST-001")])
            return try Records.check("liverpool", asOf: "2026-04-10", cases: [record], meetings: [meeting], rules: rules,
                                     frequency: "fortnightly", firstMeeting: "2026-01-08")
        }
        try rows([
            ("received the day before the cut-off", { try listing(received: "2026-03-11") },
             Expect(rule: "referral-not-listed", due: "2026-03-12", late: 15)),
            ("received on the cut-off", { try listing(received: "2026-03-12") },
             Expect(rule: "referral-not-listed", due: "2026-03-12", late: 15)),
            ("received the day after: the next meeting", { try listing(received: "2026-03-13") }, nil),
            ("by acceptance instead", { try listing(received: "2026-03-12", rules: [("listing_by_receipt", .b(false))]) }, nil),
        ], rules: ["referral-not-listed"])
    }

    // MARK: 3.2 Liverpool: actions reported complete within 14 days

    /// 003 MOP §6.12: "inform the MARAC Officers ... that their actions are complete within 14
    /// days of the MARAC meeting". Meeting Thu 19 March 2026: by Thu 2 April. An update is not
    /// completion; a recorded "cannot be completed" is a report [002 §3 duty 6].
    func testLiverpoolActionsReportedCompleteWithin14Days() throws {
        func action(_ fields: [(String, T)], asOf: String) throws -> [Breach] {
            let base: [(String, T)] = [("id", .i(1)), ("agency", .s("housing")), ("owner", .s("O")), ("due", .d(day("2026-05-01")))]
            let meeting = Records.meeting("2026-03-19", fields: [("agenda_circulated", .d(day("2026-03-10")))],
                                          hearings: [Records.hearing("2026-TEST-001", actions: [.t(base + fields)])])
            return try Records.check("liverpool", asOf: asOf, meetings: [meeting])
        }
        let open: [(String, T)] = [("status", .s("open")), ("updated", .d(day("2026-03-25")))]
        try rows([
            ("open and updated, day 14", { try action(open, asOf: "2026-04-02") }, nil),
            ("open and updated, day 15", { try action(open, asOf: "2026-04-03") }, Expect(rule: "action-not-complete", due: "2026-04-02", late: 1)),
            ("incomplete and updated, day 15", { try action([("status", .s("incomplete")), ("updated", .d(day("2026-03-30")))], asOf: "2026-04-03") },
             Expect(rule: "action-not-complete", due: "2026-04-02", late: 1)),
            ("completed day 13", { try action([("status", .s("complete")), ("completed", .d(day("2026-04-01")))], asOf: "2026-04-10") }, nil),
            ("completed day 14", { try action([("status", .s("complete")), ("completed", .d(day("2026-04-02")))], asOf: "2026-04-10") }, nil),
            ("completed day 15", { try action([("status", .s("complete")), ("completed", .d(day("2026-04-03")))], asOf: "2026-04-10") },
             Expect(rule: "action-completion-late", due: "2026-04-02", late: 1)),
            ("cannot be completed, reported day 14", { try action([("status", .s("cannot-complete")), ("updated", .d(day("2026-04-02")))], asOf: "2026-04-10") }, nil),
            ("cannot be completed, reported day 15", { try action([("status", .s("cannot-complete")), ("updated", .d(day("2026-04-03")))], asOf: "2026-04-10") },
             Expect(rule: "action-completion-late", due: "2026-04-02", late: 1)),
        ], rules: ["action-not-complete", "action-completion-late", "action-no-update"])
    }

    // MARK: 3.4 Liverpool accepts the SafeLives DASH from health

    private func lint(_ profile: String, _ cases: [Case], rules: [(String, T)] = []) -> [Diagnostic] {
        ProtocolLint.check(Records.repository(Records.configuration(profile: profile, rules: rules), cases: cases), asOf: day("2026-01-01"))
    }

    /// 003 MOP §1.3: "health organisations use SafeLives Dash Tool ... MARAC accepts SafeLives
    /// Dash to support MARAC referral for these cases". 14 ticks is the SafeLives threshold.
    func testLiverpoolAcceptsTheDASHFromHealthOnly() {
        func warnings(score: Int, agency: String) -> [String] {
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-03-02", score: score, extra: [("agency", .s(agency))])])
            return lint("liverpool", [record]).filter { $0.rule == .criteriaMismatch }.map(\.message)
        }
        XCTAssertEqual(warnings(score: 13, agency: "health").count, 1, "below 14 ticks")
        XCTAssertTrue(warnings(score: 13, agency: "health")[0].contains("dash_threshold of 14 ticks"))
        XCTAssertEqual(warnings(score: 14, agency: "health"), [], "at 14 ticks")
        XCTAssertEqual(warnings(score: 15, agency: "health"), [])
        XCTAssertEqual(warnings(score: 20, agency: "housing").count, 1)
        XCTAssertTrue(warnings(score: 20, agency: "housing")[0].contains("accepts DASH only from a health agency"))
    }

    // MARK: 3.6 Liverpool: safeguarding reviews get the same 10 working days as DHRs

    /// 003 ISP §5 (DHRs, Safeguarding Adult Reviews, Child Safeguarding Practice Reviews), §5.7:
    /// "copies of relevant minutes and action plans within 10 working days". Requested Mon 30
    /// March 2026, across Easter: due Wed 15 April.
    func testLiverpoolSafeguardingReviewsGetTenWorkingDays() throws {
        func review(_ profile: String, answered: String?, asOf: String) throws -> [Breach] {
            var members: [(String, T)] = [("requested", .d(day("2026-03-30"))), ("kind", .s("safeguarding-review")),
                                          ("to", .s("Panel")), ("what", .s("minutes")), ("basis", .s("SAR"))]
            if let answered { members.append(("date", .d(day(answered)))) }
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-01-05", idva: "2026-01-05")],
                                      extra: [("disclosure", .a([.t(members)]))])
            return try Records.check(profile, asOf: asOf, cases: [record])
        }
        try rows([
            ("day before", { try review("liverpool", answered: "2026-04-14", asOf: "2026-05-01") }, nil),
            ("day of", { try review("liverpool", answered: "2026-04-15", asOf: "2026-05-01") }, nil),
            ("day after", { try review("liverpool", answered: "2026-04-16", asOf: "2026-05-01") },
             Expect(rule: "review-disclosure-late", due: "2026-04-15", late: 1)),
            ("unanswered, due day", { try review("liverpool", answered: nil, asOf: "2026-04-15") }, nil),
            ("unanswered, day after", { try review("liverpool", answered: nil, asOf: "2026-04-16") },
             Expect(rule: "review-disclosure-missing", due: "2026-04-15", late: 1)),
            ("West Midlands sets no time", { try review("west-midlands", answered: nil, asOf: "2026-05-01") }, nil),
        ], rules: ["review-disclosure-late", "review-disclosure-missing"])
    }

    // MARK: 3.7 Honour-based violence in Liverpool is always heard in a closed session

    /// 003 MOP §2.1: "ALL cases of Honour Based Violence cases MUST be referred to MARAC and will
    /// be heard in a closed session"; 001 §4.12 leaves HBV to the chair ("in some cases").
    func testLiverpoolHBVIsAlwaysAClosedSession() {
        func findings(_ profile: String, criteria: [String], session: String?, rules: [(String, T)] = []) -> Int {
            var extra: [(String, T)] = []
            if let session { extra += [("session", .s(session)), ("session_reason", .s("honour-based-violence"))] }
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-03-02", score: 80, tool: "merit", criteria: criteria)], extra: extra)
            return lint(profile, [record], rules: rules).filter { $0.rule == .hbvSessionOpen }.count
        }
        XCTAssertEqual(findings("liverpool", criteria: ["hbv"], session: "open"), 1)
        XCTAssertEqual(findings("liverpool", criteria: ["hbv"], session: nil), 1)
        XCTAssertEqual(findings("liverpool", criteria: ["hbv"], session: "closed"), 0)
        XCTAssertEqual(findings("liverpool", criteria: ["visible-high-risk"], session: "open"), 0)
        XCTAssertEqual(findings("west-midlands", criteria: ["hbv"], session: "open"), 0)
        XCTAssertEqual(findings("gwent", criteria: ["hbv"], session: "open"), 0)
        XCTAssertEqual(findings("liverpool", criteria: ["hbv"], session: "open", rules: [("hbv_closed_session", .b(false))]), 0)
    }

    // MARK: 3.9 The case cap: check and the agenda count the same cases

    /// 000 §10: "No more than 25 cases should be heard at each meeting". Cap 2: two cases heard,
    /// an information-only repeat and a closed-session case count neither in `check` nor on the
    /// agenda; a third heard case is over the cap in both.
    func testCheckAndTheAgendaCountTheSameCasesAgainstTheCap() throws {
        let cases = [
            Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-10-20", idva: "2026-10-20")]),
            Records.case("2026-TEST-002", victim: Records.person("Victim Two", dob: "1991-01-01"), referrals: [Records.referral(received: "2026-10-20", idva: "2026-10-20")]),
            Records.case("2026-TEST-003", victim: Records.person("Victim Three", dob: "1992-01-01"),
                         referrals: [Records.referral(received: "2026-10-20", criteria: ["repeat"], idva: "2026-10-20", extra: [("info_only", .b(true))])]),
            Records.case("2026-TEST-004", victim: Records.person("Victim Four", dob: "1993-01-01"),
                         referrals: [Records.referral(received: "2026-10-20", idva: "2026-10-20")],
                         extra: [("session", .s("closed")), ("session_reason", .s("agency-employee"))]),
            Records.case("2026-TEST-005", victim: Records.person("Victim Five", dob: "1994-01-01"), referrals: [Records.referral(received: "2026-10-20", idva: "2026-10-20")]),
        ]
        let rules: [(String, T)] = [("max_cases_per_meeting", .i(2))]
        func both(_ heard: [String]) throws -> (check: [String?], overflow: Int) {
            let meeting = Records.meeting("2026-11-05", fields: [("agenda_circulated", .d(day("2026-10-28")))], hearings: heard.map { Records.hearing($0) })
            let configuration = Records.configuration(profile: "west-midlands", rules: rules)
            let repository = Records.repository(configuration, cases: cases, meetings: [meeting])
            let engine = try ProtocolEngine.load(configuration)
            let check = BreachCheck(repository: repository, engine: engine, asOf: day("2026-11-06")).breaches()
                .filter { $0.rule == "meeting-over-cap" }.map(\.note)
            let agenda = AgendaModel.context(meeting: meeting, repository: repository, engine: engine, start: 570, scope: .general, format: .markdown)
            guard case .array(let overflow)? = agenda["overflow"] else { XCTFail("no overflow"); return (check, -1) }
            return (check, overflow.count)
        }
        let within = try both(["2026-TEST-001", "2026-TEST-002", "2026-TEST-003", "2026-TEST-004"])
        XCTAssertEqual(within.check, [])
        XCTAssertEqual(within.overflow, 0)
        let over = try both(["2026-TEST-001", "2026-TEST-002", "2026-TEST-003", "2026-TEST-004", "2026-TEST-005"])
        XCTAssertEqual(over.check, ["3 cases, cap 2"])
        XCTAssertEqual(over.overflow, 1)
    }

    // MARK: 4 The SafeLives duties are the base of every profile

    /// 002 §3 duty 7: "flagged for twelve months following the last incident, and to notify
    /// colleagues when twelve months have passed". Gwent's protocol sets no period of its own.
    /// Referral and incident 2 March 2025: the period ends 2 March 2026.
    func testGwentFlagsAreLiftedAfterTwelveMonths() throws {
        let record = Records.case("2025-TEST-001", referrals: [
            Records.referral(received: "2025-03-02", idva: "2025-03-02", extra: [("incident", .d(day("2025-03-02")))]),
        ])
        let configuration = Records.configuration(profile: "gwent")
        let repository = Records.repository(configuration, cases: [record])
        let records = ProtocolRecords(engine: try ProtocolEngine.load(configuration), repository: repository)
        XCTAssertEqual(FlagSweep.due(repository, records: records, asOf: day("2026-03-01")).map(\.caseID), [])
        XCTAssertEqual(FlagSweep.due(repository, records: records, asOf: day("2026-03-02")).map(\.caseID), ["2025-TEST-001"])
        try rows([
            ("period's last day", { try Records.check("gwent", asOf: "2026-03-02", cases: [record]) }, nil),
            ("day after", { try Records.check("gwent", asOf: "2026-03-03", cases: [record]) }, Expect(rule: "flag-expired", due: "2026-03-02", late: 1)),
        ], rules: ["flag-expired"])
    }

    /// 002 §3 duty 2: "within eight days of the meeting" is Gwent's earliest day (its own
    /// protocol says only "5 days prior" [001 §4.5]); Liverpool's "at least 5 working days"
    /// [003 MOP §5.2] would contradict it around bank holidays, so it is not added there.
    func testSafeLivesEightDaysWhereNoMinimumContradictsIt() throws {
        func agenda(_ profile: String, _ circulated: String) throws -> [Breach] {
            try Records.check(profile, asOf: "2026-04-09", meetings: [Records.meeting("2026-04-09", fields: [("agenda_circulated", .d(day(circulated)))])])
        }
        try rows([
            ("Gwent nine days before", { try agenda("gwent", "2026-03-31") }, Expect(rule: "agenda-early", due: "2026-04-01", late: 1)),
            ("Gwent eight days before", { try agenda("gwent", "2026-04-01") }, nil),
            ("Liverpool ten days before (Easter)", { try agenda("liverpool", "2026-03-30") }, nil),
        ], rules: ["agenda-early", "agenda-late"])
    }
}

/// A rule that reads an agency's kind warns when marac.toml marks no agency of that kind.
final class AgencyKindLintTests: XCTestCase {
    func testMissingKindsAreWarnedAbout() throws {
        func warnings(_ profile: String, kinds: [String?]) -> [String] {
            let agencies: [T] = kinds.enumerated().map { index, kind in
                .t([("id", .s("agency-\(index)")), ("name", .s("Agency"))] + (kind.map { [("kind", .s($0))] } ?? []))
            }
            let table = T.table([
                ("name", .s("T")), ("profile", .s(profile)), ("marking", .s("M")),
                ("marac", .a([.t([("id", .s("north")), ("name", .s("N")), ("frequency", .s("monthly")), ("first_meeting", .d(day("2026-01-08")))])])),
                ("agency", .a(agencies)),
            ])
            var problems: [Diagnostic] = []
            let repository = Records.repository(Configuration(table: table, problems: &problems))
            return ProtocolLint.check(repository, asOf: day("2026-01-01")).filter { $0.rule == .agencyKindMissing }.map(\.message)
        }
        XCTAssertEqual(warnings("gwent", kinds: [nil]).count, 1)
        XCTAssertTrue(warnings("gwent", kinds: [nil])[0].contains("kind = \"police\""))
        XCTAssertEqual(warnings("gwent", kinds: ["police"]), [])
        XCTAssertEqual(warnings("liverpool", kinds: ["police"]).count, 1)
        XCTAssertEqual(warnings("liverpool", kinds: ["health"]), [])
        XCTAssertEqual(warnings("west-midlands", kinds: [nil]), [])
    }
}
