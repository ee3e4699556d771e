import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracProtocol
@testable import MaracRecords

/// Who may be referred (issue 13, duty 1): victims aged 16 or over [000 §1, §9; 001 §4.1;
/// 003 MOP §1], the Young Persons DASH for 16-17 year olds in the West Midlands [000 §9], and
/// Liverpool's incident within the last 3 months [003 App.5], each at its boundary.
final class WhoMayBeReferredTests: XCTestCase {
    static func lint(_ profile: String, _ cases: [Case], rules: [(String, T)] = []) -> [Diagnostic] {
        let repository = Records.repository(Records.configuration(profile: profile, rules: rules), cases: cases)
        return Linter.lint(repository, asOf: day("2027-12-31"))
    }

    private func rules(_ profile: String, dob: String, received: String, tool: String = "dash-young-person",
                       decision: String = "accepted", rules extra: [(String, T)] = []) -> [LintRule] {
        let record = Records.case("2026-TEST-001", victim: Records.person("V", dob: dob), referrals: [
            Records.referral(received: received, tool: tool, decision: decision),
        ])
        return Self.lint(profile, [record], rules: extra).map(\.rule).filter {
            [.victimUnderAge, .youngPersonDASH, .incidentNotRecent].contains($0)
        }
    }

    func testUnderSixteenOnTheDayReceivedInEveryProfile() {
        for profile in ["west-midlands", "gwent", "liverpool"] {
            XCTAssertEqual(rules(profile, dob: "2010-03-15", received: "2026-03-14"), [.victimUnderAge], profile)
            XCTAssertEqual(rules(profile, dob: "2010-03-15", received: "2026-03-15"), [], profile)
            XCTAssertEqual(rules(profile, dob: "2010-03-15", received: "2026-03-16"), [], profile)
            // Returning the referral is the right outcome: no finding.
            XCTAssertEqual(rules(profile, dob: "2010-03-15", received: "2026-03-14", decision: "returned"), [], profile)
        }
        // Switched off in [rules].
        XCTAssertEqual(rules("west-midlands", dob: "2010-03-15", received: "2026-03-14", rules: [("min_victim_age", .b(false))]), [])
        // The finding is an error, at referral[1].received, and names no date.
        let record = Records.case("2026-TEST-001", victim: Records.person("Canary Name", dob: "2010-03-15"), referrals: [
            Records.referral(received: "2026-03-14", tool: "dash-young-person"),
        ])
        let finding = Self.lint("gwent", [record]).first { $0.rule == .victimUnderAge }
        XCTAssertEqual(finding?.severity, .error)
        XCTAssertFalse(finding?.message.contains("2010") ?? true)
        XCTAssertFalse(finding?.message.contains("Canary") ?? true)
        XCTAssertTrue(finding?.message.contains("Gwent MARAC Operating Protocol (2018) §4.1") ?? false)
    }

    func testLeapDayBirthday() {
        XCTAssertEqual(rules("gwent", dob: "2008-02-29", received: "2024-02-28"), [.victimUnderAge])
        XCTAssertEqual(rules("gwent", dob: "2008-02-29", received: "2024-02-29"), [])
        // The 18th birthday in a year without 29 February is 1 March.
        XCTAssertEqual(rules("west-midlands", dob: "2008-02-29", received: "2026-02-28", tool: "dash"), [.youngPersonDASH])
        XCTAssertEqual(rules("west-midlands", dob: "2008-02-29", received: "2026-03-01", tool: "dash"), [])
    }

    func testYoungPersonsDASHInTheWestMidlandsOnly() {
        // 16th birthday, the day before the 18th, the 18th.
        XCTAssertEqual(rules("west-midlands", dob: "2010-03-15", received: "2026-03-15", tool: "dash"), [.youngPersonDASH])
        XCTAssertEqual(rules("west-midlands", dob: "2008-03-15", received: "2026-03-14", tool: "dash"), [.youngPersonDASH])
        XCTAssertEqual(rules("west-midlands", dob: "2008-03-15", received: "2026-03-15", tool: "dash"), [])
        // The other way: the Young Persons DASH for an adult.
        XCTAssertEqual(rules("west-midlands", dob: "2008-03-15", received: "2026-03-14"), [])
        XCTAssertEqual(rules("west-midlands", dob: "2008-03-15", received: "2026-03-15"), [.youngPersonDASH])
        // Gwent and Liverpool do not have the rule; a marac.toml can switch it off.
        XCTAssertEqual(rules("gwent", dob: "2010-03-15", received: "2026-03-15", tool: "dash"), [])
        XCTAssertEqual(rules("west-midlands", dob: "2010-03-15", received: "2026-03-15", tool: "dash", rules: [("young_person_dash", .b(false))]), [])
        let record = Records.case("2026-TEST-001", victim: Records.person("V", dob: "2010-03-15"), referrals: [Records.referral(received: "2026-03-15")])
        XCTAssertEqual(Self.lint("west-midlands", [record]).first { $0.rule == .youngPersonDASH }?.severity, .warning)
    }

