import Foundation
import XCTest
@testable import MaracBase
@testable import MaracRepository
@testable import MaracTransfer

/// Bundles that open but fail their checks are refused with the reasons, changing nothing.
final class TransferValidationTests: XCTestCase {
    /// A transfer bundle of demo case 2026-EXMP-001, its files changed by `change`, sealed to
    /// `recipient`.
    func bundle(recipient: String, in work: URL, change: (inout [TarArchive.Entry]) -> Void, rehash: Bool) throws -> URL {
        let sender = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: sender) }
        let repository = try Repository.load(at: sender)
        let record = try XCTUnwrap(repository.findCase("2026-EXMP-001"))
        let data = try TransferRecord.extract(record, from: repository)
        var files = data.entries
        let good = CaseBundle(kind: .transfer, caseID: "2026-EXMP-001", marac: "north", created: LocalDate(year: 2026, month: 11, day: 23), files: files)
        change(&files)
        var archive: [UInt8]
        if rehash {
            archive = CaseBundle(kind: .transfer, caseID: "2026-EXMP-001", marac: "north", created: good.created, files: files).archive()
        } else {
            archive = TarArchive.write([TarArchive.Entry(path: CaseBundle.manifestPath, bytes: Array(good.manifest.utf8))] + files)
        }
        let sealed = try AgeTestSupport.age().encrypt(archive, lock: .recipients([recipient]))
        let url = work.appendingPathComponent("bundle-\(UUID().uuidString).age")
        try Data(sealed).write(to: url)
        return url
    }

    func expectRefusal(_ url: URL, identity: String, containing text: String) throws {
        let receiver = try TransferFixtures.emptyRepository()
        defer { try? FileManager.default.removeItem(at: receiver) }
        let snapshot = TransferFixtures.snapshot(receiver)
        let result = try runProduct("mfile", ["transfer", "in", url.path, "--identity", identity, "--unsigned"], in: receiver)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains(text), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was changed"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Hannah") || result.stderr.contains("Whitfield"), result.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot)
    }

    func testHashMismatchIsRefused() throws {
        _ = try AgeTestSupport.age()
        let work = try makeTemporaryDirectory("mfile-validate")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let url = try bundle(recipient: keys.recipient, in: work, change: { files in
            files[0].bytes = Array(String(decoding: files[0].bytes, as: UTF8.self).replacingOccurrences(of: "risk_score = 18", with: "risk_score = 28").utf8)
        }, rehash: false)
        try expectRefusal(url, identity: keys.identity, containing: "record/case.toml: SHA-256 does not match")
    }

    func testSchemaInvalidCaseIsRefused() throws {
        _ = try AgeTestSupport.age()
        let work = try makeTemporaryDirectory("mfile-validate")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let url = try bundle(recipient: keys.recipient, in: work, change: { files in
            files[0].bytes = Array(String(decoding: files[0].bytes, as: UTF8.self).replacingOccurrences(of: "consent = \"given\"", with: "consent = \"maybe\"").utf8)
        }, rehash: true)
        try expectRefusal(url, identity: keys.identity, containing: "bundle:record/case.toml")
    }

    func testBrokenTOMLIsRefused() throws {
        _ = try AgeTestSupport.age()
        let work = try makeTemporaryDirectory("mfile-validate")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let url = try bundle(recipient: keys.recipient, in: work, change: { files in
            files[2].bytes += Array("\n[[hearing\n".utf8)
        }, rehash: true)
        try expectRefusal(url, identity: keys.identity, containing: "bundle:record/meetings/2026-08-06-north.toml")
    }

    func testUnknownAgencyFailsLint() throws {
        _ = try AgeTestSupport.age()
        let work = try makeTemporaryDirectory("mfile-validate")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try AgeTestSupport.keyPair(in: work)
        let url = try bundle(recipient: keys.recipient, in: work, change: { files in
            files[0].bytes = Array(String(decoding: files[0].bytes, as: UTF8.self).replacingOccurrences(of: "agency = \"police\"", with: "agency = \"sampleshire-police\"").utf8)
        }, rehash: true)
        let receiver = try TransferFixtures.emptyRepository()
        defer { try? FileManager.default.removeItem(at: receiver) }
        let snapshot = TransferFixtures.snapshot(receiver)
        // The new referral needs a local agency, then the old referral's agency fails lint.
        let result = try runProduct("mfile", ["transfer", "in", url.path, "--identity", keys.identity, "--unsigned"], in: receiver)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--agency"), result.stderr)
        let withAgency = try runProduct("mfile", ["transfer", "in", url.path, "--identity", keys.identity, "--agency", "idva", "--unsigned"], in: receiver)
        XCTAssertEqual(withAgency.status, 2)
        XCTAssertTrue(withAgency.stderr.contains("would not lint clean"), withAgency.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot)
    }

    func testDisclosureBundleCannotBeImported() throws {
        _ = try AgeTestSupport.age()
        let root = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-validate")
        defer { for url in [root, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let bundle = work.appendingPathComponent("d.age")
        let made = try runProduct("mfile", [
            "disclose", "2026-EXMP-001", "--to", "X", "--basis", "Y", "--recipient", keys.recipient, "--output", bundle.path,
        ], in: root)
        XCTAssertEqual(made.status, 0, made.stderr)
        try expectRefusal(bundle, identity: keys.identity, containing: "disclosure bundle")
    }
}
