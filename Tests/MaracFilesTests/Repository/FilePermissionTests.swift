import Foundation
import XCTest

/// Files mfile creates are never wider than the umask allows; papers, notices, bundles and the
/// index (which name people) are readable by their owner only.
final class FilePermissionTests: XCTestCase {
    func testUnderUmask077NothingIsReadableByOthers() throws {
        let root = try DemoRepository.copy()
        let outside = try makeTemporaryDirectory("mfile-papers")
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }

        let new = try runMfile(["new", "case", "--received", "2026-11-20"], umask: "077", in: root)
        XCTAssertEqual(new.status, 0, new.stderr)
        let caseFile = root.appendingPathComponent(new.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(try permissions(caseFile), 0o600, "new case file")
        XCTAssertEqual(try permissions(root.appendingPathComponent(".mfile/clone-tag")), 0o600, "clone tag")

        let paper = outside.appendingPathComponent("agenda.html")
        let render = try runMfile(["render", "agenda", "2026-11-05-north", "--output", paper.path], umask: "077", in: root)
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertEqual(try permissions(paper), 0o600, "paper")

        XCTAssertEqual(try runMfile(["index"], umask: "077", in: root).status, 0)
        XCTAssertEqual(try permissions(root.appendingPathComponent(".mfile/index")), 0o600, "index")

        let sweep = try runMfile(["sweep", "--as-of", "2026-11-23", "--apply"], umask: "077", in: root)
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertEqual(try permissions(root.appendingPathComponent("papers/flag-notices/2026-11-23/police.md")), 0o600, "notice")
        // A record replaced keeps its permissions, narrowed by the umask.
        XCTAssertEqual(try permissions(root.appendingPathComponent("cases/2025/2025-EXMP-006.toml")) & 0o077, 0, "record rewritten by sweep")
    }

    func testUnderUmask022RecordsFollowTheUmaskAndPapersStayPrivate() throws {
        let root = try DemoRepository.copy()
        let outside = try makeTemporaryDirectory("mfile-papers")
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        let new = try runMfile(["new", "case", "--received", "2026-11-20"], umask: "022", in: root)
        XCTAssertEqual(new.status, 0, new.stderr)
        let caseFile = root.appendingPathComponent(new.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(try permissions(caseFile), 0o644)

        // A paper written over an older, world-readable copy becomes owner-only.
        let paper = outside.appendingPathComponent("minutes.md")
        try "old".write(to: paper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: paper.path)
        let render = try runMfile(["render", "minutes", "2026-11-05-north", "--format", "md", "--output", paper.path], umask: "022", in: root)
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertEqual(try permissions(paper), 0o600)
        XCTAssertEqual(try runMfile(["find", "Whitfield", "--ids-only"], umask: "022", in: root).status, 0)
        XCTAssertEqual(try permissions(root.appendingPathComponent(".mfile/index")), 0o600, "index")
    }

    func testBundlesAreOwnerOnly() throws {
        _ = try AgeTestSupport.age()
        let root = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-bundle")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let bundle = work.appendingPathComponent("out.age")
        let out = try runMfile([
            "transfer", "out", "2026-EXMP-001", "--to", "Sampleshire MARAC", "--recipient", keys.recipient,
            "--as-of", "2026-11-23", "--output", bundle.path, "--unsigned",
        ], umask: "022", in: root)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try permissions(bundle), 0o600)
        let disclosure = work.appendingPathComponent("dhr.age")
        let disclose = try runMfile([
            "disclose", "2026-EXMP-002", "--to", "DHR panel", "--basis", "DHR terms of reference", "--recipient", keys.recipient,
            "--as-of", "2026-11-23", "--output", disclosure.path,
        ], umask: "022", in: root)
        XCTAssertEqual(disclose.status, 0, disclose.stderr)
        XCTAssertEqual(try permissions(disclosure), 0o600)
    }
}
