import Foundation
import XCTest

/// A clone that was never unlocked holds ciphertext: every command that reads records stops
/// with one line saying so (exit 2), instead of "0 breaches", nobody found or zero counts.
final class VaultLockedCloneTests: XCTestCase {
    /// Each command that reads records, as a CI job or an administrator would run it.
    static let recordReaders: [[String]] = [
        ["lint"], ["check", "--as-of", "2026-11-23"], ["check", "--as-of", "2026-11-23", "--format", "json"],
        ["find", "Whitfield"], ["links"], ["stats", "--quarter", "2026Q4"], ["index"],
        ["render", "agenda", "2026-11-05-north"], ["render", "minutes", "2026-11-05-north"],
        ["render", "case-minutes", "2026-11-05-north", "2026-EXMP-001"], ["render", "actions", "--as-of", "2026-11-23"],
        ["render", "register"], ["sweep", "--as-of", "2026-11-23"], ["sweep", "--as-of", "2026-11-23", "--notices", "-"],
        ["plan", "2026-12-03-north"],
        ["disclose", "2026-EXMP-001", "--to", "DHR panel", "--basis", "terms of reference"],
        ["transfer", "minutes", "2026-EXMP-001", "2026-11-05-north"], ["hook", "run", "pre-commit"],
    ]

    func testEveryRecordReaderSaysTheCloneIsLocked() throws {
        try GitFixture.requireGitCrypt()
        let origin = try GitFixture.encryptedDemo()
        let parent = try makeTemporaryDirectory("mfile-locked")
        defer { for url in [origin, parent] { try? FileManager.default.removeItem(at: url) } }
        let clone = parent.appendingPathComponent("clone")
        try GitFixture.run(["clone", "-q", origin.path, clone.path], in: parent)

        for arguments in Self.recordReaders {
            let result = try GitFixture.mfile(arguments, in: clone)
            let command = arguments.joined(separator: " ")
            XCTAssertEqual(result.status, 2, "\(command): \(result.stdout) \(result.stderr)")
            XCTAssertEqual(result.stdout, "", command)
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("encrypted") && result.stderr.contains("git-crypt unlock KEY"), "\(command): \(result.stderr)")
            GitFixture.assertPrivate(result)
        }

        // Unlocked, the same commands answer again.
        let key = parent.appendingPathComponent("marac.key")
        try GitFixture.run(["export-key", key.path], in: origin, program: "git-crypt")
        try GitFixture.run(["unlock", key.path], in: clone, program: "git-crypt")
        XCTAssertEqual(try GitFixture.mfile(["lint"], in: clone).status, 0)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: clone.appendingPathComponent(".mfile/index").path),
            "a locked clone gets no index: there is nothing to read")
        let check = try GitFixture.mfile(["check", "--as-of", "2026-11-23"], in: clone)
        XCTAssertEqual(check.status, 1, check.stderr)
        // check works from the index, which names people: it is kept under .mfile/, which git ignores.
        XCTAssertTrue(FileManager.default.fileExists(atPath: clone.appendingPathComponent(".mfile/index").path))
        XCTAssertEqual(try GitFixture.run(["check-ignore", "-q", ".mfile/index"], in: clone, check: false).status, 0)
        let status = try GitFixture.run(["status", "--porcelain", "--untracked-files=all"], in: clone)
        XCTAssertEqual(String(decoding: status.stdout, as: UTF8.self), "", "nothing new for git to store")
        XCTAssertEqual(try GitFixture.mfile(["find", "Whitfield", "--ids-only"], in: clone).stdout, "2026-EXMP-001\n")
    }
}
