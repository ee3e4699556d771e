import Foundation
import XCTest
@testable import MaracBase
@testable import MaracRepository
@testable import MaracTransfer
@testable import MaracVault

/// Issue 14's "done when": one scripted attack on an encrypted records repository, with the
/// real git, git-crypt, age and ssh-keygen, each step something a careless user or a hostile
/// sender does, each one stopped. No output of any step shows a value from a record.
final class ScriptedAttackTests: XCTestCase {
    var root: URL!
    var work: URL!

    override func setUpWithError() throws {
        try GitFixture.requireGitCrypt()
        _ = try AgeTestSupport.age()
        try SigningKeys.require()
        root = try GitFixture.encryptedDemo()
        work = try makeTemporaryDirectory("mfile-attack")
    }

    override func tearDownWithError() throws {
        for url in [root, work].compactMap({ $0 }) {
            _ = try? runProgram("/bin/chmod", ["-R", "u+rwX", url.path])
            try? FileManager.default.removeItem(at: url)
        }
    }

    @discardableResult
    func mfile(_ arguments: [String], in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        let result = try GitFixture.mfile(arguments, in: directory ?? root)
        GitFixture.assertPrivate(result, file: file, line: line)
        return result
    }

    func committedEncrypted(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let blob = try GitFixture.blob(path, in: root)
        XCTAssertTrue(blob.starts(with: GitCrypt.header), "\(path) is in git in plain text", file: file, line: line)
        for secret in [GitFixture.caseCanary, "Hannah", "Whitfield"] {
            XCTAssertNil(blob.range(of: Data(secret.utf8)), "\(path) holds a record value in git", file: file, line: line)
        }
    }

    func testScriptedAttack() throws {
        // 1-4. A plaintext paper rendered beside the records, the index, a .bak copy and a
        // copied folder, all swept up by 'git add -A': committed encrypted, the index not at all.
        XCTAssertEqual(try mfile(["render", "agenda", "2026-11-05-north", "--output", "agenda.html"]).status, 0)
        XCTAssertEqual(try mfile(["find", "Whitfield", "--ids-only"]).status, 0)
        try FileManager.default.copyItem(at: root.appendingPathComponent(GitFixture.caseFile), to: root.appendingPathComponent(GitFixture.caseFile + ".bak"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("cases"), to: root.appendingPathComponent("cases-old"))
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["commit", "-q", "-m", "papers and copies"], in: root)
        for path in ["agenda.html", GitFixture.caseFile + ".bak", "cases-old/2026/2026-EXMP-001.toml"] { try committedEncrypted(path) }
        XCTAssertFalse(String(decoding: try GitFixture.run(["ls-files"], in: root).stdout, as: UTF8.self).contains(".mfile/"))
        XCTAssertEqual(try mfile(["render", "agenda", "2026-11-05-north", "--output", "templates/agenda.html"]).status, 2, "paper on the plain-text list")

        // 5. A nested .gitattributes switching encryption off: the hook refuses, doctor names it.
        let nested = root.appendingPathComponent("cases/2026/.gitattributes")
        try "*.toml !filter !diff\n".write(to: nested, atomically: true, encoding: .utf8)
        try replaceLine(in: root.appendingPathComponent(GitFixture.caseFile), containing: "status = ", with: "status = \"closed\"")
        try GitFixture.run(["add", "-A"], in: root)
        XCTAssertNotEqual(try GitFixture.run(["commit", "-q", "-m", "x"], in: root, check: false).status, 0, "the hook let plaintext through")
        XCTAssertTrue(try mfile(["doctor"]).stdout.contains("  cases/2026/.gitattributes:1\n"))
        try FileManager.default.removeItem(at: nested)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["status", "-f"], in: root, program: "git-crypt")
        try GitFixture.run(["commit", "-q", "-m", "closed"], in: root)
        try committedEncrypted(GitFixture.caseFile)

