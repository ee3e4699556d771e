import Foundation
import XCTest
@testable import MaracVault

/// `mfile doctor --purge-history` with the real git-filter-repo: the plaintext versions leave
/// every object in the repository, the current files stay.
final class VaultPurgeTests: XCTestCase {
    func testPurgeRemovesPlaintextVersionsAndKeepsCurrentFiles() throws {
        try GitFixture.requireGitCrypt()
        try GitFixture.require("git-filter-repo")
        let root = try GitFixture.plantedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        try GitFixture.run(["init", "-q"], in: root)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["commit", "-q", "-m", "plain"], in: root)
        XCTAssertEqual(try GitFixture.mfile(["init", ".", "--encrypt"], in: root).status, 0)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["status", "-f"], in: root, program: "git-crypt", check: false)
        try GitFixture.run(["commit", "-q", "-m", "encrypt"], in: root)
        XCTAssertTrue(try allObjects(root).range(of: Data(GitFixture.caseCanary.utf8)) != nil)
        let current = try Data(contentsOf: root.appendingPathComponent(GitFixture.caseFile))

        let preview = try GitFixture.mfile(["doctor", "--purge-history"], in: root)
        XCTAssertEqual(preview.status, 1, preview.stderr)
        XCTAssertTrue(preview.stdout.contains("--purge-history --yes"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains(GitFixture.caseFile), preview.stdout)
        GitFixture.assertPrivate(preview)

        let purge = try GitFixture.mfile(["doctor", "--purge-history", "--yes"], in: root)
        XCTAssertEqual(purge.status, 0, purge.stdout + purge.stderr)
        XCTAssertTrue(purge.stdout.contains("git push --force"), purge.stdout)
        GitFixture.assertPrivate(purge)

        XCTAssertNil(try allObjects(root).range(of: Data(GitFixture.caseCanary.utf8)), "a plaintext version survived")
        XCTAssertNil(try allObjects(root).range(of: Data(GitFixture.meetingCanary.utf8)), "a plaintext version survived")
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent(GitFixture.caseFile)), current)
        XCTAssertTrue(try GitFixture.blob(GitFixture.caseFile, in: root).starts(with: GitCrypt.header))
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 0, doctor.stdout)
    }

    func testPurgeRefusesAWorkTreeWithChanges() throws {
        try GitFixture.requireGitCrypt()
        try GitFixture.require("git-filter-repo")
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        try replaceLine(in: root.appendingPathComponent(GitFixture.caseFile), containing: "status = ", with: "status = \"closed\"")
        let purge = try GitFixture.mfile(["doctor", "--purge-history", "--yes"], in: root)
        XCTAssertEqual(purge.status, 2)
        XCTAssertTrue(purge.stderr.contains("git stash"), purge.stderr)
    }

    /// The contents of every object in the repository, reachable or not.
    func allObjects(_ root: URL) throws -> Data {
        try GitFixture.run(["cat-file", "--batch-all-objects", "--batch"], in: root).stdout
    }
}
