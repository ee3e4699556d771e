import Foundation
import XCTest

final class MfileCommandLineTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try runProduct("mfile", ["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("mfile "))
        let help = try runProduct("mfile", ["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("lint"))
        let lintHelp = try runProduct("mfile", ["lint", "--help"])
        XCTAssertEqual(lintHelp.status, 0)
        XCTAssertTrue(lintHelp.stdout.contains("usage: mfile lint"))
    }

    func testUnknownCommandsAndOptionsAreUsageErrors() throws {
        let command = try runProduct("mfile", ["lnt"])
        XCTAssertEqual(command.status, 2)
        XCTAssertTrue(command.stderr.contains("unknown command 'lnt'"))
        let option = try runProduct("mfile", ["lint", "--fast"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.contains("unknown option '--fast'"))
        let format = try runProduct("mfile", ["lint", "--format", "xml"], in: DemoRepository.root)
        XCTAssertEqual(format.status, 2)
        let none = try runProduct("mfile", [])
        XCTAssertEqual(none.status, 2)
    }

    func testLintExitStatus() throws {
        let clean = try runProduct("mfile", ["lint"], in: DemoRepository.root.appendingPathComponent("cases"))
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "")

        let outside = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: outside) }
        let noRepository = try runProduct("mfile", ["lint"], in: outside)
        XCTAssertEqual(noRepository.status, 2)
        XCTAssertTrue(noRepository.stderr.contains("marac.toml"))

        let missingPath = try runProduct("mfile", ["lint", "cases/2099"], in: DemoRepository.root)
        XCTAssertEqual(missingPath.status, 2)

        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try replaceLine(in: root.appendingPathComponent("cases/2026/2026-EXMP-001.toml"), containing: "status =", with: "status = 3")
        let broken = try runProduct("mfile", ["lint", "--repo", root.path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.hasPrefix("cases/2026/2026-EXMP-001.toml:3:1: error: status must be"), broken.stdout)
        XCTAssertTrue(broken.stdout.contains("[schema]"))

        let json = try runProduct("mfile", ["lint", "--repo", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]]
        XCTAssertEqual(findings?.first?["file"] as? String, "cases/2026/2026-EXMP-001.toml")
        XCTAssertEqual(findings?.first?["line"] as? Int, 3)
        XCTAssertEqual(findings?.first?["rule"] as? String, "schema")

        let onlyMeetings = try runProduct("mfile", ["lint", "--repo", root.path, "meetings"], in: root)
        XCTAssertEqual(onlyMeetings.status, 0, onlyMeetings.stdout)
    }
}
