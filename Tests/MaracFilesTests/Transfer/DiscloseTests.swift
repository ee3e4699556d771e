import Foundation
import XCTest
@testable import MaracLint
@testable import MaracRecords
@testable import MaracTransfer

/// `mfile disclose`: the bundle holds papers only, with a cover sheet; the `[[disclosure]]`
/// entry is appended byte for byte and `mfile check` counts a DHR's deadline from it.
final class TransferDiscloseTests: XCTestCase {
    let caseID = "2026-EXMP-001"
    let caseFile = "cases/2026/2026-EXMP-001.toml"

    /// A demo copy whose marac.toml turns on the DHR rule (the West Midlands profile has none;
    /// Liverpool's 10 working days [003 §5.7]).
    func repositoryWithDHRRule() throws -> URL {
        let root = try DemoRepository.copy()
        try replaceLine(in: root.appendingPathComponent("marac.toml"), containing: "[rules]", with: "[rules]\ndhr_disclosure_days = 10")
        return root
    }

    func disclose(_ root: URL, _ work: URL, recipient: String, extra: [String], output: String = "d.age") throws -> CommandResult {
        try runProduct("mfile", [
            "disclose", caseID, "--to", "Sampleton CSP DHR Panel", "--basis", "DHR terms of reference",
            "--recipient", recipient, "--output", work.appendingPathComponent(output).path,
        ] + extra, in: root)
    }

    func testDHRDisclosureIsRecordedAndChecked() throws {
        _ = try AgeTestSupport.age()
        let root = try repositoryWithDHRRule()
        let work = try makeTemporaryDirectory("mfile-disclose")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let before = try TransferFixtures.read(root, caseFile)

        let result = try disclose(root, work, recipient: keys.recipient, extra: [
            "--kind", "dhr", "--requested", "2026-11-02", "--as-of", "2026-11-23", "--what", "minutes", "--what", "actions",
            "--decided-by", "MARAC Chair",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("Hannah"))
        let after = try TransferFixtures.read(root, caseFile)
        XCTAssertTrue(after.hasPrefix(before), "the existing bytes changed")
        XCTAssertEqual(String(after.dropFirst(before.count)), """

            [[disclosure]]
            date = 2026-11-23
            requested = 2026-11-02
            kind = "dhr"
            to = "Sampleton CSP DHR Panel"
            what = "Case minutes of 2026-08-06-north; Open action plan as of 2026-11-23"
            basis = "DHR terms of reference"
            restrictions = "\(Disclose.defaultRestrictions)"
            decided_by = "MARAC Chair"

            """)
        XCTAssertEqual(try Linter.lint(at: root).findings.filter { $0.severity == .error }.map(\.line), [])

        let opened = try TransferFixtures.open(work.appendingPathComponent("d.age"), identity: keys.identity)
        XCTAssertEqual(opened.kind, .disclosure)
        XCTAssertEqual(opened.files.map(\.path), ["papers/00-cover.html", "papers/case-minutes-2026-08-06-north.html", "papers/action-plan.html"])
        let cover = String(decoding: opened.file("papers/00-cover.html")!, as: UTF8.self)
        for text in ["Sampleton CSP DHR Panel", "DHR terms of reference", "Restrictions on use", "Domestic homicide review", "2026-11-23", "OFFICIAL-SENSITIVE"] {
            XCTAssertTrue(cover.contains(text), text)
        }

        // Ten working days from 2026-11-02 is 2026-11-16: shared on the 23rd, it is late.
        let check = try runProduct("mfile", ["check", "--as-of", "2026-11-24"], in: root)
        XCTAssertTrue(check.stdout.contains("\(caseID)  dhr-disclosure-late"), check.stdout)
    }

    func testTimelyDHRDisclosureIsNoBreach() throws {
        _ = try AgeTestSupport.age()
        let root = try repositoryWithDHRRule()
        let work = try makeTemporaryDirectory("mfile-disclose")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let result = try disclose(root, work, recipient: keys.recipient, extra: ["--kind", "dhr", "--requested", "2026-11-10", "--as-of", "2026-11-12"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let check = try runProduct("mfile", ["check", "--as-of", "2026-11-24"], in: root)
        XCTAssertFalse(check.stdout.contains("\(caseID)  dhr-disclosure"), check.stdout)
    }

    func testRefusalsChangeNothing() throws {
        _ = try AgeTestSupport.age()
        let root = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-disclose")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let snapshot = TransferFixtures.snapshot(root)
        let cases: [[String]] = [
            ["--kind", "gossip"],
            ["--what", "everything"],
            ["--requested", "2026-13-01"],
            ["--requested", "2026-11-20", "--as-of", "2026-11-10"],
        ]
        for extra in cases {
            let result = try disclose(root, work, recipient: keys.recipient, extra: extra)
            XCTAssertEqual(result.status, 2, "\(extra)")
            XCTAssertFalse(result.stderr.isEmpty)
        }
        let missingBasis = try runProduct("mfile", ["disclose", caseID, "--to", "X", "--recipient", keys.recipient], in: root)
        XCTAssertEqual(missingBasis.status, 2)
        XCTAssertTrue(missingBasis.stderr.contains("--basis"))
        let closed = try runProduct("mfile", [
            "disclose", "2026-EXMP-006", "--to", "X", "--basis", "Y", "--recipient", keys.recipient,
            "--output", work.appendingPathComponent("c.age").path,
        ], in: root)
        XCTAssertEqual(closed.status, 2)
        XCTAssertTrue(closed.stderr.contains("--confirm-closed"))
        let unknown = try runProduct("mfile", ["disclose", "2026-ZZZZ-001", "--to", "X", "--basis", "Y", "--recipient", keys.recipient], in: root)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(TransferFixtures.snapshot(root), snapshot)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasSuffix(".age") }, [])
    }
}
