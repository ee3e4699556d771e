import XCTest
@testable import MaracProtocol
@testable import MaracRecords

/// Boundaries of the action, escalation, transfer, disclosure, flag and listing rules.
final class BreachCaseBoundaryTests: XCTestCase {
    private typealias Expect = BreachBoundaryTests.Expect

    private func rows(
        _ rows: [(String, () throws -> [Breach], Expect?)], prefix: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for (label, run, expect) in rows {
            let got = try run().filter { $0.rule.hasPrefix(prefix) }.map { Expect(rule: $0.rule, due: $0.due.description, late: $0.late) }
            XCTAssertEqual(got, expect.map { [$0] } ?? [], label, file: file, line: line)
        }
    }

    private func meetingWith(_ date: String, action: [(String, T)] = [], hearingExtra: [(String, T)] = []) -> Meeting {
        let base: [(String, T)] = [("id", .i(1)), ("agency", .s("housing")), ("owner", .s("Owner"))]
        return Records.meeting(date, fields: [("agenda_circulated", .d(day(date).adding(days: -7))), ("minutes_approved", .d(day(date)))],
                               hearings: [Records.hearing("2026-TEST-001", actions: action.isEmpty ? [] : [.t(base + action)], extra: hearingExtra)])
    }

    func testActionOverdue() throws {
        let open: [(String, T)] = [("due", .d(day("2026-11-19"))), ("status", .s("open")), ("updated", .d(day("2026-11-06")))]
        try rows([
            ("day of", { try Records.check("west-midlands", asOf: "2026-11-19", meetings: [self.meetingWith("2026-11-05", action: open)]) }, nil),
            ("day after", { try Records.check("west-midlands", asOf: "2026-11-20", meetings: [self.meetingWith("2026-11-05", action: open)]) },
             Expect(rule: "action-overdue", due: "2026-11-19", late: 1)),
            ("Gwent too", { try Records.check("gwent", asOf: "2026-11-23", meetings: [self.meetingWith("2026-11-05", action: open)]) },
             Expect(rule: "action-overdue", due: "2026-11-19", late: 4)),
            ("cannot-complete", { try Records.check("west-midlands", asOf: "2026-11-30", meetings: [self.meetingWith("2026-11-05", action: [
                ("due", .d(day("2026-11-19"))), ("status", .s("cannot-complete")), ("updated", .d(day("2026-11-06")))])]) }, nil),
            ("complete after the as-of date", { try Records.check("west-midlands", asOf: "2026-11-20", meetings: [self.meetingWith("2026-11-05", action: [
                ("due", .d(day("2026-11-19"))), ("status", .s("complete")), ("updated", .d(day("2026-11-06"))), ("completed", .d(day("2026-11-25")))])]) },
             Expect(rule: "action-overdue", due: "2026-11-19", late: 1)),
            ("complete", { try Records.check("west-midlands", asOf: "2026-11-30", meetings: [self.meetingWith("2026-11-05", action: [
                ("due", .d(day("2026-11-19"))), ("status", .s("complete")), ("completed", .d(day("2026-11-18")))])]) }, nil),
        ], prefix: "action-overdue")
    }

    func testActionWithNoUpdate() throws {
        let silent: [(String, T)] = [("due", .d(day("2026-12-10"))), ("status", .s("open"))]
        try rows([
            // West Midlands chases 7 days after the meeting of Thu 5 Nov: Thu 12 Nov.
            ("WM day of", { try Records.check("west-midlands", asOf: "2026-11-12", meetings: [self.meetingWith("2026-11-05", action: silent)]) }, nil),
            ("WM day after", { try Records.check("west-midlands", asOf: "2026-11-13", meetings: [self.meetingWith("2026-11-05", action: silent)]) },
             Expect(rule: "action-no-update", due: "2026-11-12", late: 1)),
            ("WM updated", { try Records.check("west-midlands", asOf: "2026-11-30", meetings: [self.meetingWith("2026-11-05", action: silent + [("updated", .d(day("2026-11-20")))])]) }, nil),
            // Liverpool counts completion, not updates (`action-not-complete`, ProtocolSeedBoundaryTests).
            ("Liverpool has no chase day", { try Records.check("liverpool", asOf: "2026-11-30", meetings: [self.meetingWith("2026-11-05", action: silent)]) }, nil),
            ("Gwent has no follow-up day", { try Records.check("gwent", asOf: "2026-11-30", meetings: [self.meetingWith("2026-11-05", action: silent)]) }, nil),
        ], prefix: "action-no-update")
    }

