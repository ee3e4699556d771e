import XCTest
@testable import MaracProtocol
@testable import MaracRecords

/// Each deadline rule at its boundary (the day before, the day of and the day after the
/// deadline), per profile, across Christmas/New Year, Easter and a weekend.
final class BreachBoundaryTests: XCTestCase {
    /// What one row expects: no breach, or this rule, due date and lateness.
    struct Expect: Equatable, CustomStringConvertible {
        var rule: String
        var due: String
        var late: Int?
        var description: String { "\(rule) due \(due) late \(late.map(String.init) ?? "-")" }
    }

    private let christmasClosure = ["2026-12-24"]

    private func assertRows(
        _ rows: [(label: String, breaches: () throws -> [Breach], expect: Expect?)], rule prefix: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for row in rows {
            let found = try row.breaches().filter { $0.rule.hasPrefix(prefix) }
            let got = found.map { Expect(rule: $0.rule, due: $0.due.description, late: $0.late) }
            XCTAssertEqual(got, row.expect.map { [$0] } ?? [], row.label, file: file, line: line)
        }
    }

    // MARK: IDVA referral

    private func idva(_ profile: String, accepted: String, referred: String?, asOf: String, closures: [String] = []) throws -> [Breach] {
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: accepted, idva: referred)])
        return try Records.check(profile, asOf: asOf, cases: [record], closures: closures)
    }

    func testIDVAReferralBoundaries() throws {
        let c = christmasClosure
        try assertRows([
            // West Midlands: 1 working day. Wed 23 Dec 2026 + 1 (24 closure, 25, weekend, 28 substitute) = Tue 29.
            ("WM Christmas, day before", { try self.idva("west-midlands", accepted: "2026-12-23", referred: "2026-12-23", asOf: "2027-01-10", closures: c) }, nil),
            ("WM Christmas, day of", { try self.idva("west-midlands", accepted: "2026-12-23", referred: "2026-12-29", asOf: "2027-01-10", closures: c) }, nil),
            ("WM Christmas, day after", { try self.idva("west-midlands", accepted: "2026-12-23", referred: "2026-12-30", asOf: "2027-01-10", closures: c) },
             Expect(rule: "idva-referral-late", due: "2026-12-29", late: 1)),
            ("WM Christmas, missing on the day", { try self.idva("west-midlands", accepted: "2026-12-23", referred: nil, asOf: "2026-12-29", closures: c) }, nil),
            ("WM Christmas, missing the day after", { try self.idva("west-midlands", accepted: "2026-12-23", referred: nil, asOf: "2026-12-30", closures: c) },
             Expect(rule: "idva-referral-missing", due: "2026-12-29", late: 1)),
            ("WM without the closure", { try self.idva("west-midlands", accepted: "2026-12-23", referred: "2026-12-29", asOf: "2027-01-10") },
             Expect(rule: "idva-referral-late", due: "2026-12-24", late: 1)),
            // Easter 2026: Thu 2 April + 1 working day = Tue 7 April.
            ("WM Easter, day before", { try self.idva("west-midlands", accepted: "2026-04-02", referred: "2026-04-06", asOf: "2026-05-01") }, nil),
            ("WM Easter, day of", { try self.idva("west-midlands", accepted: "2026-04-02", referred: "2026-04-07", asOf: "2026-05-01") }, nil),
            ("WM Easter, day after", { try self.idva("west-midlands", accepted: "2026-04-02", referred: "2026-04-08", asOf: "2026-05-01") },
             Expect(rule: "idva-referral-late", due: "2026-04-07", late: 1)),
            // Weekend: Fri 20 Nov + 1 working day = Mon 23 Nov; Tue 24 is 1 working day late.
            ("WM weekend, day of", { try self.idva("west-midlands", accepted: "2026-11-20", referred: "2026-11-23", asOf: "2026-12-01") }, nil),
            ("WM weekend, day after", { try self.idva("west-midlands", accepted: "2026-11-20", referred: "2026-11-24", asOf: "2026-12-01") },
             Expect(rule: "idva-referral-late", due: "2026-11-23", late: 1)),
            // Gwent: 24 hours, counted as the next calendar day (records hold dates).
            ("Gwent weekend, day of", { try self.idva("gwent", accepted: "2026-11-20", referred: "2026-11-21", asOf: "2026-12-01") }, nil),
            ("Gwent weekend, Monday", { try self.idva("gwent", accepted: "2026-11-20", referred: "2026-11-23", asOf: "2026-12-01") },
             Expect(rule: "idva-referral-late", due: "2026-11-21", late: 2)),
            ("Gwent missing, day of", { try self.idva("gwent", accepted: "2026-11-20", referred: nil, asOf: "2026-11-21") }, nil),
            ("Gwent missing, day after", { try self.idva("gwent", accepted: "2026-11-20", referred: nil, asOf: "2026-11-22") },
             Expect(rule: "idva-referral-missing", due: "2026-11-21", late: 1)),
            // Liverpool: 3 (calendar) days: 23 Dec + 3 = 26 Dec.
            ("Liverpool Christmas, day before", { try self.idva("liverpool", accepted: "2026-12-23", referred: "2026-12-25", asOf: "2027-01-10", closures: c) }, nil),
            ("Liverpool Christmas, day of", { try self.idva("liverpool", accepted: "2026-12-23", referred: "2026-12-26", asOf: "2027-01-10", closures: c) }, nil),
            ("Liverpool Christmas, after", { try self.idva("liverpool", accepted: "2026-12-23", referred: "2026-12-29", asOf: "2027-01-10", closures: c) },
             Expect(rule: "idva-referral-late", due: "2026-12-26", late: 3)),
        ], rule: "idva-referral")
    }

    func testIDVARuleOffOrOverridden() throws {
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-20", idva: "2026-11-24")])
        XCTAssertTrue(try Records.check("west-midlands", asOf: "2026-12-01", cases: [record], rules: [("idva_referral", .b(false))])
            .filter { $0.rule.hasPrefix("idva") }.isEmpty)
        let overridden = try Records.check(
            "west-midlands", asOf: "2026-12-01", cases: [record], rules: [("idva_referral", .s("2 working days"))])
        XCTAssertTrue(overridden.filter { $0.rule.hasPrefix("idva") }.isEmpty)
        let late = try Records.check("west-midlands", asOf: "2026-12-01", cases: [record]).filter { $0.rule.hasPrefix("idva") }
        XCTAssertEqual(late.first?.reference, "West Midlands MARAC Partnership Operating Protocol §9")
        let record2 = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-20", idva: "2026-11-25")])
        let overriddenLate = try Records.check(
            "west-midlands", asOf: "2026-12-01", cases: [record2], rules: [("idva_referral", .s("2 working days"))])
        XCTAssertEqual(overriddenLate.filter { $0.rule.hasPrefix("idva") }.first?.reference, "marac.toml [rules] 1:1")
    }

    func testReturnedAndPendingReferralsHaveNoIDVADeadline() throws {
        let record = Records.case("2026-TEST-001", referrals: [
            Records.referral(received: "2026-11-02", decision: "returned"),
            Records.referral(received: "2026-11-03", decision: "pending"),
        ])
        XCTAssertTrue(try Records.check("west-midlands", asOf: "2026-12-01", cases: [record]).filter { $0.rule.hasPrefix("idva") }.isEmpty)
    }

    // MARK: Agenda window

    private func agenda(_ profile: String, meeting: String, circulated: String?, asOf: String) throws -> [Breach] {
        let fields: [(String, T)] = circulated.map { [("agenda_circulated", .d(day($0)))] } ?? []
        return try Records.check(profile, asOf: asOf, meetings: [Records.meeting(meeting, fields: fields)], closures: christmasClosure)
    }

    func testAgendaWindowBoundaries() throws {
        // West Midlands, meeting Thu 7 Jan 2027: 5-8 working days before = Tue 22 Dec to Wed 30 Dec 2026
        // (24 closure, 25 Christmas, 28 Boxing Day substitute, 1 Jan New Year's Day).
        let m = "2027-01-07"
        try assertRows([
            ("WM one working day too early", { try self.agenda("west-midlands", meeting: m, circulated: "2026-12-21", asOf: m) },
             Expect(rule: "agenda-early", due: "2026-12-22", late: 1)),
            ("WM first day of the window", { try self.agenda("west-midlands", meeting: m, circulated: "2026-12-22", asOf: m) }, nil),
            ("WM last day of the window", { try self.agenda("west-midlands", meeting: m, circulated: "2026-12-30", asOf: m) }, nil),
            ("WM a working day late", { try self.agenda("west-midlands", meeting: m, circulated: "2026-12-31", asOf: m) },
             Expect(rule: "agenda-late", due: "2026-12-30", late: 1)),
            ("WM late across New Year", { try self.agenda("west-midlands", meeting: m, circulated: "2027-01-04", asOf: m) },
             Expect(rule: "agenda-late", due: "2026-12-30", late: 2)),
            ("WM not out, window open", { try self.agenda("west-midlands", meeting: m, circulated: nil, asOf: "2026-12-30") }, nil),
            ("WM not out, window closed", { try self.agenda("west-midlands", meeting: m, circulated: nil, asOf: "2026-12-31") },
             Expect(rule: "agenda-missing", due: "2026-12-30", late: 1)),
            // Gwent: 5 calendar days [001 §4.5], from 8 days (SafeLives "within eight days"
            // [002 §3 duty 2]). Meeting Thu 9 April 2026: Wed 1 to Sat 4 April.
            ("Gwent a day too early", { try self.agenda("gwent", meeting: "2026-04-09", circulated: "2026-03-31", asOf: "2026-04-09") },
             Expect(rule: "agenda-early", due: "2026-04-01", late: 1)),
            ("Gwent first day", { try self.agenda("gwent", meeting: "2026-04-09", circulated: "2026-04-01", asOf: "2026-04-09") }, nil),
            ("Gwent day before", { try self.agenda("gwent", meeting: "2026-04-09", circulated: "2026-04-03", asOf: "2026-04-09") }, nil),
            ("Gwent day of", { try self.agenda("gwent", meeting: "2026-04-09", circulated: "2026-04-04", asOf: "2026-04-09") }, nil),
            ("Gwent day after", { try self.agenda("gwent", meeting: "2026-04-09", circulated: "2026-04-05", asOf: "2026-04-09") },
             Expect(rule: "agenda-late", due: "2026-04-04", late: 1)),
            // Liverpool: at least 5 working days. Meeting Thu 9 April 2026 (Easter): by Tue 31 March.
            ("Liverpool Easter, day of", { try self.agenda("liverpool", meeting: "2026-04-09", circulated: "2026-03-31", asOf: "2026-04-09") }, nil),
            ("Liverpool Easter, day after", { try self.agenda("liverpool", meeting: "2026-04-09", circulated: "2026-04-01", asOf: "2026-04-09") },
             Expect(rule: "agenda-late", due: "2026-03-31", late: 1)),
            ("Liverpool Easter, across the holidays", { try self.agenda("liverpool", meeting: "2026-04-09", circulated: "2026-04-07", asOf: "2026-04-09") },
             Expect(rule: "agenda-late", due: "2026-03-31", late: 3)),
        ], rule: "agenda")
    }

    // MARK: Minutes, written information, meeting cap

    private func minutes(
        _ profile: String, meeting: String, approved: String?, asOf: String,
        rules: [(String, T)] = [("minutes_approval_days", .i(10))]
    ) throws -> [Breach] {
        let fields: [(String, T)] = [("agenda_circulated", .d(day(meeting).adding(days: -7)))]
            + (approved.map { [("minutes_approved", .d(day($0)))] } ?? [])
        return try Records.check(
            profile, asOf: asOf, meetings: [Records.meeting(meeting, fields: fields)], closures: christmasClosure, rules: rules)
    }

    /// No seed sets a time for the chair's approval of the minutes (001 §4.9 "approved by the
    /// relevant MARAC Chair prior to secure electronic circulation"; 002 §2 "State if there a
    /// time period"): off in every profile, checked only where marac.toml sets one.
    func testMinutesApprovalBoundaries() throws {
        let m = "2026-12-17"
        for profile in ["west-midlands", "gwent", "liverpool"] {
            try assertRows([
                ("\(profile) never approved, no rule", { try self.minutes(profile, meeting: m, approved: nil, asOf: "2027-02-01", rules: []) }, nil),
                ("\(profile) approved late, no rule", { try self.minutes(profile, meeting: m, approved: "2027-01-20", asOf: "2027-02-01", rules: []) }, nil),
            ], rule: "minutes")
        }
        // With minutes_approval_days = 10 (working days): 10 working days after Thu 17 Dec 2026
        // are 18, 21, 22, 23, 29, 30, 31 Dec, 4, 5, 6 Jan.
        for profile in ["west-midlands", "gwent", "liverpool"] {
            try assertRows([
                ("\(profile) day before", { try self.minutes(profile, meeting: m, approved: "2027-01-05", asOf: "2027-02-01") }, nil),
                ("\(profile) day of", { try self.minutes(profile, meeting: m, approved: "2027-01-06", asOf: "2027-02-01") }, nil),
                ("\(profile) day after", { try self.minutes(profile, meeting: m, approved: "2027-01-07", asOf: "2027-02-01") },
                 Expect(rule: "minutes-late", due: "2027-01-06", late: 1)),
                ("\(profile) not approved, day of", { try self.minutes(profile, meeting: m, approved: nil, asOf: "2027-01-06") }, nil),
                ("\(profile) not approved, day after", { try self.minutes(profile, meeting: m, approved: nil, asOf: "2027-01-07") },
                 Expect(rule: "minutes-not-approved", due: "2027-01-06", late: 1)),
            ], rule: "minutes")
        }
    }

    private func apology(_ profile: String, written: Bool, received: String?, asOf: String) throws -> [Breach] {
        var apology: [(String, T)] = [("agency", .s("police")), ("written_information", .b(written))]
        if let received { apology.append(("written_received", .d(day(received)))) }
        let meeting = Records.meeting("2026-09-03", fields: [
            ("agenda_circulated", .d(day("2026-08-25"))), ("minutes_approved", .d(day("2026-09-04"))),
            ("apology", .a([.t(apology)])),
        ])
        return try Records.check(profile, asOf: asOf, meetings: [meeting])
    }

    func testWrittenInformationBoundaries() throws {
        try assertRows([
            // West Midlands: by the meeting itself (Thu 3 Sep 2026).
            ("WM none, meeting day", { try self.apology("west-midlands", written: false, received: nil, asOf: "2026-09-03") }, nil),
            ("WM none, day after", { try self.apology("west-midlands", written: false, received: nil, asOf: "2026-09-04") },
             Expect(rule: "written-information-missing", due: "2026-09-03", late: 1)),
            ("WM received on the day", { try self.apology("west-midlands", written: true, received: "2026-09-03", asOf: "2026-09-10") }, nil),
            ("WM received the day after", { try self.apology("west-midlands", written: true, received: "2026-09-04", asOf: "2026-09-10") },
             Expect(rule: "written-information-late", due: "2026-09-03", late: 1)),
            // Liverpool: at least two days before: by Tue 1 Sep.
            ("Liverpool day before", { try self.apology("liverpool", written: true, received: "2026-08-31", asOf: "2026-09-10") }, nil),
            ("Liverpool day of", { try self.apology("liverpool", written: true, received: "2026-09-01", asOf: "2026-09-10") }, nil),
            ("Liverpool day after", { try self.apology("liverpool", written: true, received: "2026-09-02", asOf: "2026-09-10") },
             Expect(rule: "written-information-late", due: "2026-09-01", late: 1)),
            // Gwent: "in writing before the meeting" [001 §4.8]: by the meeting day (Thu 3 Sep).
            ("Gwent received the day before", { try self.apology("gwent", written: true, received: "2026-09-02", asOf: "2026-09-10") }, nil),
            ("Gwent received on the day", { try self.apology("gwent", written: true, received: "2026-09-03", asOf: "2026-09-10") }, nil),
            ("Gwent received the day after", { try self.apology("gwent", written: true, received: "2026-09-04", asOf: "2026-09-10") },
             Expect(rule: "written-information-late", due: "2026-09-03", late: 1)),
            ("Gwent none, meeting day", { try self.apology("gwent", written: false, received: nil, asOf: "2026-09-03") }, nil),
            ("Gwent none, day after", { try self.apology("gwent", written: false, received: nil, asOf: "2026-09-04") },
             Expect(rule: "written-information-missing", due: "2026-09-03", late: 1)),
        ], rule: "written-information")
    }

    func testMeetingCap() throws {
        let cases = (1...26).map { Records.case("2026-TEST-\($0)", referrals: [Records.referral(received: "2026-10-20", idva: "2026-10-20")]) }
        func meeting(cases: Int) -> Meeting {
            Records.meeting("2026-11-05", fields: [("agenda_circulated", .d(day("2026-10-28")))],
                            hearings: (1...cases).map { Records.hearing("2026-TEST-\($0)") })
        }
        let at = try Records.check("west-midlands", asOf: "2026-11-06", cases: cases, meetings: [meeting(cases: 25)])
        XCTAssertTrue(at.filter { $0.rule == "meeting-over-cap" }.isEmpty)
        let over = try Records.check("west-midlands", asOf: "2026-11-06", cases: cases, meetings: [meeting(cases: 26)])
        XCTAssertEqual(over.filter { $0.rule == "meeting-over-cap" }.map(\.note), ["26 cases, cap 25"])
        XCTAssertTrue(try Records.check("gwent", asOf: "2026-11-06", cases: cases, meetings: [meeting(cases: 26)]).filter { $0.rule == "meeting-over-cap" }.isEmpty)
    }
}
