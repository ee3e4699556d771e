import Foundation
import XCTest

/// A repository's own schema cannot make `mfile lint` (and so the pre-commit hook and
/// `transfer in`, which lint) hang: patterns run in linear time, and one that needs
/// backtracking is refused naming the schema file and the keyword.
final class SchemaPatternLintTests: XCTestCase {
    func testPathologicalPatternIsMatchedInLinearTime() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try replaceEvery("\"^local_\": true", with: "\"^local_\": {\"type\": \"string\", \"pattern\": \"^(a|aa)+$\"}",
                         in: root.appendingPathComponent("schema/case.schema.json"))
        let value = String(repeating: "a", count: 40) + "b"
        let file = root.appendingPathComponent("cases/2026/2026-EXMP-001.toml")
        try replaceLine(in: file, containing: "status = ", with: "status = \"open\"\nlocal_code = \"\(value)\"")
        // With a backtracking matcher this took over 30 s; it now finishes and reports the field.
        let result = try runProduct("mfile", ["lint", "--repo", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("cases/2026/2026-EXMP-001.toml:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("local_code"), result.stdout)
        XCTAssertFalse(result.stdout.contains(value), "lint printed the value")
    }

    func testPatternNeedingBacktrackingIsRefusedNamingTheSchemaAndKeyword() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try replaceEvery("\"^local_\": true", with: "\"^local_\": {\"type\": \"string\", \"pattern\": \"^(?=a)(a|aa)+\\\\1$\"}",
                         in: root.appendingPathComponent("schema/case.schema.json"))
        let result = try runProduct("mfile", ["lint", "--repo", root.path])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("schema/case.schema.json"), result.stderr)
        XCTAssertTrue(result.stderr.contains("/pattern: pattern uses a look-ahead"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    private func replaceEvery(_ text: String, with replacement: String, in file: URL) throws {
        let original = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(original.contains(text), "fixture changed")
        try original.replacingOccurrences(of: text, with: replacement).write(to: file, atomically: true, encoding: .utf8)
    }
}
