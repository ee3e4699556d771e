import Foundation
import XCTest
@testable import MaracBase
@testable import MaracJSON
@testable import MaracSchema

/// Issue 15 item 9: a case id is any path-safe id of letters, digits and hyphens (a MARAC's
/// own references), `new case` still allocates YYYY-TTTT-NNN, and an id that is not a valid id
/// is never echoed.
final class CaseIDTests: XCTestCase {
    func testWhatIsAndIsNotACaseID() {
        for valid in ["2026-EXMP-001", "EXB-25-0311", "a", "7", "abc-DEF-123", String(repeating: "x", count: 64)] {
            XCTAssertTrue(CaseID.isValid(valid), valid)
        }
        for invalid in ["", "-EXB", "EXB-", "EXB/25/0311", "EXB 25", "a_b", "café", "..", "x.toml", "Jane Smith",
                        String(repeating: "x", count: 65), "a\nb"] {
            XCTAssertFalse(CaseID.isValid(invalid), invalid)
        }
    }

    /// The schemas (case id, and the hearing's case) say what `CaseID` says: same pattern, same answers.
    func testTheSchemasShareTheRule() throws {
        for file in ["case", "meeting"] {
            let url = TestPaths.packageRoot.appendingPathComponent("schema/\(file).schema.json")
            let schema = try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
            XCTAssertEqual(schema["$defs"]?["caseId"]?["pattern"], .string(CaseID.pattern), file)
        }
        let regex = try SchemaPattern(CaseID.pattern)
        for sample in ["2026-EXMP-001", "EXB-25-0311", "a", "-a", "a-", "a b", "a_b", String(repeating: "y", count: 64),
                       String(repeating: "y", count: 65), "Z9"] {
            XCTAssertEqual(regex.matches(sample), CaseID.isValid(sample), sample)
        }
    }

    /// A repository whose cases keep the MARAC's own references as ids lints clean, hears and
    /// renders them; `new case` still allocates YYYY-TTTT-NNN beside them.
    func testOwnReferencesAsIDsEndToEnd() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("cases/2026/2026-EXMP-015.toml")
        let new = root.appendingPathComponent("cases/2026/EXB-26-0015.toml")
        try FileManager.default.moveItem(at: old, to: new)
        try replaceLine(in: new, containing: "id = \"2026-EXMP-015\"", with: "id = \"EXB-26-0015\"")
        let meeting = root.appendingPathComponent("meetings/2026/2026-12-03-north.toml")
        try replaceLine(in: meeting, containing: "case = \"2026-EXMP-015\"", with: "case = \"EXB-26-0015\"")

        let lint = try runProduct("mfile", ["lint", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)
        let minutes = try runProduct("mfile", ["render", "case-minutes", "2026-12-03-north", "EXB-26-0015", "--format", "md"], in: root)
        XCTAssertEqual(minutes.status, 0, minutes.stderr)
        XCTAssertTrue(minutes.stdout.contains("EXB-26-0015"))
        let agenda = try runProduct("mfile", ["render", "agenda", "2026-12-03-north", "--format", "md"], in: root)
        XCTAssertTrue(agenda.stdout.contains("EXB-26-0015"), agenda.stdout)
        let found = try runProduct("mfile", ["find", "Olivia Tranter", "--ids-only"], in: root)
        XCTAssertEqual(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "EXB-26-0015")

        let created = try runProduct("mfile", ["new", "case", "--received", "2026-12-01"], in: root)
        XCTAssertEqual(created.status, 0, created.stderr)
        let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = (path as NSString).lastPathComponent
        XCTAssertNotNil(name.range(of: #"^2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9]{3}\.toml$"#, options: .regularExpression), name)

        // A valid id in a file of another name: the file-name rule names the id and the file to use.
        let misnamed = root.appendingPathComponent("cases/2026/misnamed.toml")
        try FileManager.default.moveItem(at: new, to: misnamed)
        let renamed = try runProduct("mfile", ["lint", "--as-of", "2026-11-23", "cases/2026/misnamed.toml"], in: root)
        XCTAssertTrue(renamed.stdout.contains("cases/2026/misnamed.toml:1:1: error: the file name does not match the case id EXB-26-0015; rename the file to EXB-26-0015.toml [file-name]"), renamed.stdout)
    }

    /// Ids that differ only in capitals name one file on macOS and Windows: a duplicate.
    func testIDsDifferingInCapitalsAreDuplicates() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("cases/2026/2026-EXMP-015.toml")
        let copy = root.appendingPathComponent("cases/2026/2026-exmp-015.toml")
        try FileManager.default.copyItem(at: source, to: copy)
        try replaceLine(in: copy, containing: "id = \"2026-EXMP-015\"", with: "id = \"2026-exmp-015\"")
        let lint = try runProduct("mfile", ["lint", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(lint.status, 1)
        XCTAssertEqual(lint.stdout.components(separatedBy: "[duplicate-case-id]").count - 1, 1, lint.stdout)
        XCTAssertTrue(lint.stdout.contains("differ only in capitals"), lint.stdout)
    }

    /// What is not a valid id (here a name typed into the id, the hearing or the command line)
    /// is reported where it is, never repeated.
    func testAnInvalidIDIsNeverEchoed() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let canary = "Zebedee Canary"
        let file = root.appendingPathComponent("cases/2026/2026-EXMP-015.toml")
        try replaceLine(in: file, containing: "id = \"2026-EXMP-015\"", with: "id = \"\(canary)\"")
        let meeting = root.appendingPathComponent("meetings/2026/2026-11-05-north.toml")
        let line = try lineNumber(in: meeting, containing: "case = \"2026-EXMP-013\"")
        try replaceLine(in: meeting, containing: "case = \"2026-EXMP-013\"", with: "case = \"\(canary)\"")

        let lint = try runProduct("mfile", ["lint", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(lint.status, 1)
        XCTAssertTrue(lint.stdout.contains("cases/2026/2026-EXMP-015.toml:1:1: error: id must be a case id of letters, digits and hyphens"), lint.stdout)
        XCTAssertTrue(lint.stdout.contains("meetings/2026/2026-11-05-north.toml:\(line):"), lint.stdout)
        XCTAssertTrue(lint.stdout.contains("hearing[4].case must be a case id of letters, digits and hyphens"), lint.stdout)
        var outputs = [lint]
        outputs.append(try runProduct("mfile", ["lint", "--as-of", "2026-11-23", "--format", "json"], in: root))
        outputs.append(try runProduct("mfile", ["check", "--as-of", "2026-12-20"], in: root))
        outputs.append(try runProduct("mfile", ["check", "--as-of", "2026-12-20", "--by", "agency", "--format", "json"], in: root))
        // (The papers themselves name people on purpose; they are not diagnostics.)
        outputs.append(try runProduct("mfile", ["render", "case-minutes", "2026-11-05-north", "Zebedee_Canary"], in: root))
        outputs.append(try runProduct("mfile", ["transfer", "out", "Zebedee_Canary", "--to", "Elsewhere"], in: root))
        for output in outputs {
            for part in ["Zebedee", "Canary"] {
                XCTAssertFalse(output.stdout.contains(part) || output.stderr.contains(part), output.stdout + output.stderr)
            }
        }
        XCTAssertEqual(outputs[5].status, 2)
        XCTAssertTrue(outputs[5].stderr.contains("takes a case id"), outputs[5].stderr)
    }
}
