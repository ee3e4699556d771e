import Foundation
import MaracRepository
import XCTest
@testable import MaracBase
@testable import MaracTransfer

/// Signed transfers with the real ssh-keygen and age: `transfer out` signs, `transfer in`
/// accepts only a known MARAC's signature (or `--unsigned`, on purpose), never a forged one,
/// and the receiving repository records and renders its acknowledgement.
final class SignedTransferTests: XCTestCase {
    let caseID = "2026-EXMP-001"

    struct Setup {
        var sender: URL, receiver: URL, work: URL
        var keys: (identity: String, recipient: String)
        var known: SigningKeys.Key
    }

    func makeSetup() throws -> Setup {
        _ = try AgeTestSupport.age()
        try SigningKeys.require()
        let setup = Setup(
            sender: try DemoRepository.copy(), receiver: try TransferFixtures.emptyRepository(),
            work: try makeTemporaryDirectory("mfile-signed"), keys: ("", ""), known: SigningKeys.Key(name: "", privateKey: "", publicKey: ""))
        var result = setup
        result.keys = try AgeTestSupport.keyPair(in: setup.work)
        result.known = try SigningKeys.make("example-north", in: setup.work)
        try SigningKeys.allow([result.known], in: setup.receiver)
        return result
    }

    func cleanUp(_ setup: Setup) {
        for url in [setup.sender, setup.receiver, setup.work] { try? FileManager.default.removeItem(at: url) }
    }

    func send(_ setup: Setup, _ extra: [String], name: String = "out.age") throws -> URL {
        let bundle = setup.work.appendingPathComponent(name)
        let out = try runProduct("mfile", [
            "transfer", "out", caseID, "--to", "Sampleshire MARAC", "--recipient", setup.keys.recipient,
            "--as-of", "2026-11-23", "--output", bundle.path,
        ] + extra, in: setup.sender)
        XCTAssertEqual(out.status, 0, out.stderr)
        return bundle
    }

    func receive(_ setup: Setup, _ bundle: URL, _ extra: [String] = []) throws -> CommandResult {
        try runProduct("mfile", ["transfer", "in", bundle.path, "--identity", setup.keys.identity, "--as-of", "2026-11-24"] + extra, in: setup.receiver)
    }

