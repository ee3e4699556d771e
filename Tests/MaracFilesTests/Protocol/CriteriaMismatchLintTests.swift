import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracRecords

/// Lint's `criteria-mismatch` warnings: a referral's own criteria against what the rules compute.
final class CriteriaMismatchLintTests: XCTestCase {
    private func warnings(_ profile: String, _ cases: [Case], meetings: [Meeting] = []) -> [Diagnostic] {
        let repository = Records.repository(Records.configuration(profile: profile), cases: cases, meetings: meetings)
        // Who decided a referral below the threshold is DecisionsOnRecordTests'.
        return ProtocolLint.check(repository, asOf: day("2026-01-01")).filter { ![.decisionByMissing, .decisionByRole].contains($0.rule) }
    }

    func testVisibleHighRiskBelowThreshold() {
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: 12)])
        let found = warnings("west-midlands", [record])
        XCTAssertEqual(found.map(\.rule), [.criteriaMismatch])
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertTrue(found.first?.message.contains("dash_threshold of 14 ticks") == true)
        XCTAssertTrue(warnings("west-midlands", [Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: 14)])]).isEmpty)
    }

    func testRepeatNotMarkedAndMarkedWithoutPrevious() {
        let unmarked = Records.case("2026-TEST-001", referrals: [
            Records.referral(received: "2026-01-05"), Records.referral(received: "2026-06-01"),
        ])
        let found = warnings("west-midlands", [unmarked])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("referral[2] is a repeat of referral[1] of this case"), found[0].message)
        let claimed = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-01-05", criteria: ["repeat"])])
        XCTAssertTrue(warnings("west-midlands", [claimed]).first?.message.contains("says repeat but no earlier") == true)
    }

    func testGwentEscalationCountsAndProfileCriteria() {
        let low = Records.case("2026-TEST-001", referrals: [Records.referral(
            received: "2026-11-02", score: 8, criteria: ["escalation"], extra: [("police_incidents_12m", .i(4)), ("crimes_12m", .i(2))])])
        XCTAssertEqual(warnings("gwent", [low]).count, 1)
        XCTAssertTrue(warnings("west-midlands", [low]).isEmpty)
        // hbv is not a criterion on its own in the West Midlands, but visible high risk also holds.
        let hbv = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: 16, criteria: ["hbv", "visible-high-risk"])])
        XCTAssertTrue(warnings("west-midlands", [hbv]).isEmpty)
        let hbvOnly = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: 6, criteria: ["hbv"])])
        XCTAssertEqual(warnings("west-midlands", [hbvOnly]).count, 1)
        XCTAssertTrue(warnings("liverpool", [Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: 6, tool: "merit", criteria: ["hbv"])])])
            .filter { $0.rule == .criteriaMismatch }.isEmpty)
    }

    func testNoValueFromTheRecordInMessages() {
        let record = Records.case(
            "2026-TEST-001", victim: Records.person("Unique Victimname", dob: "1990-01-01"),
            referrals: [Records.referral(received: "2026-11-02", score: 12), Records.referral(received: "2026-11-20", score: 3, criteria: ["repeat"])])
        for warning in warnings("west-midlands", [record]) {
            XCTAssertFalse(warning.message.contains("Victimname"))
            XCTAssertFalse(warning.message.contains("2026-11-02"))
            XCTAssertFalse(warning.message.contains(" 12 "))
        }
    }

    func testUnusableSettingsAreOneErrorEachAndNoWarnings() {
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: 12)])
        let found = warnings("no-such-profile", [record])
        XCTAssertEqual(found.map(\.rule), [.protocolSettings])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.file, "marac.toml")
    }
}
