import Foundation
import XCTest
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracRepository

/// `mfile sweep` on the demo as of 2026-11-23 (DEMO.md, "Flags due to be lifted").
final class SweepTests: XCTestCase {
    static let expected = ["2025-EXMP-006", "2025-EXMP-009", "2025-EXMP-011"]
    static let names = ["Kelly Ann Proudfoot", "Lorraine Batty", "Deborah Kaur-Sandhu", "Proudfoot", "Batty", "Sandhu"]

    func testDemoFlagsDueMatchDEMO() throws {
        let repository = try Repository.load(at: DemoRepository.root)
        let records = ProtocolRecords(engine: try ProtocolEngine.load(repository.configuration), repository: repository)
        let due = FlagSweep.due(repository, records: records, asOf: LocalDate(isoText: "2026-11-23")!)
        XCTAssertEqual(due.map(\.caseID), Self.expected)
        XCTAssertEqual(due.map(\.ended.description), ["2026-08-18", "2026-10-20", "2026-11-10"])
        // The day before 2025-EXMP-011's period ends, it is not yet due.
        let before = FlagSweep.due(repository, records: records, asOf: LocalDate(isoText: "2026-11-09")!)
        XCTAssertEqual(before.map(\.caseID), ["2025-EXMP-006", "2025-EXMP-009"])
        // Children's social care is told only about cases with children.
        XCTAssertFalse(due[1].agencies.contains("children"), "\(due[1].agencies)")
        XCTAssertTrue(due[0].agencies.contains("children"))
    }

    func testSweepSummaryNamesCasesAndWritesNoticesUnderPapers() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try snapshot(root.appendingPathComponent("cases"))
        let result = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        for id in Self.expected { XCTAssertTrue(result.stdout.contains(id), result.stdout) }
        for id in ["2025-EXMP-002", "2025-EXMP-016", "2025-EXMP-012", "2025-EXMP-014", "2026-EXMP-001"] {
            XCTAssertFalse(result.stdout.contains(id), "\(id) listed")
        }
        for name in Self.names + ["1993-01-17"] {
            XCTAssertFalse((result.stdout + result.stderr).contains(name), "summary shows a record value")
        }
        let notice = root.appendingPathComponent("papers/flag-notices/2026-11-23/police.md")
        let text = try String(contentsOf: notice, encoding: .utf8)
        XCTAssertTrue(text.contains("2025-EXMP-009"))
        XCTAssertTrue(text.contains("Lorraine Batty"), "the notice names the people to un-flag")
        XCTAssertTrue(text.hasPrefix("**OFFICIAL-SENSITIVE**"))
        XCTAssertEqual(try snapshot(root.appendingPathComponent("cases")), before, "a dry run changed a case file")

        let json = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--format", "json", "--notices", "-"], in: root)
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("\"case\": \"2025-EXMP-006\""), json.stdout)
    }

    func testNoticesAreRefusedWhereGitWouldCommitThem() throws {
        try GitFixture.requireGitCrypt()
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try GitFixture.run(["init", "-q"], in: root)
        let result = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("mfile doctor"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("papers/flag-notices").path))
    }

    func testProfileWithoutFlagPeriodSaysHowToSetOne() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try replaceLine(in: root.appendingPathComponent("marac.toml"), containing: "[rules]", with: "[rules]\nflag_months = false")
        let result = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("flag_months = 12"), result.stderr)
    }

    /// Every file below `folder` with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
