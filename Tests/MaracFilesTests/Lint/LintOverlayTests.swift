import Foundation
import XCTest
import MaracBase
import MaracLint

/// Linting a repository as a change would leave it, without writing the change.
final class LintOverlayTests: XCTestCase {
    func testAnOverlayReplacesAndAddsFilesInMemoryOnly() throws {
        let root = DemoRepository.root
        let path = "cases/2026/2026-EXMP-015.toml"
        let original = try Data(contentsOf: root.appendingPathComponent(path))
        let text = String(decoding: original, as: UTF8.self)
        let overlay: [String: [UInt8]] = [
            path: Array(text.replacingOccurrences(of: "marac = \"north\"", with: "marac = \"south\"").utf8),
            "cases/2026/2026-ZZZZ-001.toml": Array(text.replacingOccurrences(of: "2026-EXMP-015", with: "2026-ZZZZ-001")
                .replacingOccurrences(of: "consent = \"given\"", with: "consent = \"refused\"").utf8),
        ]
        XCTAssertEqual(try Linter.lint(at: root).findings.count, 0)
        // As of the demo's date: the copy, accepted for 2026-12-03, is not yet late for it.
        let report = try Linter.lint(at: root, overlay: overlay, asOf: LocalDate(isoText: "2026-11-23")!)
        XCTAssertEqual(report.fileCount, try Linter.lint(at: root).fileCount + 1)
        XCTAssertEqual(report.findings.filter { $0.file == path }.map(\.rule), [.unknownMarac])
        XCTAssertEqual(report.findings.filter { $0.file == "cases/2026/2026-ZZZZ-001.toml" }.map(\.rule), [.consentReason], "\(report.findings.map(\.line))")
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent(path)), original)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("cases/2026/2026-ZZZZ-001.toml").path))
    }
}
