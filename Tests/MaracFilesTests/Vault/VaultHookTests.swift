import Foundation
import XCTest
@testable import MaracRepository
@testable import MaracVault

/// `mfile hook install` and the hook at work in `git commit`.
final class VaultHookTests: XCTestCase {
    func testHookRefusesLintErrorsWithoutPrintingValues() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(GitFixture.caseFile)
        try replaceLine(in: file, containing: "status = \"open\"", with: "status = \"CANARYSTATUS\"")
        try GitFixture.run(["add", GitFixture.caseFile], in: root)
        let commit = try GitFixture.run(["commit", "-q", "-m", "edit"], in: root, check: false)
        XCTAssertNotEqual(commit.status, 0)
        XCTAssertTrue(commit.stderr.contains("lint error"), commit.stderr)
        XCTAssertTrue(commit.stderr.contains(GitFixture.caseFile), commit.stderr)
        XCTAssertFalse(commit.stderr.contains("CANARY"), commit.stderr)
    }

    func testForeignHookIsKeptUnlessForced() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.plantedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        try GitFixture.run(["init", "-q"], in: root)
        let hook = root.appendingPathComponent(".git/hooks/pre-commit")
        let foreign = "#!/bin/sh\necho other\n"
        try foreign.write(to: hook, atomically: true, encoding: .utf8)

        let refused = try GitFixture.mfile(["hook", "install"], in: root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("mfile hook install --force"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: hook, encoding: .utf8), foreign)
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertTrue(doctor.stdout.contains("mfile hook install --force"), doctor.stdout)

        let forced = try GitFixture.mfile(["hook", "install", "--force"], in: root)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(PreCommitHook.isInstalled(at: hook))
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent(".git/hooks/pre-commit.before-mfile"), encoding: .utf8), foreign)
        XCTAssertEqual(try GitFixture.mfile(["hook", "install"], in: root).status, 0, "reinstalling mfile's own hook")
    }

    func testHookScriptExplainsAMissingMfile() throws {
        try GitFixture.requireGitCrypt()
        let root = try makeTemporaryDirectory("mfile-vault")
        defer { try? FileManager.default.removeItem(at: root) }
        let script = root.appendingPathComponent("pre-commit")
        try PreCommitHook.script(executable: "/nonexistent/mfile", prefix: "").write(to: script, atomically: true, encoding: .utf8)
        let result = try GitFixture.run(["/bin/sh", script.path], in: root, program: "env", check: false)
        // With no mfile on PATH either, the hook stops the commit and says what to do.
        if Git.which("mfile") == nil {
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stderr.contains("mfile hook install"), result.stderr)
        }
    }

    func testDoctorOutsideGitIsAUsageError() throws {
        try GitFixture.requireGitCrypt()
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 2)
        XCTAssertTrue(doctor.stderr.contains("mfile init"), doctor.stderr)
        XCTAssertEqual(try GitFixture.mfile(["hook", "install"], in: root).status, 2)
    }
}
