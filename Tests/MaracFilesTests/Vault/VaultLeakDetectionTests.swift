import Foundation
import XCTest
@testable import MaracVault

/// What goes wrong is caught: a `.gitattributes` line that switches `meetings/` off (by
/// `doctor` and by the pre-commit hook), and a plaintext record already in history (by `doctor`).
final class VaultLeakDetectionTests: XCTestCase {
    func testALineSwitchingMeetingsOffIsCaughtByDoctorAndHook() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        let attributes = root.appendingPathComponent(".gitattributes")
        let original = try String(contentsOf: attributes, encoding: .utf8)
        try (original + "meetings/** !filter !diff\n").write(to: attributes, atomically: true, encoding: .utf8)
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count
        try GitFixture.run(["add", ".gitattributes"], in: root)

        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 1)
        XCTAssertTrue(doctor.stdout.contains("[encryption-coverage]"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("  " + GitFixture.meetingFile + "\n"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("[attributes-switch-off]"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("  .gitattributes:\(line)\n"), doctor.stdout)
        GitFixture.assertPrivate(doctor)

        // A changed meeting is staged in plaintext: the hook refuses the commit.
        let meeting = root.appendingPathComponent(GitFixture.meetingFile)
        try replaceLine(in: meeting, containing: "chair = ", with: "chair = \"\(GitFixture.meetingCanary) Two\"")
        try GitFixture.run(["add", GitFixture.meetingFile], in: root)
        let hook = try GitFixture.mfile(["hook", "run", "pre-commit"], in: root)
        XCTAssertEqual(hook.status, 1)
        XCTAssertTrue(hook.stderr.contains("commit refused"), hook.stderr)
        XCTAssertTrue(hook.stderr.contains(GitFixture.meetingFile), hook.stderr)
        XCTAssertTrue(hook.stderr.contains("does not send them through git-crypt"), hook.stderr)
        GitFixture.assertPrivate(hook)
        let commit = try GitFixture.run(["commit", "-q", "-m", "minutes"], in: root, check: false)
        XCTAssertNotEqual(commit.status, 0, "git let a plaintext meeting through the hook")
        XCTAssertFalse(commit.stderr.contains("CANARY"))

        // Forced past the hook, the plaintext is then in history, and doctor finds it.
        try GitFixture.run(["commit", "-q", "--no-verify", "-m", "minutes"], in: root)
        XCTAssertFalse(try GitFixture.blob(GitFixture.meetingFile, in: root).starts(with: GitCrypt.header))
        let after = try GitFixture.mfile(["doctor", "--format", "json"], in: root)
        XCTAssertEqual(after.status, 1)
        XCTAssertTrue(after.stdout.contains("\"plaintext-in-history\""), after.stdout)
        XCTAssertTrue(after.stdout.contains(GitFixture.meetingFile), after.stdout)
        GitFixture.assertPrivate(after)

        // The fix doctor gives works: the meeting is encrypted again at the next commit.
        try original.write(to: attributes, atomically: true, encoding: .utf8)
        try GitFixture.run(["add", ".gitattributes"], in: root)
        try GitFixture.run(["status", "-f"], in: root, program: "git-crypt")
        XCTAssertEqual(try GitFixture.mfile(["hook", "run", "pre-commit"], in: root).status, 0)
        try GitFixture.run(["commit", "-q", "-m", "encrypt meetings"], in: root)
        XCTAssertTrue(try GitFixture.blob(GitFixture.meetingFile, in: root).starts(with: GitCrypt.header))
    }

    func testPlaintextRecordInHistoryIsFound() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.plantedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        // Records committed before encryption was turned on.
        try GitFixture.run(["init", "-q"], in: root)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["commit", "-q", "-m", "plain"], in: root)
        let setup = try GitFixture.mfile(["init", ".", "--encrypt"], in: root)
        XCTAssertEqual(setup.status, 0, setup.stderr)
        XCTAssertTrue(setup.stdout.contains("mfile doctor"), setup.stdout)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["status", "-f"], in: root, program: "git-crypt", check: false)
        try GitFixture.run(["commit", "-q", "-m", "encrypt"], in: root)
        XCTAssertTrue(try GitFixture.blob(GitFixture.caseFile, in: root).starts(with: GitCrypt.header))

        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 1, doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("[plaintext-in-history]"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains(GitFixture.caseFile), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains(GitFixture.meetingFile), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("[encryption-coverage]"), doctor.stdout)
        GitFixture.assertPrivate(doctor)
    }
}
