import XCTest
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracRecords

/// marac.toml's `adopted`: meetings held before it carry no paper deadlines, referrals that
/// arrived before it no IDVA or listing deadline; actions, flags and everything from the
/// adopted day on are checked as usual (`ProtocolEngine.predatesAdoption`).
final class AdoptionTests: XCTestCase {
    /// Adopted Monday 2 March 2026.
    private var adopted: [(String, T)] { [("adopted", T.d(day("2026-03-02")))] }

    func testTheOneAnswerAtItsBoundary() throws {
        let engine = try ProtocolEngine.load(Records.configuration(profile: "west-midlands", extra: adopted))
        XCTAssertEqual(engine.adopted, day("2026-03-02"))
        XCTAssertTrue(engine.predatesAdoption(day("2026-03-01")))
        XCTAssertFalse(engine.predatesAdoption(day("2026-03-02")), "the adopted day itself is kept in mfile")
        XCTAssertFalse(engine.predatesAdoption(day("2026-03-03")))
        XCTAssertFalse(engine.predatesAdoption(nil as LocalDate?))
        let without = try ProtocolEngine.load(Records.configuration(profile: "west-midlands"))
        XCTAssertFalse(without.predatesAdoption(day("1990-01-01")), "no adopted day: nothing is history")
    }

    /// Meetings on the day before, of and after: only the day before loses its paper deadlines;
    /// its action is still chased.
    func testMeetingsBeforeAdoptionCarryNoPaperDeadlines() throws {
        let action: T = .t([("id", .i(1)), ("agency", .s("housing")), ("owner", .s("O")), ("due", .d(day("2026-03-10"))), ("status", .s("open"))])
        let apology: T = .t([("agency", .s("health"))])
        let meetings = ["2026-03-01", "2026-03-02", "2026-03-03"].map {
            Records.meeting($0, fields: [("apology", .a([apology]))], hearings: [Records.hearing("2026-TEST-001", actions: [action])])
        }
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-02-02", idva: "2026-02-02")])
        let rules: [(String, T)] = [("minutes_approval_days", .i(5))]
        func found(_ extra: [(String, T)]) throws -> Set<String> {
            Set(try Records.check("west-midlands", asOf: "2026-04-01", cases: [record], meetings: meetings, rules: rules, extra: extra)
                .compactMap { breach in breach.meetingID.map { "\(breach.rule) \($0)" } })
        }
        let paper = ["agenda-missing", "minutes-not-approved", "written-information-missing"]
        let chased = ["action-overdue", "action-no-update"]
        let everything = try found([])
        for date in ["2026-03-01", "2026-03-02", "2026-03-03"] {
            for rule in paper + chased { XCTAssertTrue(everything.contains("\(rule) \(date)-north"), "without adopted: \(rule) \(date)") }
        }
        let withAdopted = try found(adopted)
        for rule in paper {
            XCTAssertFalse(withAdopted.contains("\(rule) 2026-03-01-north"), "held the day before adoption: no \(rule)")
            XCTAssertTrue(withAdopted.contains("\(rule) 2026-03-02-north"), "held on the adopted day: \(rule)")
            XCTAssertTrue(withAdopted.contains("\(rule) 2026-03-03-north"), "held the day after: \(rule)")
        }
        for rule in chased {
            XCTAssertTrue(withAdopted.contains("\(rule) 2026-03-01-north"), "actions still apply: \(rule)")
        }
    }

    /// Referrals received the day before, of and after: only the day before loses its IDVA and
    /// listing deadlines, in check and in the one listing answer lint and plan use; the flag
    /// of a case from before adoption is still reported.
    func testReferralsBeforeAdoptionCarryNoIDVAOrListingDeadline() throws {
        let cases = ["2026-03-01", "2026-03-02", "2026-03-03"].enumerated().map { index, received in
            Records.case("2026-TEST-00\(index + 1)", referrals: [Records.referral(received: received)])
        }
        let old = Records.case("2025-TEST-009", referrals: [Records.referral(received: "2025-01-06", idva: "2025-01-06")])
        func found(_ extra: [(String, T)]) throws -> Set<String> {
            Set(try Records.check("west-midlands", asOf: "2026-06-01", cases: cases + [old], extra: extra)
                .map { "\($0.rule) \($0.caseID ?? "-")" })
        }
        let everything = try found([])
        for id in ["2026-TEST-001", "2026-TEST-002", "2026-TEST-003"] {
            XCTAssertTrue(everything.contains("idva-referral-missing \(id)"), id)
            XCTAssertTrue(everything.contains("referral-not-listed \(id)"), id)
        }
        let withAdopted = try found(adopted)
        XCTAssertFalse(withAdopted.contains("idva-referral-missing 2026-TEST-001"))
        XCTAssertFalse(withAdopted.contains("referral-not-listed 2026-TEST-001"))
        for id in ["2026-TEST-002", "2026-TEST-003"] {
            XCTAssertTrue(withAdopted.contains("idva-referral-missing \(id)"), id)
            XCTAssertTrue(withAdopted.contains("referral-not-listed \(id)"), id)
        }
        XCTAssertTrue(withAdopted.contains("flag-expired 2025-TEST-009"), "flags still apply")

        let configuration = Records.configuration(profile: "west-midlands", extra: adopted)
        let records = ProtocolRecords(
            engine: try ProtocolEngine.load(configuration), cases: cases.map(CaseSummary.init), meetings: [])
        var planner = ListingPlanner(records)
        XCTAssertNil(planner.listing(of: records.cases[0].referrals[0], in: records.cases[0]))
        XCTAssertEqual(planner.listing(of: records.cases[1].referrals[0], in: records.cases[1])?.meeting.id, "2026-03-12-north")
    }
}
