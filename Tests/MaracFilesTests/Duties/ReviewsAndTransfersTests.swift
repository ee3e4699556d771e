import XCTest
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracRecords

/// Reviews and transfers (issue 13, duty 5): transfers in acknowledged [003 MOP §2.11],
/// Liverpool's professionals' meeting recommendation [003 App.6], Gwent's confirmation of
/// safe receipt [001 §4.13], and emergency MARAC cases listed at the next MARAC [002 §2 IV].
/// The schedule is DutyFixtures': monthly on the first Thursday from 2026-08-06.
final class ReviewsAndTransfersTests: XCTestCase {
    typealias F = DutyFixtures

    private func transferIn(received: String, acknowledged: String? = nil) -> Case {
        var transfer: [(String, T)] = [("direction", .s("in")), ("received", .d(day(received))), ("from", .s("X"))]
        if let acknowledged { transfer.append(("acknowledged", .d(day(acknowledged)))) }
        return Records.case("2026-TEST-001", referrals: [Records.referral(received: received, score: 80, tool: "merit", criteria: ["transfer-in"])],
                            extra: [("transfer", .a([.t(transfer)]))])
    }

    private func ack(_ asOf: String, received: String, acknowledged: String? = nil, rules: String = "") throws -> [String] {
        try F.breaches("liverpool", asOf: asOf, rules: rules, cases: [transferIn(received: received, acknowledged: acknowledged)])
            .filter { $0.rule.hasPrefix("transfer-in") }
            .map { "\($0.rule) \($0.due) \($0.late.map(String.init) ?? "-")" }
    }

    func testTransferInAcknowledgedWithinTheDaysMarácTomlSets() throws {
        let days = "transfer_in_ack_days = \"1 working day\""
        // Received Friday 2026-10-16: due Monday 2026-10-19.
        XCTAssertEqual(try ack("2026-10-19", received: "2026-10-16", rules: days), [])
        XCTAssertEqual(try ack("2026-10-20", received: "2026-10-16", rules: days), ["transfer-in-unacknowledged 2026-10-19 1"])
        XCTAssertEqual(try ack("2026-10-30", received: "2026-10-16", acknowledged: "2026-10-19", rules: days), [])
        XCTAssertEqual(try ack("2026-10-30", received: "2026-10-16", acknowledged: "2026-10-20", rules: days), ["transfer-in-ack-late 2026-10-19 1"])
    }

    func testTransferInAcknowledgedByTheTimeItIsListed() throws {
        // Received 2026-11-20, before the 2026-12-03 meeting's cut-off (2026-11-26, 5 working
        // days before it): acknowledged by that agenda's deadline.
        XCTAssertEqual(try ack("2026-11-26", received: "2026-11-20"), [])
        XCTAssertEqual(try ack("2026-11-27", received: "2026-11-20"), ["transfer-in-unacknowledged 2026-11-26 1"])
        XCTAssertEqual(try ack("2026-12-10", received: "2026-11-20", acknowledged: "2026-11-26"), [])
        XCTAssertEqual(try ack("2026-12-10", received: "2026-11-20", acknowledged: "2026-11-27"), ["transfer-in-ack-late 2026-11-26 1"])
        // Received after that cut-off: the January meeting's deadline, across Christmas.
        XCTAssertEqual(try ack("2027-01-04", received: "2026-11-27"), ["transfer-in-unacknowledged 2026-12-30 2"])
        // Only Liverpool's protocol has the duty.
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2027-01-04", cases: [transferIn(received: "2026-11-20")]).filter { $0.rule.hasPrefix("transfer-in") }, [])
        XCTAssertEqual(try ack("2026-11-27", received: "2026-11-20", rules: "transfer_in_acknowledgement = false"), [])
    }

    private func recommended(_ incidents: [String], asOf: String, profile: String = "liverpool", rules: String = "") throws -> [String] {
        let referrals = incidents.enumerated().map { n, incident in
            Records.referral(received: day(incident).adding(days: 1).description, score: 20 + n, tool: "merit", criteria: ["professional-judgement"],
                             decision: "returned", extra: [("incident", .d(day(incident))), ("judgement_reason", .s("r")), ("return_reason", .s("r"))])
        }
        let configuration = try F.configuration(profile, rules: rules)
        let check = BreachCheck(
            repository: Records.repository(configuration, cases: [Records.case("2026-TEST-001", referrals: referrals)]),
            engine: try ProtocolEngine.load(configuration), asOf: day(asOf))
        return check.reported().map { "\($0.rule) \($0.note)" }
    }

