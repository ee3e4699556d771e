import XCTest
@testable import MaracBase
@testable import MaracJSON
@testable import MaracLint
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracRecords

/// Papers (issue 13, duty 7): the MeRIT band on Liverpool's agenda [003 App.5, MOP §5.2] and
/// the reason the victim was not informed on the West Midlands agenda [000 §9].
final class AgendaDutiesTests: XCTestCase {
    typealias F = PaperFixtures

    /// A case whose referral has these extra lines.
    private func record(score: Int = 15, tool: String = "merit", consent: String = "given", _ lines: String = "") throws -> Case {
        var text = F.caseText(id: "2026-TEST-001", score: score, tool: tool)
        text = text.replacingOccurrences(of: "info_only = false\n", with: "info_only = false\n\(lines)\n")
        text = text.replacingOccurrences(of: "consent = \"given\"", with: "consent = \"\(consent)\"")
        return try F.makeCase(text)
    }

    private func risk(_ profile: String, score: Int, grade: String? = nil, rules: String = "") throws -> String? {
        let record = try record(score: score, grade.map { "merit_grade = \"\($0)\"" } ?? "")
        return AgendaModel.risk(record.referrals.first, engine: try F.engine(profile, rules: rules)).text
    }

    func testLiverpoolAgendaGivesTheMeRITBand() throws {
        XCTAssertEqual(try risk("liverpool", score: 71), "MeRIT 71 (SILVER)")
        XCTAssertEqual(try risk("liverpool", score: 72), "MeRIT 72 (GOLD)")
        XCTAssertEqual(try risk("liverpool", score: 15), "MeRIT 15 (BRONZE)")
        XCTAssertEqual(try risk("liverpool", score: 16), "MeRIT 16 (SILVER)")
        XCTAssertEqual(try risk("liverpool", score: 0), "MeRIT 0")
        XCTAssertEqual(try risk("liverpool", score: 50, grade: "GOLD"), "MeRIT 50 (SILVER, graded GOLD)")
        // A grade below the score's band does not lower it (lint reports it).
        XCTAssertEqual(try risk("liverpool", score: 80, grade: "BRONZE"), "MeRIT 80 (GOLD)")
        XCTAssertEqual(try risk("liverpool", score: 72, rules: "merit_gold_min = 73"), "MeRIT 72 (SILVER)")
        XCTAssertEqual(try risk("liverpool", score: 72, rules: "agenda_merit_band = false"), "MeRIT 72")
        XCTAssertEqual(try risk("west-midlands", score: 72), "MeRIT 72")
        XCTAssertEqual(try risk("gwent", score: 72), "MeRIT 72")
    }

    func testAGradedCaseIsHeardWithItsBand() throws {
        let engine = try F.engine("liverpool")
        let graded = F.caseText(id: "graded", score: 50, tool: "merit").replacingOccurrences(of: "info_only = false\n", with: "info_only = false\nmerit_grade = \"GOLD\"\njudgement_reason = \"r\"\n")
        let silver = F.caseText(id: "silver", score: 71, tool: "merit")
        XCTAssertEqual(try F.agenda([silver, graded], engine).ids, ["graded", "silver"])
    }

    private func lint(_ profile: String, _ record: Case) throws -> [String] {
        let configuration = try F.engine(profile).configuration
        return Linter.lint(Records.repository(configuration, cases: [record]), asOf: day("2026-12-31"))
            .filter { [.meritGrade, .notInformedReason, .informedConsentConflict].contains($0.rule) }
            .map { "\($0.rule.rawValue) \($0.severity.rawValue)" }
    }

    func testMeritGradeOnlyHigherWithItsReason() throws {
        XCTAssertEqual(try lint("liverpool", try record(score: 80, "merit_grade = \"SILVER\"")), ["merit-grade error"])
        XCTAssertEqual(try lint("liverpool", try record(score: 50, "merit_grade = \"GOLD\"")), ["merit-grade warning"])
        XCTAssertEqual(try lint("liverpool", try record(score: 50, "merit_grade = \"GOLD\"\njudgement_reason = \"r\"")), [])
        XCTAssertEqual(try lint("liverpool", try record(score: 50, "merit_grade = \"SILVER\"")), [])
    }

    func testWestMidlandsAgendaGivesTheReasonTheVictimWasNotInformed() throws {
        let engine = try F.engine("west-midlands")
        let reason = "CANARY not safe to contact"
        let notInformed = try record(score: 16, tool: "dash", consent: "not-sought-unsafe", "victim_informed = false\nvictim_not_informed_reason = \"\(reason)\"")
        XCTAssertEqual(AgendaModel.notInformedReason(notInformed.referrals.first, engine: engine), .string(reason))
        XCTAssertEqual(AgendaModel.notInformedReason(try record(score: 16, tool: "dash", "victim_informed = true").referrals.first, engine: engine), .null)
        XCTAssertEqual(AgendaModel.notInformedReason(try record(score: 16, tool: "dash").referrals.first, engine: engine), .null)
        XCTAssertEqual(AgendaModel.notInformedReason(notInformed.referrals.first, engine: try F.engine("gwent")), .null)
        XCTAssertEqual(AgendaModel.notInformedReason(notInformed.referrals.first, engine: try F.engine("west-midlands", rules: "victim_not_informed_on_agenda = false")), .null)
        // Lint: the reason is required where the agenda prints it; consent given contradicts it.
        XCTAssertEqual(try lint("west-midlands", try record(score: 16, tool: "dash", consent: "not-sought-unsafe", "victim_informed = false")), ["not-informed-reason error"])
        XCTAssertEqual(try lint("west-midlands", notInformed), [])
        XCTAssertEqual(try lint("gwent", try record(score: 16, tool: "dash", consent: "not-sought-unsafe", "victim_informed = false")), [])
        XCTAssertEqual(try lint("west-midlands", try record(score: 16, tool: "dash", "victim_informed = false\nvictim_not_informed_reason = \"r\"")),
                       ["informed-consent-conflict warning"])
        // The reason is on the agenda paper only: never in lint's or check's words.
        let configuration = engine.configuration
        let repository = Records.repository(configuration, cases: [try record(score: 16, tool: "dash", "victim_informed = false\nvictim_not_informed_reason = \"\(reason)\"")])
        XCTAssertFalse(Linter.lint(repository, asOf: day("2026-12-31")).contains { $0.message.contains("CANARY") })
        XCTAssertFalse(BreachReport(check: BreachCheck(repository: repository, engine: engine, asOf: day("2026-12-31"))).textLines(.case).joined().contains("CANARY"))
    }
}

extension JSONValue {
    /// The string, if this is one.
    var text: String? { if case .string(let s) = self { s } else { nil } }
}
