import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracProtocol
@testable import MaracRecords

/// Decisions on record (issue 13, duty 2): who decided a referral below the threshold by score
/// [000 §9, 004; 003 MOP §2.5, App.6], and why a returned referral was returned [000 §9, 004;
/// 001 §4.3; 003 MOP §2.5].
final class DecisionsOnRecordTests: XCTestCase {
    private func found(
        _ profile: String, score: Int, tool: String = "dash", criteria: [String] = ["professional-judgement"],
        decision: String = "accepted", agency: String = "housing", decidedBy: [String]? = nil,
        returnReason: Bool = false, rules: [(String, T)] = []
    ) -> [LintRule] {
        var extra: [(String, T)] = [("judgement_reason", .s("r")), ("agency", .s(agency))]
        if let decidedBy { extra.append(("decided_by", .a(decidedBy.map(T.s)))) }
        if returnReason { extra.append(("return_reason", .s("r"))) }
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(
            received: "2026-11-02", score: score, tool: tool, criteria: criteria, decision: decision, extra: extra)])
        let repository = Records.repository(Records.configuration(profile: profile, rules: rules), cases: [record])
        return Linter.lint(repository, asOf: day("2026-11-03")).map(\.rule).filter {
            [.decisionByMissing, .decisionByRole, .returnReason].contains($0)
        }
    }

    func testWestMidlandsBelowThresholdNeedsItsDecider() {
        XCTAssertEqual(found("west-midlands", score: 13), [.decisionByMissing])
        XCTAssertEqual(found("west-midlands", score: 14, criteria: ["visible-high-risk"]), [])
        XCTAssertEqual(found("west-midlands", score: 13, decidedBy: ["coordinator"]), [])
        XCTAssertEqual(found("west-midlands", score: 13, decidedBy: ["vice-chair"]), [])
        XCTAssertEqual(found("west-midlands", score: 13, decidedBy: ["administrator"]), [.decisionByRole])
        // Escalation without counts is judgement too; a pending referral is not decided yet.
        XCTAssertEqual(found("west-midlands", score: 10, criteria: ["escalation"]), [.decisionByMissing])
        XCTAssertEqual(found("west-midlands", score: 13, decision: "pending"), [])
        XCTAssertEqual(found("west-midlands", score: 13, rules: [("below_threshold_decision", .b(false))]), [])
    }

    func testLiverpoolChairForThePoliceAndTheLeadOrCoordinatorForOthers() {
        XCTAssertEqual(found("liverpool", score: 71, tool: "merit"), [.decisionByMissing])
        XCTAssertEqual(found("liverpool", score: 72, tool: "merit", criteria: ["visible-high-risk"]), [])
        XCTAssertEqual(found("liverpool", score: 71, tool: "merit", decidedBy: ["vulnerable-victims-lead"]), [])
        XCTAssertEqual(found("liverpool", score: 71, tool: "merit", decidedBy: ["coordinator"]), [])
        XCTAssertEqual(found("liverpool", score: 71, tool: "merit", decidedBy: ["chair"]), [.decisionByRole])
        XCTAssertEqual(found("liverpool", score: 71, tool: "merit", agency: "police", decidedBy: ["chair"]), [])
        XCTAssertEqual(found("liverpool", score: 71, tool: "merit", agency: "police", decidedBy: ["vulnerable-victims-lead"]), [.decisionByRole])
    }

    func testGwentNamesNoDecider() {
        XCTAssertEqual(found("gwent", score: 13), [])
        // A MARAC that switches the rule on accepts any role.
        XCTAssertEqual(found("gwent", score: 13, rules: [("below_threshold_decision", .b(true))]), [.decisionByMissing])
        XCTAssertEqual(found("gwent", score: 13, decidedBy: ["administrator"], rules: [("below_threshold_decision", .b(true))]), [])
    }

    func testReturnedReferralsCarryTheirReasonInEveryProfile() {
        for (profile, tool) in [("west-midlands", "dash"), ("gwent", "dash"), ("liverpool", "merit")] {
            XCTAssertEqual(found(profile, score: 90, tool: tool, criteria: ["visible-high-risk"], decision: "returned"), [.returnReason], profile)
            XCTAssertEqual(found(profile, score: 90, tool: tool, criteria: ["visible-high-risk"], decision: "returned", returnReason: true), [], profile)
            XCTAssertEqual(found(profile, score: 90, tool: tool, criteria: ["visible-high-risk"], decision: "returned",
                                 rules: [("return_reason_required", .b(false))]), [], profile)
        }
        // Returned below the threshold: both who returned it and why.
        XCTAssertEqual(found("west-midlands", score: 9, criteria: ["visible-high-risk"], decision: "returned"), [.returnReason, .decisionByMissing].sorted())
    }

    func testMessagesNameRolesAndTheSeedNeverTheRecord() throws {
        let record = Records.case("2026-TEST-001", victim: Records.person("Canary Victim", dob: "1990-01-01"), referrals: [
            Records.referral(received: "2026-11-02", score: 13, criteria: ["professional-judgement"], extra: [("judgement_reason", .s("canary reason"))]),
        ])
        let repository = Records.repository(Records.configuration(profile: "west-midlands"), cases: [record])
        let finding = try XCTUnwrap(Linter.lint(repository, asOf: day("2026-11-03")).first { $0.rule == .decisionByMissing })
        XCTAssertTrue(finding.message.contains("West Midlands MARAC Partnership Operating Protocol §9"), finding.message)
        XCTAssertTrue(finding.message.contains("\"coordinator\""))
        XCTAssertFalse(finding.message.lowercased().contains("canary"))
    }
}
