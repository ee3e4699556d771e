import Foundation
import XCTest
@testable import MaracRepository
@testable import MaracVault

/// `mfile init --encrypt` with the real git-crypt: committed records are ciphertext, the
/// key can be exported and unlocks a second clone, and `doctor` finds a healthy repository.
final class VaultEncryptionTests: XCTestCase {
    func testCommittedRecordsAreEncryptedAndHoldNoCanary() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }

        for path in [GitFixture.caseFile, GitFixture.meetingFile, "cases/2025/2025-EXMP-006.toml"] {
            let blob = try GitFixture.blob(path, in: root)
            XCTAssertTrue(blob.starts(with: GitCrypt.header), "\(path) is not encrypted in git")
            for canary in [GitFixture.caseCanary, GitFixture.meetingCanary, "Hannah", "Whitfield"] {
                XCTAssertNil(blob.range(of: Data(canary.utf8)), "\(path) holds a record value in git")
            }
        }
        // The work tree stays readable. marac.toml is encrypted too; only the plain-text list
        // (.gitattributes, .gitignore, schema/, templates/) is not.
        let workFile = try String(contentsOf: root.appendingPathComponent(GitFixture.caseFile), encoding: .utf8)
        XCTAssertTrue(workFile.contains(GitFixture.caseCanary))
        XCTAssertTrue(try GitFixture.blob("marac.toml", in: root).starts(with: GitCrypt.header))
        for path in [".gitattributes", ".gitignore", "schema/case.schema.json", "templates/agenda.html.mustache"] {
            XCTAssertFalse(try GitFixture.blob(path, in: root).starts(with: GitCrypt.header), path)
        }

        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 0, doctor.stdout + doctor.stderr)
        GitFixture.assertPrivate(doctor)
        let json = try GitFixture.mfile(["doctor", "--format", "json"], in: root)
        XCTAssertEqual(json.status, 0)
        XCTAssertTrue(json.stdout.contains("\"safe\": true"), json.stdout)
    }

    func testInitEncryptCreatesGitAndExplainsTheKey() throws {
        try GitFixture.requireGitCrypt()
        let parent = try makeTemporaryDirectory("mfile-vault")
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try GitFixture.mfile(["init", "records", "--profile", "gwent", "--first-meeting", "2027-01-07", "--encrypt"], in: parent)
        XCTAssertEqual(result.status, 0, result.stderr)
        for instruction in ["git-crypt export-key", "git-crypt unlock", "base64", "mfile doctor"] {
            XCTAssertTrue(result.stdout.contains(instruction), "init does not explain: \(instruction)")
        }
        let root = parent.appendingPathComponent("records")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path))
        let attributes = try String(contentsOf: root.appendingPathComponent(".gitattributes"), encoding: .utf8)
        XCTAssertEqual(attributes, GitCrypt.attributesText)
        XCTAssertTrue(attributes.contains("\n* filter=git-crypt diff=git-crypt\n"), attributes)
        for exception in [".gitattributes", ".gitignore", "schema/**", "templates/**"] {
            XCTAssertTrue(attributes.contains("\n\(exception) !filter !diff\n"), exception)
        }
        let hook = root.appendingPathComponent(".git/hooks/pre-commit")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook.path))
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 0, doctor.stdout + doctor.stderr)

        // Running it again changes nothing and makes no new key.
        let key = try Data(contentsOf: root.appendingPathComponent(".git/git-crypt/keys/default"))
        let again = try GitFixture.mfile(["init", "records", "--encrypt"], in: parent)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("already on"), again.stdout)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent(".git/git-crypt/keys/default")), key)
    }

    func testExportedKeyUnlocksASecondClone() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        let other = try makeTemporaryDirectory("mfile-vault-clone")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: other)
        }
        let key = other.appendingPathComponent("marac.key")
        try GitFixture.run(["export-key", key.path], in: root, program: "git-crypt")
        let clone = other.appendingPathComponent("clone")
        try GitFixture.run(["clone", "-q", root.path, clone.path], in: other)

        let locked = try GitFixture.mfile(["doctor"], in: clone)
        XCTAssertEqual(locked.status, 1)
        XCTAssertTrue(locked.stdout.contains("[locked]"), locked.stdout)
        XCTAssertTrue(locked.stdout.contains("git-crypt unlock"), locked.stdout)
        GitFixture.assertPrivate(locked)

        try GitFixture.run(["unlock", key.path], in: clone, program: "git-crypt")
        let text = try String(contentsOf: clone.appendingPathComponent(GitFixture.caseFile), encoding: .utf8)
        XCTAssertTrue(text.contains(GitFixture.caseCanary))
        let unlocked = try GitFixture.mfile(["doctor"], in: clone)
        // A clone has no hooks: the only problem left is the hook, with its command.
        XCTAssertEqual(unlocked.status, 1)
        XCTAssertTrue(unlocked.stdout.contains("[hook-missing]"), unlocked.stdout)
        XCTAssertFalse(unlocked.stdout.contains("[locked]"), unlocked.stdout)
        XCTAssertEqual(try GitFixture.mfile(["hook", "install"], in: clone).status, 0)
        XCTAssertEqual(try GitFixture.mfile(["doctor"], in: clone).status, 0)
    }

    /// Without git-crypt, init --encrypt changes nothing and says how to install it.
    func testMissingGitCryptIsExplainedAndNothingIsWritten() throws {
        try GitFixture.requireGitCrypt()
        let parent = try makeTemporaryDirectory("mfile-vault")
        defer { try? FileManager.default.removeItem(at: parent) }
        let bin = parent.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("git"), withDestinationURL: try XCTUnwrap(Git.which("git")))
        let environment = GitFixture.environment.merging(["PATH": bin.path]) { $1 }
        let result = try runProduct("mfile", ["init", "records", "--profile", "gwent", "--encrypt"], in: parent, environment: environment)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("sudo apt-get install git-crypt"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent.appendingPathComponent("records").path))

        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        let doctor = try runProduct("mfile", ["doctor"], in: root, environment: environment)
        XCTAssertEqual(doctor.status, 1)
        XCTAssertTrue(doctor.stdout.contains("[git-crypt-missing]"), doctor.stdout)
    }
}