    func testProfessionalsMeeting() throws {
        func meeting(held: String?) -> Meeting {
            var extra: [(String, T)] = [("professionals_meeting_needed", .b(true))]
            if let held { extra.append(("professionals_meeting", .d(day(held)))) }
            return meetingWith("2026-10-01", hearingExtra: extra)
        }
        try rows([
            // West Midlands: within 10 days of Thu 1 Oct: Sun 11 Oct.
            ("day of", { try Records.check("west-midlands", asOf: "2026-11-01", meetings: [meeting(held: "2026-10-11")]) }, nil),
            ("day after", { try Records.check("west-midlands", asOf: "2026-11-01", meetings: [meeting(held: "2026-10-12")]) },
             Expect(rule: "professionals-meeting-late", due: "2026-10-11", late: 1)),
            ("not held, day of", { try Records.check("west-midlands", asOf: "2026-10-11", meetings: [meeting(held: nil)]) }, nil),
            ("not held, day after", { try Records.check("west-midlands", asOf: "2026-10-12", meetings: [meeting(held: nil)]) },
             Expect(rule: "professionals-meeting-missing", due: "2026-10-11", late: 1)),
            ("Liverpool has no time limit", { try Records.check("liverpool", asOf: "2026-11-01", meetings: [meeting(held: nil)]) }, nil),
        ], prefix: "professionals-meeting")
    }

    func testComplexCaseReview() throws {
        func heard(_ dates: [String]) -> [Meeting] { dates.map { meetingWith($0) } }
        let four = ["2026-01-08", "2026-03-12", "2026-05-14", "2026-07-08"]
        let review = try Records.check("west-midlands", asOf: "2026-07-09", meetings: heard(four)).filter { $0.rule == "complex-case-review-due" }
        XCTAssertEqual(review.map(\.due), [day("2026-07-08")])
        XCTAssertEqual(review.first?.note, "heard 4 times within 6 months")
        // The fourth hearing one day past six months of the first: no review.
        let spread = ["2026-01-08", "2026-03-12", "2026-05-14", "2026-07-09"]
        XCTAssertTrue(try Records.check("west-midlands", asOf: "2026-07-10", meetings: heard(spread)).filter { $0.rule == "complex-case-review-due" }.isEmpty)
        XCTAssertTrue(try Records.check("west-midlands", asOf: "2026-07-07", meetings: heard(four)).filter { $0.rule == "complex-case-review-due" }.isEmpty)
        XCTAssertTrue(try Records.check("liverpool", asOf: "2026-07-09", meetings: heard(four)).filter { $0.rule == "complex-case-review-due" }.isEmpty)
    }