    private func liverpool(received: String, incident: String, criteria: [String] = ["visible-high-risk"],
                           rules extra: [(String, T)] = []) -> [Diagnostic] {
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(
            received: received, score: 80, tool: "merit", criteria: criteria,
            extra: [("incident", .d(day(incident))), ("judgement_reason", .s("r"))])])
        return Self.lint("liverpool", [record], rules: extra).filter { $0.rule == .incidentNotRecent || $0.rule == .criteriaMismatch }
    }

    func testLiverpoolIncidentWithinTheLastThreeMonths() throws {
        XCTAssertEqual(liverpool(received: "2026-06-15", incident: "2026-03-14").map(\.rule), [.incidentNotRecent])
        XCTAssertEqual(liverpool(received: "2026-06-15", incident: "2026-03-15").map(\.rule), [])
        XCTAssertEqual(liverpool(received: "2026-06-15", incident: "2026-03-16").map(\.rule), [])
        // Month ends: 3 months before 31 May is 28 February.
        XCTAssertEqual(liverpool(received: "2026-05-31", incident: "2026-02-27").map(\.rule), [.incidentNotRecent])
        XCTAssertEqual(liverpool(received: "2026-05-31", incident: "2026-02-28").map(\.rule), [])
        // Escalation too; professional judgement is how an older incident is referred.
        XCTAssertEqual(liverpool(received: "2026-06-15", incident: "2026-03-14", criteria: ["escalation"]).map(\.rule), [.incidentNotRecent])
        XCTAssertEqual(liverpool(received: "2026-06-15", incident: "2026-03-14", criteria: ["professional-judgement"]).map(\.rule), [])
        XCTAssertEqual(liverpool(received: "2026-06-15", incident: "2026-03-14", rules: [("recent_incident_months", .b(false))]).map(\.rule), [])
        let warning = try XCTUnwrap(liverpool(received: "2026-06-15", incident: "2026-03-14").first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("Liverpool MARAC Combined Protocol App.5"), warning.message)
        XCTAssertFalse(warning.message.contains("2026-03-14"))
        // Not in the West Midlands.
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-06-15", extra: [("incident", .d(day("2025-01-01")))])])
        XCTAssertFalse(Self.lint("west-midlands", [record]).contains { $0.rule == .incidentNotRecent })
    }

    func testTheEvaluationMeetsNoScoreOrEscalationCriterionOnAnOldIncident() throws {
        let engine = try Records.engine("liverpool")
        func met(_ incident: String, _ criteria: [String]) -> [Referral.Criterion] {
            let record = Records.case("2026-TEST-001", referrals: [Records.referral(
                received: "2026-06-15", score: 80, tool: "merit", criteria: criteria,
                extra: [("incident", .d(day(incident))), ("judgement_reason", .s("r"))])])
            return engine.evaluate(CaseSummary(record).referrals[0]).met
        }
        XCTAssertEqual(met("2026-03-15", ["visible-high-risk", "escalation"]), [.visibleHighRisk, .escalation])
        XCTAssertEqual(met("2026-03-14", ["visible-high-risk", "escalation"]), [])
        XCTAssertEqual(met("2026-03-14", ["professional-judgement", "hbv"]), [.professionalJudgement, .hbv])
    }

    func testAgeIsWholeYears() {
        XCTAssertEqual(day("2008-02-29").age(on: day("2026-02-28")), 17)
        XCTAssertEqual(day("2008-02-29").age(on: day("2026-03-01")), 18)
        XCTAssertEqual(day("2010-03-15").age(on: day("2026-03-15")), 16)
    }
}
