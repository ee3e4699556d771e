import XCTest
@testable import MaracProtocol
@testable import MaracRecords

/// Groupings, order and JSON of a check report; profile-specific listing exceptions.
final class BreachReportTests: XCTestCase {
    private func report(_ profile: String, asOf: String, cases: [Case], meetings: [Meeting]) throws -> BreachReport {
        let configuration = Records.configuration(profile: profile, firstMeeting: "2026-01-08")
        let repository = Records.repository(configuration, cases: cases, meetings: meetings)
        return BreachReport(check: BreachCheck(repository: repository, engine: try ProtocolEngine.load(configuration), asOf: day(asOf)))
    }

    private func sample() throws -> BreachReport {
        let late = Records.case("2026-TEST-002", referrals: [Records.referral(received: "2026-11-02", idva: "2026-11-05")])
        let action: T = .t([("id", .i(3)), ("agency", .s("housing")), ("owner", .s("O")), ("due", .d(day("2026-11-17"))), ("status", .s("open"))])
        let attendee: T = .t([("agency", .s("police")), ("name", .s("N")), ("confidentiality_signed", .b(true))])
        let meeting = Records.meeting("2026-11-12", fields: [("agenda_circulated", .d(day("2026-11-04"))), ("minutes_approved", .d(day("2026-11-13"))),
                                                             ("attendee", .a([attendee]))],
                                      hearings: [Records.hearing("2026-TEST-001", actions: [action]), Records.hearing("2026-TEST-002")])
        return try report("west-midlands", asOf: "2026-11-23", cases: [late], meetings: [meeting])
    }

    func testGroupingsAndOrder() throws {
        let report = try sample()
        XCTAssertEqual(report.breaches.map(\.rule), ["action-overdue", "action-no-update", "idva-referral-late"])
        XCTAssertEqual(report.textLines(.case), [
            "2026-TEST-001  action-overdue  action 3  meeting 2026-11-12-north  agency housing  due 2026-11-17  not done  6 days late  [West Midlands MARAC Partnership Operating Protocol §8, §12]",
            "2026-TEST-001  action-no-update  action 3  meeting 2026-11-12-north  agency housing  due 2026-11-19  not done  4 days late  [West Midlands MARAC Partnership Operating Protocol §12]",
            "2026-TEST-002  idva-referral-late  referral[1]  due 2026-11-03  done late  2 working days late  [West Midlands MARAC Partnership Operating Protocol §9]",
        ])
        // The chasing list: the overdue action that also had no update is one line with both.
        XCTAssertEqual(report.textLines(.agency), [
            "housing: 1 to chase",
            "  action 3  case 2026-TEST-001  meeting 2026-11-12-north  action-overdue  due 2026-11-17  not done  6 days late  [West Midlands MARAC Partnership Operating Protocol §8, §12]; action-no-update  due 2026-11-19  not done  4 days late  [West Midlands MARAC Partnership Operating Protocol §12]",
            "marac-team: 1 to chase",
            "  referral[1]  case 2026-TEST-002  idva-referral-late  due 2026-11-03  done late  2 working days late  [West Midlands MARAC Partnership Operating Protocol §9]",
        ])
        XCTAssertEqual(report.textLines(.meeting).map { String($0.prefix(while: { $0 != " " })) }, ["2026-11-12-north", "2026-11-12-north", "2026-TEST-002"])
        let json = report.json(.agency)
        XCTAssertEqual(json["count"], .integer(3))
        guard case .object(let groups)? = json["groups"] else { return XCTFail() }
        XCTAssertEqual(groups.map(\.key), ["housing", "marac-team"])
        guard case .array(let chasing)? = json["chasing"] else { return XCTFail("no chasing list") }
        XCTAssertEqual(chasing.map { $0["agency"] }, [.string("housing"), .string("marac-team")])
        XCTAssertEqual(chasing.map { $0["count"] }, [.integer(1), .integer(1)])
        guard case .array(let housing)? = chasing[0]["items"], case .array(let both)? = housing.first?["breaches"] else { return XCTFail() }
        XCTAssertEqual(housing.first?["item"], .string("action 3"))
        XCTAssertEqual(both.map { $0["rule"] }, [.string("action-overdue"), .string("action-no-update")])
        XCTAssertNil(report.json(.case)["chasing"], "only the agency grouping is a chasing list")
        guard case .array(let breaches)? = json["breaches"] else { return XCTFail() }
        XCTAssertEqual(breaches.last?["done"], .bool(true))
        XCTAssertEqual(breaches.last?["unit"], .string("working-days"))
        XCTAssertEqual(breaches.last?["protocol_rule"], .string("idva_referral"))
    }

    func testAMeetingHeldEarlyPassesTheReferralToTheNext() throws {
        // Scheduled Thu 12 Nov 2026 (cut-off Mon 2 Nov) but held on Thu 5 Nov (cut-off 26 Oct):
        // a referral accepted on 2 November belongs to the December meeting.
        let record = Records.case("2026-TEST-002", referrals: [Records.referral(received: "2026-11-02", idva: "2026-11-02")])
        let early = Records.meeting("2026-11-05", fields: [("agenda_circulated", .d(day("2026-10-28"))), ("minutes_approved", .d(day("2026-11-06")))])
        // (Attendance is not recorded in this meeting file: only the listing is looked at.)
        let listing = { (asOf: String) in try self.report("west-midlands", asOf: asOf, cases: [record], meetings: [early]).breaches.filter { $0.rule == "referral-not-listed" } }
        XCTAssertTrue(try listing("2026-11-30").isEmpty)
        XCTAssertEqual(try listing("2026-12-07").map(\.meetingID), ["2026-12-10-north"])
    }

    func testGwentIDVAOnlyRepeatNeedsNoListing() throws {
        // Heard 2026-02-12; a repeat accepted 2026-03-02 while the victim engages with the IDVA
        // goes to the IDVA only under Gwent, so missing the next meeting is no breach there.
        let record = Records.case("2026-TEST-001", referrals: [
            Records.referral(received: "2026-01-20", idva: "2026-01-20"),
            Records.referral(received: "2026-03-02", criteria: ["repeat"], idva: "2026-03-02", extra: [("idva_engaged", .b(true))]),
        ])
        let heard = Records.meeting("2026-02-12", fields: [("agenda_circulated", .d(day("2026-02-05"))), ("minutes_approved", .d(day("2026-02-13")))],
                                    hearings: [Records.hearing("2026-TEST-001")])
        let gwent = try report("gwent", asOf: "2026-05-01", cases: [record], meetings: [heard])
        XCTAssertEqual(gwent.breaches.filter { $0.rule == "referral-not-listed" }.count, 0)
        let westMidlands = try report("west-midlands", asOf: "2026-05-01", cases: [record], meetings: [heard])
        XCTAssertEqual(westMidlands.breaches.filter { $0.rule == "referral-not-listed" }.map(\.meetingID), ["2026-03-12-north"])
    }
}