    func testLiverpoolProfessionalsMeetingAtThreeIncidentsInSixMonths() throws {
        let three = ["2026-01-10", "2026-04-01", "2026-07-10"]
        XCTAssertEqual(try recommended(three, asOf: "2026-07-10"), ["professionals-meeting-recommended 3 incidents within 6 months"])
        XCTAssertEqual(try recommended(["2026-01-09", "2026-04-01", "2026-07-10"], asOf: "2026-07-10"), [])
        XCTAssertEqual(try recommended(three, asOf: "2026-07-09"), [])
        XCTAssertEqual(try recommended(three, asOf: "2027-01-10").count, 1)
        XCTAssertEqual(try recommended(three, asOf: "2027-01-11"), [])
        XCTAssertEqual(try recommended(three, asOf: "2026-07-10", profile: "west-midlands"), [])
        XCTAssertEqual(try recommended(three, asOf: "2026-07-10", rules: "professionals_meeting_incidents = 4"), [])
        // Reported, never a breach.
        let configuration = try F.configuration("liverpool")
        XCTAssertFalse(BreachCheck(repository: Records.repository(configuration), engine: try ProtocolEngine.load(configuration), asOf: day("2026-07-10"))
            .breaches().contains { $0.rule.hasPrefix("professionals-meeting") })
    }

    func testGwentReceiptConfirmationIsReported() throws {
        func reported(_ transfer: [(String, T)], profile: String = "gwent") throws -> [String] {
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-06-01")], extra: [
                ("transfer", .a([.t([("direction", .s("out")), ("notified", .d(day("2026-10-12"))), ("to", .s("X"))] + transfer)])),
            ])
            let configuration = try F.configuration(profile)
            return BreachCheck(repository: Records.repository(configuration, cases: [record]), engine: try ProtocolEngine.load(configuration), asOf: day("2026-10-20"))
                .reported().map(\.rule)
        }
        XCTAssertEqual(try reported([("sent", .d(day("2026-10-14")))]), ["transfer-out-unconfirmed"])
        XCTAssertEqual(try reported([("sent", .d(day("2026-10-14"))), ("receipt_confirmed", .d(day("2026-10-15")))]), [])
        XCTAssertEqual(try reported([("sent", .d(day("2026-10-14")))], profile: "west-midlands"), [])
    }

    private func relisting(emergency: String, relisted: String? = nil, asOf: String, extra: [(String, T)] = []) throws -> [String] {
        var meetings = [F.meeting(emergency, kind: "emergency", heard: [("2026-TEST-001", "police")])]
        if let relisted { meetings.append(F.meeting(relisted, heard: [("2026-TEST-001", "police")])) }
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-08-01")], extra: extra)
        return try F.breaches("west-midlands", asOf: asOf, cases: [record], meetings: meetings)
            .filter { $0.rule == "emergency-not-relisted" }
            .map { "\($0.meetingID ?? "-") \($0.due) \($0.done == nil ? "not done" : "done late") \($0.late.map(String.init) ?? "-")" }
    }

    func testEmergencyCasesListedAtTheNextMARAC() throws {
        // Emergency on 2026-11-20: the 2026-12-03 meeting (window 2026-11-23 to 2026-11-26).
        XCTAssertEqual(try relisting(emergency: "2026-11-20", asOf: "2026-11-26"), [])
        XCTAssertEqual(try relisting(emergency: "2026-11-20", asOf: "2026-11-27"), ["2026-12-03-north 2026-11-26 not done 1"])
        XCTAssertEqual(try relisting(emergency: "2026-11-20", relisted: "2026-12-03", asOf: "2026-12-10"), [])
        XCTAssertEqual(try relisting(emergency: "2026-11-20", relisted: "2027-01-07", asOf: "2027-01-08"), ["2026-12-03-north 2026-11-26 done late 26"])
        // On the cut-off day itself: still that meeting. The day after: January's, due
        // 2026-12-30 (its window is 2026-12-22 to 2026-12-30 across the holidays and closure).
        XCTAssertEqual(try relisting(emergency: "2026-11-23", asOf: "2026-11-27"), ["2026-12-03-north 2026-11-26 not done 1"])
        XCTAssertEqual(try relisting(emergency: "2026-11-24", asOf: "2026-12-30"), [])
        XCTAssertEqual(try relisting(emergency: "2026-11-24", asOf: "2026-12-31"), ["2027-01-07-north 2026-12-30 not done 1"])
        // Excused when the case closed, or was transferred out, by that meeting.
        XCTAssertEqual(try relisting(emergency: "2026-11-20", asOf: "2026-11-27", extra: [("closed", .d(day("2026-12-01")))]), [])
        XCTAssertEqual(try relisting(emergency: "2026-11-20", asOf: "2026-11-27", extra: [
            ("transfer", .a([.t([("direction", .s("out")), ("notified", .d(day("2026-11-25"))), ("to", .s("X"))])])),
        ]), [])
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2026-11-27", rules: "emergency_relisting = false",
                                      cases: [Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-08-01")])],
                                      meetings: [F.meeting("2026-11-20", kind: "emergency", heard: [("2026-TEST-001", "police")])])
            .filter { $0.rule == "emergency-not-relisted" }, [])
    }
}
