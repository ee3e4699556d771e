import Foundation
import XCTest

/// `mfile render` end to end: formats, `--output`, identical bytes, and exit status 2 with a
/// clear message for an unknown meeting or case.
final class PapersRenderCommandTests: XCTestCase {
    private var demo: URL { DemoRepository.root }

    func testUnknownMeetingOrCaseExitsTwo() throws {
        let meeting = try runProduct("mfile", ["render", "agenda", "2031-01-01-north"], in: demo)
        XCTAssertEqual(meeting.status, 2)
        XCTAssertTrue(meeting.stderr.contains("no meeting 2031-01-01-north"), meeting.stderr)
        XCTAssertEqual(meeting.stdout, "")
        let caseID = try runProduct("mfile", ["render", "case-minutes", "2026-11-05-north", "2026-ZZZZ-001"], in: demo)
        XCTAssertEqual(caseID.status, 2)
        XCTAssertTrue(caseID.stderr.contains("no case with id 2026-ZZZZ-001"), caseID.stderr)
        let notHeard = try runProduct("mfile", ["render", "case-minutes", "2026-11-05-north", "2026-EXMP-001"], in: demo)
        XCTAssertEqual(notHeard.status, 2)
        XCTAssertTrue(notHeard.stderr.contains("not heard at meeting 2026-11-05-north"), notHeard.stderr)
        XCTAssertFalse(notHeard.stderr.contains("Hannah"), "no record value in a message")
    }

    func testUsageMistakesExitTwo() throws {
        for arguments in [
            ["render"], ["render", "nonsense"], ["render", "agenda"], ["render", "agenda", "2026-11-05-north", "--start", "9.30"],
            ["render", "agenda", "2026-11-05-north", "--format", "pdf"], ["render", "register", "--agency", "police"],
            ["render", "actions", "--as-of", "23/11/2026"],
        ] {
            let result = try runProduct("mfile", arguments, in: demo)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertFalse(result.stderr.isEmpty)
        }
    }

    func testOutputFileMatchesStandardOutputAndRepeatsExactly() throws {
        let folder = try makeTemporaryDirectory("mfile-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["html", "md"] {
            let out = folder.appendingPathComponent("agenda.\(format)")
            let written = try runProduct("mfile", ["render", "agenda", "2026-11-05-north", "--format", format, "--output", out.path], in: demo)
            XCTAssertEqual(written.status, 0, written.stderr)
            XCTAssertEqual(written.stdout, "")
            let printed = try runProduct("mfile", ["render", "agenda", "2026-11-05-north", "--format", format], in: demo)
            let again = try runProduct("mfile", ["render", "agenda", "2026-11-05-north", "--format", format], in: demo)
            XCTAssertEqual(printed.status, 0)
            XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), printed.stdout)
            XCTAssertEqual(printed.stdout, again.stdout)
        }
    }

    func testEveryPaperRendersFromTheCommandLine() throws {
        for arguments in [
            ["render", "agenda", "2026-11-05-north", "--start", "10:00"],
            ["render", "agenda", "2026-12-03", "--closed"],
            ["render", "minutes", "2026-11-05-north", "--format", "md"],
            ["render", "case-minutes", "2026-11-05-north", "2026-EXMP-011"],
            ["render", "actions", "--as-of", "2026-11-23", "--agency", "housing"],
            ["render", "register", "--format", "md"],
        ] {
            let result = try runProduct("mfile", arguments, in: demo)
            XCTAssertEqual(result.status, 0, arguments.joined(separator: " ") + ": " + result.stderr)
            XCTAssertTrue(result.stdout.contains("OFFICIAL-SENSITIVE"), arguments.joined(separator: " "))
        }
    }

    func testRepositoryTemplateOverridesTheDefault() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "LOCAL {{paper.marking}} {{#sections}}{{#items}}{{caseID}} {{/items}}{{/sections}}\n"
            .write(to: templates.appendingPathComponent("agenda.md.mustache"), atomically: true, encoding: .utf8)
        let result = try runProduct("mfile", ["render", "agenda", "2026-11-05-north", "--format", "md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "LOCAL OFFICIAL-SENSITIVE 2026-EXMP-012 2026-EXMP-011 2025-EXMP-012 2026-EXMP-013 2026-EXMP-003 \n")
        try "{{#broken}}\n".write(to: templates.appendingPathComponent("agenda.md.mustache"), atomically: true, encoding: .utf8)
        let broken = try runProduct("mfile", ["render", "agenda", "2026-11-05-north", "--format", "md"], in: root)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("templates/agenda.md.mustache:1:"), broken.stderr)
    }

    func testAHearingWithoutACaseFileIsLeftOffWithAWarning() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try replaceLine(
            in: root.appendingPathComponent("meetings/2026/2026-11-05-north.toml"),
            containing: "case = \"2026-EXMP-011\"", with: "case = \"2026-GZNE-011\"")
        let result = try runProduct("mfile", ["render", "agenda", "2026-11-05-north", "--format", "md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("lists case 2026-GZNE-011, which has no case file"), result.stderr)
        XCTAssertFalse(result.stdout.contains("2026-GZNE-011"))
    }
}
