import Foundation
import XCTest
@testable import MaracBase
@testable import MaracRepository
@testable import MaracTransfer
@testable import MaracVault

/// Bundles built to do harm are refused, changing nothing: too large (a file, all files, the
/// file itself, too many files), files a bundle never holds (dotfiles, `.gitattributes`,
/// `.git/`, anything but papers and record data). Imported papers are kept in git, encrypted.
final class HostileBundleTests: XCTestCase {
    /// A bundle whose manifest lists `files` truthfully (or, for the size tests, an empty
    /// manifest: sizes are refused before any manifest is read), sealed to `recipient`.
    func sealed(_ files: [TarArchive.Entry], recipient: String, in work: URL, manifest: Bool = true) throws -> URL {
        let bundle = CaseBundle(kind: .transfer, caseID: "2026-EXMP-001", marac: "north", created: LocalDate(year: 2026, month: 11, day: 23), files: files)
        let archive = manifest ? bundle.archive() : TarArchive.write([TarArchive.Entry(path: CaseBundle.manifestPath, bytes: [])] + files)
        let url = work.appendingPathComponent("hostile-\(UUID().uuidString).age")
        try Data(try AgeTestSupport.age().encrypt(archive, lock: .recipients([recipient]))).write(to: url)
        return url
    }

    func refuse(_ url: URL, identity: String, saying text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let receiver = try TransferFixtures.emptyRepository()
        defer { try? FileManager.default.removeItem(at: receiver) }
        let snapshot = TransferFixtures.snapshot(receiver)
        let result = try runProduct("mfile", ["transfer", "in", url.path, "--identity", identity, "--unsigned"], in: receiver)
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(text), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("nothing was"), result.stderr, file: file, line: line)
        XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot, file: file, line: line)
    }

    func testFilesABundleNeverHoldsAreRefused() throws {
        _ = try AgeTestSupport.age()
        let work = try makeTemporaryDirectory("mfile-hostile")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let paper = TarArchive.Entry(path: "papers/00-cover.html", bytes: Array("<p>cover</p>".utf8))
        for path in ["papers/.gitattributes", "record/.gitignore", ".git/hooks/post-checkout", ".gitattributes",
                     "papers/run.sh", "papers/sub/x.html", "record/meetings/.hidden.toml", "cases/2026/2026-EVIL-001.toml"] {
            let url = try sealed([paper, TarArchive.Entry(path: path, bytes: Array("* !filter\n".utf8))], recipient: keys.recipient, in: work)
            try refuse(url, identity: keys.identity, saying: "\(path): a bundle holds only manifest.json, papers/*.html and record/ data")
        }
    }

    func testSizesAreCappedBeforeTheBundleIsHeld() throws {
        _ = try AgeTestSupport.age()
        let work = try makeTemporaryDirectory("mfile-hostile")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let big = try sealed([TarArchive.Entry(path: "papers/big.html", bytes: Array(repeating: 0x41, count: (16 << 20) + 1))], recipient: keys.recipient, in: work, manifest: false)
        try refuse(big, identity: keys.identity, saying: "papers/big.html is larger than 16 MiB")

        // 5 x 13 MiB: each file within its cap, together over 64 MiB, the bundle file itself not.
        let many = (1...5).map { TarArchive.Entry(path: "papers/p\($0).html", bytes: Array(repeating: 0x42, count: 13 << 20)) }
        let total = try sealed(many, recipient: keys.recipient, in: work, manifest: false)
        try refuse(total, identity: keys.identity, saying: "holds more than 64 MiB")

        let crowd = (1...2001).map { TarArchive.Entry(path: "papers/p\($0).html", bytes: []) }
        try refuse(try sealed(crowd, recipient: keys.recipient, in: work, manifest: false), identity: keys.identity, saying: "more than 2000 files")

        // An 8 GB file is refused from its size, unread (a sparse file: no disk used).
        let huge = work.appendingPathComponent("huge.age")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 8 << 30)
        try handle.close()
        try refuse(huge, identity: keys.identity, saying: "the bundle is 8192 MiB, more than any case bundle")
    }

    /// The papers kept with a transfer received are committed, encrypted: an old-style
    /// `papers/` ignore line is anchored by `init --encrypt`, and doctor reports it until then.
    func testImportedPapersAreKeptInGitEncrypted() throws {
        try GitFixture.requireGitCrypt()
        _ = try AgeTestSupport.age()
        let sender = try DemoRepository.copy()
        let receiver = try TransferFixtures.emptyRepository()
        let work = try makeTemporaryDirectory("mfile-transfer")
        defer { for url in [sender, receiver, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let bundle = work.appendingPathComponent("out.age")
        let out = try runProduct("mfile", ["transfer", "out", "2026-EXMP-001", "--to", "Sampleshire MARAC", "--recipient", keys.recipient,
                                           "--output", bundle.path, "--unsigned"], in: sender)
        XCTAssertEqual(out.status, 0, out.stderr)

        try GitFixture.run(["init", "-q"], in: receiver)
        try "papers/\n".write(to: receiver.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try GitFixture.run(["config", "user.name", "t"], in: receiver)
        let before = try GitFixture.mfile(["doctor"], in: receiver)
        XCTAssertTrue(before.stdout.contains("[transfer-papers-ignored]"), before.stdout)
        XCTAssertEqual(try GitFixture.mfile(["init", ".", "--encrypt"], in: receiver).status, 0)
        let imported = try GitFixture.mfile(["transfer", "in", bundle.path, "--identity", keys.identity, "--unsigned"], in: receiver)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        try GitFixture.run(["add", "-A"], in: receiver)
        try GitFixture.run(["commit", "-q", "-m", "transfer in"], in: receiver)
        let tracked = String(decoding: try GitFixture.run(["ls-files", "transfers"], in: receiver).stdout, as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let papers = tracked.filter { $0.contains("/papers/") && $0.hasSuffix(".html") }
        XCTAssertEqual(papers.count, 4, tracked.joined(separator: "\n"))
        for path in tracked {
            XCTAssertTrue(try GitFixture.blob(path, in: receiver).starts(with: GitCrypt.header), "\(path) is in git in plain text")
        }
        XCTAssertFalse(try GitFixture.mfile(["doctor"], in: receiver).stdout.contains("[transfer-papers-ignored]"))
    }
}