    func testKnownSignerIsImportedAndAcknowledged() throws {
        let setup = try makeSetup()
        defer { cleanUp(setup) }
        let bundle = try send(setup, ["--signing-key", setup.known.privateKey])
        let imported = try receive(setup, bundle)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("signed by example-north"), imported.stderr)
        let newFile = imported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let newID = URL(fileURLWithPath: newFile).deletingPathExtension().lastPathComponent
        XCTAssertTrue(try TransferFixtures.read(setup.receiver, newFile).contains("signed_by = \"example-north\"\n"))
        // The signature is kept with the bundle's files, beside the manifest it signs.
        let kept = setup.receiver.appendingPathComponent("transfers/\(newID)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.appendingPathComponent("manifest.json.sig").path))

        let paper = setup.work.appendingPathComponent("acknowledgement.html")
        let ack = try runProduct("mfile", ["transfer", "acknowledge", newID, "--as-of", "2026-11-25", "--output", paper.path], in: setup.receiver)
        XCTAssertEqual(ack.status, 0, ack.stderr)
        XCTAssertTrue(ack.stderr.contains("recorded acknowledged = 2026-11-25"), ack.stderr)
        let html = try String(contentsOf: paper, encoding: .utf8)
        for text in ["your case \(caseID)", "our case \(newID)", "Example Borough MARAC (North)", "2026-11-24", "2026-11-25", "signed by example-north", "OFFICIAL-SENSITIVE"] {
            XCTAssertTrue(html.contains(text), "\(text) missing:\n\(html)")
        }
        for person in ["Hannah", "Whitfield", "Craig", "Dunmore"] { XCTAssertFalse(html.contains(person), person) }
        let caseText = try TransferFixtures.read(setup.receiver, newFile)
        XCTAssertTrue(caseText.contains("signed_by = \"example-north\"\nacknowledged = 2026-11-25\n"), caseText)
        XCTAssertEqual(try runProduct("mfile", ["lint"], in: setup.receiver).status, 0)

        // Again: the recorded date stands and nothing changes.
        let snapshot = TransferFixtures.snapshot(setup.receiver)
        let again = try runProduct("mfile", ["transfer", "acknowledge", newID, "--as-of", "2026-12-01"], in: setup.receiver)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("already acknowledged on 2026-11-25"), again.stderr)
        XCTAssertTrue(again.stdout.contains("2026-11-25"))
        XCTAssertEqual(TransferFixtures.snapshot(setup.receiver), snapshot)
    }

    func testUnsignedOrUnknownSignerIsRefusedUnlessUnsigned() throws {
        let setup = try makeSetup()
        defer { cleanUp(setup) }
        let snapshot = TransferFixtures.snapshot(setup.receiver)
        let unsigned = try send(setup, ["--unsigned"])
        let refused = try receive(setup, unsigned)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("the bundle is not signed"), refused.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(setup.receiver), snapshot)

        // Signed, but by a key the receiving MARAC does not know (the case reopened to send again).
        try replaceLine(in: setup.sender.appendingPathComponent("cases/2026/2026-EXMP-001.toml"), containing: "status = ", with: "status = \"open\"")
        let stranger = try SigningKeys.make("stranger", in: setup.work)
        let unknown = try send(setup, ["--signing-key", stranger.privateKey], name: "unknown.age")
        let refusedUnknown = try receive(setup, unknown)
        XCTAssertEqual(refusedUnknown.status, 2)
        XCTAssertTrue(refusedUnknown.stderr.contains("signed by a key that transfers/allowed_signers does not list"), refusedUnknown.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(setup.receiver), snapshot)

        // Accepted on purpose: recorded without signed_by.
        let accepted = try receive(setup, unknown, ["--unsigned"])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertTrue(accepted.stderr.contains("accepted unsigned"), accepted.stderr)
        XCTAssertFalse(try TransferFixtures.read(setup.receiver, accepted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).contains("signed_by"))
    }

    /// A forger who can encrypt to the receiver (age public keys are public) but cannot sign
    /// as the known MARAC: a changed manifest under a copied signature, or a signature made
    /// for another purpose, is refused even with --unsigned.
    func testForgedBundleIsRefusedEvenWithUnsigned() throws {
        let setup = try makeSetup()
        defer { cleanUp(setup) }
        let genuine = try TransferFixtures.open(try send(setup, ["--signing-key", setup.known.privateKey]), identity: setup.keys.identity)
        XCTAssertNotNil(genuine.signature)
        let snapshot = TransferFixtures.snapshot(setup.receiver)

        var forged = genuine
        forged.readManifest = nil
        let index = try XCTUnwrap(forged.files.firstIndex { $0.path == "record/case.toml" })
        forged.files[index].bytes = Array(String(decoding: forged.files[index].bytes, as: UTF8.self)
            .replacingOccurrences(of: "risk_score = 18", with: "risk_score = 9").utf8)
        let forgedURL = setup.work.appendingPathComponent("forged.age")
        try Data(try AgeTestSupport.age().encrypt(forged.archive(), lock: .recipients([setup.keys.recipient]))).write(to: forgedURL)
        for extra in [[], ["--unsigned"]] {
            let result = try receive(setup, forgedURL, extra)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("signature does not match its contents"), result.stderr)
            XCTAssertEqual(TransferFixtures.snapshot(setup.receiver), snapshot)
        }

        // The known key's signature of the same manifest in another namespace.
        var otherPurpose = genuine
        let manifestFile = setup.work.appendingPathComponent("manifest.json")
        try Data(genuine.manifestBytes).write(to: manifestFile)
        let sign = try runProgram("/usr/bin/env", ["ssh-keygen", "-Y", "sign", "-q", "-f", setup.known.privateKey, "-n", "file", manifestFile.path])
        XCTAssertEqual(sign.status, 0, sign.stderr)
        otherPurpose.signature = Array(try Data(contentsOf: URL(fileURLWithPath: manifestFile.path + ".sig")))
        let otherURL = setup.work.appendingPathComponent("other.age")
        try Data(try AgeTestSupport.age().encrypt(otherPurpose.archive(), lock: .recipients([setup.keys.recipient]))).write(to: otherURL)
        let result = try receive(setup, otherURL, ["--unsigned"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("signature does not match its contents"), result.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(setup.receiver), snapshot)
    }
}
