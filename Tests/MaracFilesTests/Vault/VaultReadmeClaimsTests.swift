import Foundation
import XCTest
@testable import MaracVault

/// README "Encrypted in git": what git-crypt does not hide, said plainly, checked here with
/// the real git and git-crypt; and the checks the section describes that other tests do not.
final class VaultReadmeClaimsTests: XCTestCase {
    func testWhatGitCryptDoesNotHide() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }

        // File and folder names: every path, in plain text in the tree objects.
        let names = String(decoding: try GitFixture.run(["ls-tree", "-r", "--name-only", "HEAD"], in: root).stdout, as: UTF8.self)
        XCTAssertTrue(names.contains(GitFixture.caseFile + "\n"), names)
        XCTAssertTrue(names.contains(GitFixture.meetingFile + "\n"), names)

        // Sizes: an encrypted file is 22 bytes longer than the file (header and nonce).
        for path in [GitFixture.caseFile, "marac.toml"] {
            let stored = Int(String(decoding: try GitFixture.run(["cat-file", "-s", "HEAD:\(path)"], in: root).stdout, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
            let size = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.size] as? Int
            XCTAssertEqual(stored, size.map { $0 + 22 }, path)
        }

        // Commit messages, authors and dates: in plain text in the commit objects.
        try replaceLine(in: root.appendingPathComponent(GitFixture.caseFile), containing: "status = ", with: "status = \"closed\"")
        try GitFixture.run(["commit", "-q", "-a", "-m", "Case 2026-EXMP-001 closed"], in: root)
        let commit = String(decoding: try GitFixture.run(["cat-file", "-p", "HEAD"], in: root).stdout, as: UTF8.self)
        XCTAssertTrue(commit.contains("Case 2026-EXMP-001 closed"), commit)
        XCTAssertTrue(commit.contains("Vault Test <vault-test@example.invalid>"), commit)

        // The plain-text list in full.
        XCTAssertTrue(String(decoding: try GitFixture.blob("schema/case.schema.json", in: root), as: UTF8.self).contains("\"$schema\""))

        // The key is never in git; this copy keeps it in .git/git-crypt/.
        let key = try Data(contentsOf: root.appendingPathComponent(".git/git-crypt/keys/default"))
        let objects = try GitFixture.run(["cat-file", "--batch-all-objects", "--batch"], in: root).stdout
        XCTAssertNil(objects.range(of: key.suffix(64)), "the git-crypt key is in a git object")
    }

    /// Papers neither ignored nor encrypted are reported; acknowledge --output refuses a place
    /// on the plain-text list.
    func testPapersAndAcknowledgementPlaces() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        let attributes = root.appendingPathComponent(".gitattributes")
        let original = try String(contentsOf: attributes, encoding: .utf8)
        try (original + "papers/** !filter !diff\n").write(to: attributes, atomically: true, encoding: .utf8)
        try "/.mfile/\n".write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertTrue(doctor.stdout.contains("[papers-not-ignored]"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("[attributes-switch-off]"), doctor.stdout)
        let notices = try GitFixture.mfile(["sweep", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(notices.status, 2, notices.stderr)
        XCTAssertTrue(notices.stderr.contains("could be committed in plain text; nothing was written"), notices.stderr)
        try original.write(to: attributes, atomically: true, encoding: .utf8)

        let caseFile = root.appendingPathComponent("cases/2026/2026-EXMP-003.toml")
        try (try String(contentsOf: caseFile, encoding: .utf8) + """

            [[transfer]]
            direction = "in"
            from = "Sampleshire MARAC"
            received = 2026-11-24
            their_id = "2026-SMPX-001"

            """).write(to: caseFile, atomically: true, encoding: .utf8)
        let refused = try GitFixture.mfile(["transfer", "acknowledge", "2026-EXMP-003", "--output", "templates/ack.html"], in: root)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("git would commit a paper there in plain text"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("templates/ack.html").path))
        let written = try GitFixture.mfile(["transfer", "acknowledge", "2026-EXMP-003", "--as-of", "2026-11-25", "--output", "papers/ack.html"], in: root)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stderr.contains("recorded acknowledged = 2026-11-25"), written.stderr)
        let acknowledged = try String(contentsOf: caseFile, encoding: .utf8)
        XCTAssertTrue(acknowledged.contains("their_id = \"2026-SMPX-001\"\nacknowledged = 2026-11-25\n"), String(acknowledged.suffix(200)))
        GitFixture.assertPrivate(written)
    }
}
