import Foundation
import XCTest
@testable import MaracVault

/// Default deny: in an encrypted repository every file but the plain-text list is encrypted
/// when committed, whatever it is called and wherever it is; the hook refuses any staged
/// plaintext outside the list; doctor checks every blob in the history and every attributes
/// file that could switch encryption off; papers are never written where git would keep them
/// in plain text.
final class VaultDefaultDenyTests: XCTestCase {
    /// The report: a paper rendered into the records folder (the README's own PDF
    /// example), a copied folder, a backup copy and the index, all committed with 'git add -A'.
    func testPapersCopiesAndBackupsAreEncryptedAndTheIndexStaysOut() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        let render = try GitFixture.mfile(["render", "agenda", "2026-11-05-north", "--output", "agenda.html"], in: root)
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertEqual(try GitFixture.mfile(["find", "Whitfield", "--ids-only"], in: root).status, 0)
        let manager = FileManager.default
        try manager.copyItem(at: root.appendingPathComponent("cases"), to: root.appendingPathComponent("cases-old"))
        try manager.copyItem(at: root.appendingPathComponent(GitFixture.caseFile), to: root.appendingPathComponent(GitFixture.caseFile + ".bak"))
        try "Hannah Whitfield, 12 Example Road\n".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["commit", "-q", "-m", "papers and copies"], in: root)

        for path in ["agenda.html", "cases-old/2026/2026-EXMP-001.toml", GitFixture.caseFile + ".bak", "notes.txt", "marac.toml"] {
            let blob = try GitFixture.blob(path, in: root)
            XCTAssertTrue(blob.starts(with: GitCrypt.header), "\(path) is in git in plain text")
            for secret in [GitFixture.caseCanary, "Hannah", "Whitfield"] {
                XCTAssertNil(blob.range(of: Data(secret.utf8)), "\(path) holds a record value in git")
            }
        }
        let tracked = String(decoding: try GitFixture.run(["ls-files"], in: root).stdout, as: UTF8.self)
        XCTAssertFalse(tracked.contains(".mfile/"), "mfile's index was committed")
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 0, doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("Not hidden by git-crypt: file and folder names"), doctor.stdout)
    }

    /// `init --encrypt` on an existing repository whose .gitignore lacks `.mfile/`.
    func testInitEncryptOnAnExistingRepositoryIgnoresTheIndex() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.plantedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        try GitFixture.run(["init", "-q"], in: root)
        try "papers/\n".write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try GitFixture.mfile(["find", "Whitfield", "--ids-only"], in: root).status, 0)
        let setup = try GitFixture.mfile(["init", ".", "--encrypt"], in: root)
        XCTAssertEqual(setup.status, 0, setup.stderr)
        XCTAssertTrue(setup.stdout.contains("added .mfile/ to .gitignore"), setup.stdout)
        XCTAssertTrue(setup.stdout.contains("changed papers/ to /papers/"), setup.stdout)
        try GitFixture.run(["add", "-A"], in: root)
        let staged = String(decoding: try GitFixture.run(["ls-files"], in: root).stdout, as: UTF8.self)
        XCTAssertFalse(staged.contains(".mfile/"), staged)
        XCTAssertTrue(try GitFixture.blob("marac.toml", at: "", in: root).starts(with: GitCrypt.header))

        // doctor notices when the line goes.
        try "/papers/\n".write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertTrue(doctor.stdout.contains("[index-not-ignored]"), doctor.stdout)
    }

    func testRenderRefusesAPlaceWhereGitWouldKeepThePaperInPlainText() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        let plain = try DemoRepository.copy()
        let outside = try makeTemporaryDirectory("mfile-outside")
        defer { for url in [root, plain, outside] { try? FileManager.default.removeItem(at: url) } }

        // templates/ is on the plain-text list.
        let refused = try GitFixture.mfile(["render", "agenda", "2026-11-05-north", "--output", "templates/agenda.html"], in: root)
        XCTAssertEqual(refused.status, 2, refused.stdout)
        XCTAssertTrue(refused.stderr.contains("git would commit a paper there in plain text"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("templates/agenda.html").path))
        GitFixture.assertPrivate(refused)

        // A git repository without encryption: only ignored places, or outside it.
        try GitFixture.run(["init", "-q"], in: plain)
        for output in ["agenda.html", "papers/agenda.html", "cases/agenda.html"] {
            let result = try GitFixture.mfile(["render", "agenda", "2026-11-05-north", "--output", output], in: plain)
            XCTAssertEqual(result.status, 2, output)
            XCTAssertFalse(FileManager.default.fileExists(atPath: plain.appendingPathComponent(output).path), output)
        }
        try "/papers/\n".write(to: plain.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try GitFixture.mfile(["render", "agenda", "2026-11-05-north", "--output", "papers/agenda.html"], in: plain).status, 0)
        let away = outside.appendingPathComponent("agenda.html").path
        XCTAssertEqual(try GitFixture.mfile(["render", "agenda", "2026-11-05-north", "--output", away], in: plain).status, 0)
    }

    /// A nested .gitattributes, and the local .git/info/attributes, that switch the filter off.
    func testAttributesSwitchingEncryptionOffAreCaughtByHookAndDoctor() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        try "# keep these readable\n*.toml !filter !diff\n".write(
            to: root.appendingPathComponent("cases/2026/.gitattributes"), atomically: true, encoding: .utf8)
        try replaceLine(in: root.appendingPathComponent(GitFixture.caseFile), containing: "status = ", with: "status = \"closed\"")
        try GitFixture.run(["add", "-A"], in: root)
        let hook = try GitFixture.run(["commit", "-q", "-m", "close"], in: root, check: false)
        XCTAssertNotEqual(hook.status, 0, "the hook let a plaintext case through")
        XCTAssertTrue(hook.stderr.contains(GitFixture.caseFile), hook.stderr)
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 1)
        XCTAssertTrue(doctor.stdout.contains("[attributes-switch-off]"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("  cases/2026/.gitattributes:2\n"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("[plaintext-staged]"), doctor.stdout)
        GitFixture.assertPrivate(doctor)

        // Forced through, the plaintext version is in the history for doctor to find.
        try GitFixture.run(["commit", "-q", "--no-verify", "-m", "close"], in: root)
        let after = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertTrue(after.stdout.contains("[plaintext-in-history]"), after.stdout)
        XCTAssertTrue(after.stdout.contains("  " + GitFixture.caseFile + "\n"), after.stdout)

        // This copy's own attributes file is read too.
        try FileManager.default.removeItem(at: root.appendingPathComponent("cases/2026/.gitattributes"))
        let info = root.appendingPathComponent(".git/info/attributes")
        try FileManager.default.createDirectory(at: info.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "notes/** -filter\n".write(to: info, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try "Hannah Whitfield\n".write(to: root.appendingPathComponent("notes/call.txt"), atomically: true, encoding: .utf8)
        try GitFixture.run(["add", "-A"], in: root)
        let refused = try GitFixture.mfile(["hook", "run", "pre-commit"], in: root)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("notes/call.txt"), refused.stderr)
        let local = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertTrue(local.stdout.contains("  .git/info/attributes:1\n"), local.stdout)
        XCTAssertTrue(local.stdout.contains("  notes/call.txt\n"), local.stdout)
    }

    /// Every blob in the history outside the list is checked, not only records.
    func testDoctorChecksEveryBlobInTheHistory() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.plantedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        try GitFixture.run(["init", "-q"], in: root)
        try "Hannah Whitfield's sister called.\n".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["commit", "-q", "-m", "plain"], in: root)
        XCTAssertEqual(try GitFixture.mfile(["init", ".", "--encrypt"], in: root).status, 0)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["status", "-f"], in: root, program: "git-crypt", check: false)
        try GitFixture.run(["commit", "-q", "--no-verify", "-m", "encrypt"], in: root)
        let doctor = try GitFixture.mfile(["doctor"], in: root)
        XCTAssertEqual(doctor.status, 1)
        for path in ["README.md", "marac.toml", GitFixture.caseFile] {
            XCTAssertTrue(doctor.stdout.contains("  \(path)\n"), "\(path) missing:\n\(doctor.stdout)")
        }
        XCTAssertFalse(doctor.stdout.contains("  schema/case.schema.json\n"), "a file on the plain-text list is reported")
        GitFixture.assertPrivate(doctor)
    }
}
