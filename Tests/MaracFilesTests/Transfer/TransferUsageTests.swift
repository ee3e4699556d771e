import Foundation
import XCTest

/// Bad input to `transfer` and `disclose` is a clear error (exit 2) that changes nothing.
final class TransferUsageTests: XCTestCase {
    func testBadInputIsRefusedWithoutChanges() throws {
        let root = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-usage")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        let snapshot = TransferFixtures.snapshot(root)
        let notABundle = work.appendingPathComponent("plain.age")
        try Data("not an age file".utf8).write(to: notABundle)
        let calls: [[String]] = [
            ["transfer"],
            ["transfer", "sideways", "2026-EXMP-001"],
            ["transfer", "out", "2026-EXMP-001"],
            ["transfer", "out", "2026-EXMP-001", "--to", " "],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--as-of", "23/11/2026"],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--notified", "2026-11-30", "--as-of", "2026-11-23"],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--recipient", "no-such-file"],
            ["transfer", "out", "2026-ZZZZ-999", "--to", "X", "--recipient", "age1qqqq"],
            ["transfer", "out", "2026-EXMP-003", "--to", "X", "--recipient", "age1qqqq"],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--identity", "id.txt"],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--recipient", "age1qqqq"],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--recipient", "age1qqqq", "--unsigned", "--signing-key", "k"],
            ["transfer", "out", "2026-EXMP-001", "--to", "X", "--recipient", "age1qqqq", "--signing-key", "no-such-key"],
            ["transfer", "acknowledge"],
            ["transfer", "acknowledge", "2026-EXMP-001"],
            ["transfer", "in"],
            ["transfer", "in", work.appendingPathComponent("missing.age").path, "--identity", notABundle.path],
            ["transfer", "in", notABundle.path, "--identity", notABundle.path],
            ["transfer", "in", notABundle.path, "--identity", "no-such-identity"],
            ["transfer", "minutes", "2026-EXMP-001", "2026-08-06-north"],
            ["transfer", "minutes", "2026-EXMP-001"],
            ["disclose"],
            ["disclose", "2026-EXMP-001", "--to", "X"],
            ["disclose", "2026-EXMP-001", "--to", "X", "--basis", "Y", "--restrictions", ""],
        ]
        for arguments in calls {
            let result = try runProduct("mfile", arguments, in: root)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("mfile "), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Whitfield"), "\(arguments)")
        }
        XCTAssertEqual(TransferFixtures.snapshot(root), snapshot)
    }

    func testMissingAgeIsAClearError() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = TransferFixtures.snapshot(root)
        let result = try runProduct(
            "mfile", ["transfer", "out", "2026-EXMP-001", "--to", "X", "--recipient", "age1qqqq", "--unsigned"], in: root,
            environment: ["MFILE_AGE": "/nonexistent/age"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("age is not installed"), result.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(root), snapshot)
    }

    func testCaseWithProblemsIsNotSent() throws {
        let root = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-usage")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        try replaceLine(in: root.appendingPathComponent("cases/2026/2026-EXMP-001.toml"), containing: "consent = \"given\"", with: "consent = \"perhaps\"")
        let snapshot = TransferFixtures.snapshot(root)
        let result = try runProduct("mfile", [
            "transfer", "out", "2026-EXMP-001", "--to", "X", "--recipient", "age1qqqq", "--output", work.appendingPathComponent("b.age").path,
            "--unsigned",
        ], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cases/2026/2026-EXMP-001.toml has 1 problem"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[schema]"), result.stderr)
        XCTAssertFalse(result.stderr.contains("perhaps"))
        XCTAssertEqual(TransferFixtures.snapshot(root), snapshot)
    }
}