    private func transfer(_ profile: String, notified: String, sent: String?, asOf: String) throws -> [Breach] {
        var members: [(String, T)] = [("direction", .s("out")), ("notified", .d(day(notified))), ("to", .s("Other MARAC"))]
        if let sent { members.append(("sent", .d(day(sent)))) }
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-01-05", idva: "2026-01-05")],
                                  extra: [("transfer", .a([.t(members)]))])
        return try Records.check(profile, asOf: asOf, cases: [record], closures: ["2026-12-24"])
    }

    func testTransferOut() throws {
        try rows([
            // 3 working days from Wed 23 Dec 2026: 29, 30, 31 Dec.
            ("WM day before", { try self.transfer("west-midlands", notified: "2026-12-23", sent: "2026-12-30", asOf: "2027-01-15") }, nil),
            ("WM day of", { try self.transfer("west-midlands", notified: "2026-12-23", sent: "2026-12-31", asOf: "2027-01-15") }, nil),
            ("WM day after (New Year, weekend)", { try self.transfer("west-midlands", notified: "2026-12-23", sent: "2027-01-04", asOf: "2027-01-15") },
             Expect(rule: "transfer-out-late", due: "2026-12-31", late: 1)),
            ("WM not sent", { try self.transfer("west-midlands", notified: "2026-12-23", sent: nil, asOf: "2027-01-05") },
             Expect(rule: "transfer-out-missing", due: "2026-12-31", late: 2)),
            ("Liverpool has no transfer time limit", { try self.transfer("liverpool", notified: "2026-12-23", sent: nil, asOf: "2027-01-15") }, nil),
        ], prefix: "transfer-out")
    }

    private func dhr(_ profile: String, requested: String, answered: String?, asOf: String) throws -> [Breach] {
        var members: [(String, T)] = [("requested", .d(day(requested))), ("kind", .s("dhr")), ("to", .s("Panel")), ("what", .s("minutes")), ("basis", .s("DHR"))]
        if let answered { members.append(("date", .d(day(answered)))) }
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-01-05", idva: "2026-01-05")],
                                  extra: [("disclosure", .a([.t(members)]))])
        return try Records.check(profile, asOf: asOf, cases: [record])
    }

    func testDHRDisclosure() throws {
        try rows([
            // Liverpool: 10 working days from Mon 30 March 2026 across Easter: Wed 15 April.
            ("Liverpool day before", { try self.dhr("liverpool", requested: "2026-03-30", answered: "2026-04-14", asOf: "2026-05-01") }, nil),
            ("Liverpool day of", { try self.dhr("liverpool", requested: "2026-03-30", answered: "2026-04-15", asOf: "2026-05-01") }, nil),
            ("Liverpool day after", { try self.dhr("liverpool", requested: "2026-03-30", answered: "2026-04-16", asOf: "2026-05-01") },
             Expect(rule: "dhr-disclosure-late", due: "2026-04-15", late: 1)),
            ("Liverpool unanswered", { try self.dhr("liverpool", requested: "2026-03-30", answered: nil, asOf: "2026-04-16") },
             Expect(rule: "dhr-disclosure-missing", due: "2026-04-15", late: 1)),
            ("West Midlands has no DHR time limit", { try self.dhr("west-midlands", requested: "2026-03-30", answered: nil, asOf: "2026-05-01") }, nil),
        ], prefix: "dhr")
    }

    func testFlagExpiry() throws {
        func record(status: String = "open", lifted: String? = nil) -> Case {
            var extra: [(String, T)] = []
            if let lifted { extra.append(("flag", .t([("lifted", .d(day(lifted)))]))) }
            let table = Records.case("2025-TEST-001", referrals: [
                Records.referral(received: "2025-11-10", idva: "2025-11-10", extra: [("incident", .d(day("2025-11-08")))]),
                Records.referral(received: "2026-01-05", decision: "returned"),
            ], extra: extra)
            var copy = table
            copy.status = Case.Status(rawValue: status)
            return copy
        }
        try rows([
            ("day of", { try Records.check("west-midlands", asOf: "2026-11-10", cases: [record()]) }, nil),
            ("day after", { try Records.check("west-midlands", asOf: "2026-11-11", cases: [record()]) },
             Expect(rule: "flag-expired", due: "2026-11-10", late: 1)),
            ("lifted", { try Records.check("west-midlands", asOf: "2026-12-01", cases: [record(lifted: "2026-11-12")]) }, nil),
            ("transferred out", { try Records.check("west-midlands", asOf: "2026-12-01", cases: [record(status: "transferred-out")]) }, nil),
            ("Liverpool 12 months too", { try Records.check("liverpool", asOf: "2026-11-12", cases: [record()]) },
             Expect(rule: "flag-expired", due: "2026-11-10", late: 2)),
            // Gwent: SafeLives' twelve months [002 §3 duty 7], the base of every profile.
            ("Gwent 12 months (SafeLives)", { try Records.check("gwent", asOf: "2026-12-01", cases: [record()]) },
             Expect(rule: "flag-expired", due: "2026-11-10", late: 21)),
        ], prefix: "flag")
    }

    func testReferralListing() throws {
        // Monthly on the second Thursday from 8 Jan 2026. Meeting Thu 9 April 2026 (after Easter):
        // agenda window 26 March to 31 March, so the referral cut-off is Thu 26 March.
        func check(accepted: String, heard: [String], asOf: String) throws -> [Breach] {
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: accepted, idva: accepted)])
            let meetings = heard.map { Records.meeting($0, fields: [("agenda_circulated", .d(day($0).adding(days: -8)))], hearings: [Records.hearing("2026-TEST-001")]) }
            return try Records.check("west-midlands", asOf: asOf, cases: [record], meetings: meetings)
        }
        try rows([
            ("cut-off day, heard", { try check(accepted: "2026-03-26", heard: ["2026-04-09"], asOf: "2026-05-01") }, nil),
            ("cut-off day, not heard, agenda window open", { try check(accepted: "2026-03-26", heard: [], asOf: "2026-03-31") }, nil),
            ("cut-off day, not heard, window closed", { try check(accepted: "2026-03-26", heard: [], asOf: "2026-04-01") },
             Expect(rule: "referral-not-listed", due: "2026-03-31", late: 1)),
            ("cut-off day, heard a meeting late", { try check(accepted: "2026-03-26", heard: ["2026-05-14"], asOf: "2026-06-01") },
             Expect(rule: "referral-not-listed", due: "2026-03-31", late: 29)),
            ("day after the cut-off goes to May", { try check(accepted: "2026-03-27", heard: ["2026-05-14"], asOf: "2026-06-01") }, nil),
            ("before the schedule began", { try check(accepted: "2025-12-01", heard: [], asOf: "2026-06-01") }, nil),
        ], prefix: "referral-not-listed")
    }
}
