import Foundation
import XCTest
@testable import MaracLint
@testable import MaracRepository

final class LintDemoTests: XCTestCase {
    func testDemoRepositoryLintsClean() throws {
        let repository = try Repository.load(at: DemoRepository.root)
        XCTAssertGreaterThanOrEqual(repository.cases.count, 12)
        XCTAssertGreaterThanOrEqual(repository.meetings.count, 4)
        XCTAssertEqual(Linter.lint(repository).map(\.line), [])
    }

    /// One error of each kind planted in a copy of the demo, each found at its line.
    func testEachPlantedErrorIsFoundAtItsLine() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        func url(_ path: String) -> URL { root.appendingPathComponent(path) }
        var expected: [(file: String, line: Int, rule: String)] = []
        func plant(_ file: String, _ needle: String, _ replacement: String?, rule: String, line: Int? = nil) throws {
            let edited = try replaceLine(in: url(file), containing: needle, with: replacement)
            expected.append((file, line ?? edited, rule))
        }

        // Lines are removed before others are edited, so every recorded line number stays true.
        let case1 = "cases/2026/2026-EXMP-001.toml"
        let victimLine = try lineNumber(in: url(case1), containing: "[victim]")
        try plant(case1, "ethnicity =", nil, rule: "equality-missing", line: victimLine)
        try plant(case1, "status = \"open\"", "status = \"opne\"", rule: "schema")
        try plant(case1, "agency = \"police\"", "agency = \"polise\"", rule: "unknown-agency")
        try plant(case1, "dob = 1992-03-18", "dob = \"1992-03-18\"", rule: "date-quoted")
        let case2 = "cases/2026/2026-EXMP-002.toml"
        try plant(case2, "marac = \"north\"", "marac = \"south\"", rule: "unknown-marac")
        let case5 = "cases/2026/2026-EXMP-005.toml"
        let criteriaLine = try lineNumber(in: url(case5), containing: "criteria = [\"professional-judgement\"]")
        try plant(case5, "judgement_reason =", nil, rule: "judgement-reason", line: criteriaLine)
        let consentLine = try lineNumber(in: url(case5), containing: "consent = \"refused\"")
        try plant(case5, "consent_reason =", nil, rule: "consent-reason", line: consentLine)

        let syntax = "cases/2026/2026-EXMP-007.toml"
        try plant(syntax, "status = \"open\"", "status = \"open", rule: "toml-syntax")

        // A second file claiming case 2026-EXMP-004's id, under a name that does not match it.
        let copied = "cases/2026/2026-EXMP-099.toml"
        try FileManager.default.copyItem(at: url("cases/2026/2026-EXMP-004.toml"), to: url(copied))
        let idLine = try lineNumber(in: url(copied), containing: "id = \"2026-EXMP-004\"")
        expected.append((copied, idLine, "duplicate-case-id"))
        expected.append((copied, idLine, "file-name"))

        let meeting = "meetings/2026/2026-11-05-north.toml"
        let ownerLine = try lineNumber(in: url(meeting), containing: "owner =")
        let lines = try String(contentsOf: url(meeting), encoding: .utf8).components(separatedBy: "\n")
        let actionHeader = lines.prefix(ownerLine).lastIndex { $0.contains("[[hearing.action]]") }! + 1
        try plant(meeting, "owner =", nil, rule: "action-incomplete", line: actionHeader)
        try plant(meeting, "case = \"2026-EXMP-012\"", "case = \"2026-EXMP-999\"", rule: "unknown-case")
        try plant(meeting, "confidentiality_signed = true", "confidentiality_signed = false", rule: "confidentiality-unsigned")
        try plant(meeting, "id = 2", "id = 1", rule: "duplicate-action-id")

        // An accepted referral that no meeting since has heard.
        let unlisted = "cases/2026/2026-EXMP-010.toml"
        var text = try String(contentsOf: url(unlisted), encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        let lastLine = text.components(separatedBy: "\n").count - 1
        text += """

            [[referral]]
            received = 2026-10-20
            agency = "police"
            referrer = "PC 1"
            incident = 2026-10-19
            risk_tool = "dash"
            risk_score = 16
            criteria = ["repeat"]
            consent = "given"
            decision = "accepted"
            idva_referred = 2026-10-20

            """
        try text.write(to: url(unlisted), atomically: true, encoding: .utf8)
        expected.append((unlisted, lastLine + 11, "referral-not-listed"))

        let findings = Linter.lint(try Repository.load(at: root))
        let report = findings.map(\.line).joined(separator: "\n")
        for planted in expected {
            XCTAssertTrue(
                findings.contains { $0.file == planted.file && $0.position?.line == planted.line && $0.rule.rawValue == planted.rule },
                "expected \(planted.rule) at \(planted.file):\(planted.line); found:\n\(report)")
        }
        XCTAssertEqual(Set(findings.map(\.rule.rawValue)).subtracting(expected.map(\.rule)), [], report)
    }
}