        // 6 and 14. A hostile bundle and a forged one, from someone who can encrypt to us.
        let receiver = try TransferFixtures.emptyRepository()
        defer { try? FileManager.default.removeItem(at: receiver) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let north = try SigningKeys.make("example-north", in: work)
        try SigningKeys.allow([north], in: receiver)
        let genuineURL = work.appendingPathComponent("genuine.age")
        XCTAssertEqual(try mfile(["transfer", "out", "2026-EXMP-002", "--to", "Sampleshire MARAC", "--recipient", keys.recipient,
                                  "--signing-key", north.privateKey, "--output", genuineURL.path]).status, 0)
        let genuine = try TransferFixtures.open(genuineURL, identity: keys.identity)
        let snapshot = TransferFixtures.snapshot(receiver)
        var hostile = genuine
        hostile.readManifest = nil
        hostile.signature = nil
        hostile.files.append(TarArchive.Entry(path: "papers/.gitattributes", bytes: Array("* !filter !diff\n".utf8)))
        var forged = genuine
        forged.readManifest = nil
        forged.files[0].bytes += Array("<p>forged</p>".utf8)
        let huge = work.appendingPathComponent("huge.age")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 8 << 30)
        try handle.close()
        var bundles = [("huge", huge, "more than any case bundle")]
        for (label, bundle, reason) in [("hostile", hostile, "papers/.gitattributes: a bundle holds only"), ("forged", forged, "signature does not match its contents")] {
            let url = work.appendingPathComponent("\(label).age")
            try Data(try AgeTestSupport.age().encrypt(bundle.archive(), lock: .recipients([keys.recipient]))).write(to: url)
            bundles.append((label, url, reason))
        }
        for (label, url, reason) in bundles {
            let result = try mfile(["transfer", "in", url.path, "--identity", keys.identity, "--unsigned"], in: receiver)
            XCTAssertEqual(result.status, 2, label)
            XCTAssertTrue(result.stderr.contains(reason), "\(label): \(result.stderr)")
        }
        XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot, "a refused bundle changed the receiving repository")
        XCTAssertEqual(try mfile(["transfer", "in", genuineURL.path, "--identity", keys.identity], in: receiver).status, 0, "the genuine bundle")

        // 7. A clone without the key: every record reader says so and stops.
        let clone = work.appendingPathComponent("clone")
        try GitFixture.run(["clone", "-q", root.path, clone.path], in: work)
        let locked = try mfile(["check", "--as-of", "2026-11-23"], in: clone)
        XCTAssertEqual(locked.status, 2)
        XCTAssertTrue(locked.stderr.contains("git-crypt unlock KEY"), locked.stderr)

        // 8. umask 077: nothing mfile writes is readable by others; papers are owner-only anyway.
        let paper = work.appendingPathComponent("minutes.html")
        XCTAssertEqual(try runMfile(["render", "minutes", "2026-11-05-north", "--output", paper.path], umask: "077", in: root).status, 0)
        XCTAssertEqual(try permissions(paper), 0o600)
        let created = try runMfile(["new", "case", "--received", "2026-11-20"], umask: "077", in: root, environment: GitFixture.environment)
        XCTAssertEqual(try permissions(root.appendingPathComponent(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))), 0o600)

        // 9. An unreadable record file: every reader reports it ([io], exit 2).
        let plain = try UnprivilegedRun.repository()
        defer { try? FileManager.default.removeItem(at: plain) }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: plain.appendingPathComponent(GitFixture.caseFile).path)
        let unreadable = try UnprivilegedRun.mfile(["check", "--as-of", "2026-11-23"], in: plain)
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.stderr.contains("\(GitFixture.caseFile): error: cannot be read (Permission denied) [io]"), unreadable.stderr)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: plain.appendingPathComponent(GitFixture.caseFile).path)

        // 10. A pathological schema pattern: lint finishes (linear time) and reports the field.
        let schema = plain.appendingPathComponent("schema/case.schema.json")
        try (try String(contentsOf: schema, encoding: .utf8)).replacingOccurrences(
            of: "\"^local_\": true", with: "\"^local_\": {\"type\": \"string\", \"pattern\": \"^(a|aa)+$\"}").write(to: schema, atomically: true, encoding: .utf8)
        try replaceLine(in: plain.appendingPathComponent(GitFixture.caseFile), containing: "status = ",
                        with: "status = \"open\"\nlocal_code = \"\(String(repeating: "a", count: 40))b\"")
        XCTAssertEqual(try mfile(["lint"], in: plain).status, 1)

        // 11. A template of 50,000 nested sections: a clear error, not a crash.
        try (String(repeating: "{{#a}}", count: 50_000) + String(repeating: "{{/a}}", count: 50_000))
            .write(to: plain.appendingPathComponent("templates/register.html.mustache"), atomically: true, encoding: .utf8)
        let deep = try mfile(["render", "register"], in: plain)
        XCTAssertEqual(deep.status, 2, deep.stderr.prefix(300) + "")
        XCTAssertTrue(deep.stderr.contains("nested more than 100 deep"), deep.stderr)

        // 12. A record linked from outside the repository is refused.
        let outside = work.appendingPathComponent("elsewhere.toml")
        try FileManager.default.copyItem(at: plain.appendingPathComponent("cases/2026/2026-EXMP-003.toml"), to: outside)
        try FileManager.default.createSymbolicLink(at: plain.appendingPathComponent("cases/2026/2026-ZZZZ-001.toml"), withDestinationURL: outside)
        let linked = try mfile(["check", "--as-of", "2026-11-23"], in: plain)
        XCTAssertEqual(linked.status, 2)
        XCTAssertTrue(linked.stderr.contains("cases/2026/2026-ZZZZ-001.toml: error: is a link to a place outside the repository"), linked.stderr)

        // 13. Concurrent sweeps: each one runs whole or stops at the lock; the files stay right.
        let results = AttackResults()
        let records: URL = root
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            results.add(try? GitFixture.mfile(["sweep", "--as-of", "2026-11-23", "--apply"], in: records))
        }
        for result in results.all {
            let result = try XCTUnwrap(result)
            XCTAssertTrue(result.status == 0 || result.stderr.contains("another mfile command is changing these records"), result.stderr)
        }
        XCTAssertTrue(try mfile(["sweep", "--as-of", "2026-11-23"]).stderr.contains("No flags to lift"))
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }, [])
        XCTAssertFalse(try mfile(["lint"]).stdout.contains("[toml-syntax]"), "a swept file was damaged")
    }
}

private final class AttackResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CommandResult?] = []
    func add(_ result: CommandResult?) { lock.lock(); results.append(result); lock.unlock() }
    var all: [CommandResult?] { lock.lock(); defer { lock.unlock() }; return results }
}
