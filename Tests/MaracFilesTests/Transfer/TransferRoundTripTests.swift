import Foundation
import XCTest
@testable import MaracLint
@testable import MaracTransfer

/// `mfile transfer out` from one repository and `mfile transfer in` to another, through the
/// built `mfile` and a real `age`.
final class TransferRoundTripTests: XCTestCase {
    let caseID = "2026-EXMP-001"
    let caseFile = "cases/2026/2026-EXMP-001.toml"
    let victim = "Hannah Whitfield"

    func testRoundTripWithKeys() throws {
        _ = try AgeTestSupport.age()
        let sender = try DemoRepository.copy()
        let receiver = try TransferFixtures.emptyRepository()
        let work = try makeTemporaryDirectory("mfile-transfer")
        defer { for url in [sender, receiver, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let signing = try SigningKeys.make("example-north", in: work)
        try SigningKeys.allow([signing], in: receiver)
        let before = try TransferFixtures.read(sender, caseFile)

        let bundle = work.appendingPathComponent("out.age")
        let out = try runProduct("mfile", [
            "transfer", "out", caseID, "--to", "Sampleshire MARAC", "--recipient", keys.recipient,
            "--notified", "2026-11-19", "--as-of", "2026-11-23", "--output", bundle.path, "--signing-key", signing.privateKey,
        ], in: sender)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertFalse((out.stdout + out.stderr).contains(victim))

        // The case file: status changed in place, the transfer appended, every other byte kept.
        let after = try TransferFixtures.read(sender, caseFile)
        let expected = before.replacingOccurrences(of: "status = \"open\"", with: "status = \"transferred-out\"")
            + "\n[[transfer]]\ndirection = \"out\"\nnotified = 2026-11-19\nsent = 2026-11-23\nto = \"Sampleshire MARAC\"\n"
        XCTAssertEqual(after, expected)
        let lint = try Linter.lint(at: sender)
        XCTAssertEqual(lint.findings.filter { $0.severity == .error }.map(\.line), [])

        // The bundle: a cover, the papers, the record data, all in the manifest.
        let opened = try TransferFixtures.open(bundle, identity: keys.identity)
        XCTAssertEqual(opened.kind, .transfer)
        XCTAssertEqual(opened.caseID, caseID)
        let paths = opened.files.map(\.path)
        XCTAssertEqual(paths, [
            "papers/00-cover.html", "papers/case-minutes-2026-08-06-north.html", "papers/referrals.html",
            "papers/action-plan.html", "record/case.toml", "record/sender.toml", "record/meetings/2026-08-06-north.toml",
        ])
        XCTAssertEqual(opened.file("record/case.toml"), Array(before.utf8))
        for paper in paths where paper.hasPrefix("papers/") {
            XCTAssertTrue(String(decoding: opened.file(paper)!, as: UTF8.self).contains("OFFICIAL-SENSITIVE"), paper)
        }
        let meetingExtract = String(decoding: opened.file("record/meetings/2026-08-06-north.toml")!, as: UTF8.self)
        XCTAssertFalse(meetingExtract.contains("2026-EXMP-002"), "another case's hearing is in the extract")
        XCTAssertFalse(meetingExtract.contains("[[attendee]]"))

        // In: a new id, provenance kept, lint clean, minutes render the same.
        let inResult = try runProduct("mfile", [
            "transfer", "in", bundle.path, "--identity", keys.identity, "--as-of", "2026-11-24",
        ], in: receiver)
        XCTAssertEqual(inResult.status, 0, inResult.stderr)
        XCTAssertFalse((inResult.stdout + inResult.stderr).contains(victim))
        let newFile = inResult.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(newFile.hasPrefix("cases/2026/2026-"), newFile)
        let newID = String(URL(fileURLWithPath: newFile).deletingPathExtension().lastPathComponent)
        XCTAssertNotEqual(newID, caseID)
        let imported = try TransferFixtures.read(receiver, newFile)
        XCTAssertTrue(imported.contains("id = \"\(newID)\""))
        XCTAssertTrue(imported.hasSuffix("""
            [[referral]]
            received = 2026-11-24
            agency = "police"
            incident = 2026-07-12
            risk_tool = "dash"
            risk_score = 18
            criteria = ["transfer-in"]
            consent = "given"
            decision = "accepted"
            decided = 2026-11-24

            [[transfer]]
            direction = "in"
            from = "Example Borough MARAC (North)"
            received = 2026-11-24
            their_id = "2026-EXMP-001"
            signed_by = "example-north"

            """), imported)
        // Clean: no error and no warning (a transfer in is not a repeat of the sender's referrals).
        let receivedLint = try Linter.lint(at: receiver)
        XCTAssertEqual(receivedLint.findings.map(\.line), [])

        let rendered = try TransferMinutes.render(newID, meeting: "2026-08-06-north", root: receiver)
        let sent = String(decoding: opened.file("papers/case-minutes-2026-08-06-north.html")!, as: UTF8.self)
        XCTAssertEqual(rendered, sent.replacingOccurrences(of: caseID, with: newID))
        let cli = try runProduct("mfile", ["transfer", "minutes", newID, "2026-08-06-north"], in: receiver)
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertEqual(cli.stdout, rendered)

        // The sender's referrals were heard there; the transfer-in referral is to be listed here.
        let check = try runProduct("mfile", ["check", "--as-of", "2027-02-01"], in: receiver)
        XCTAssertFalse(check.stdout.contains("\(newID)  referral-not-listed  referral[1]"), check.stdout)
        XCTAssertTrue(check.stdout.contains("\(newID)  referral-not-listed  referral[2]"), check.stdout)

        // The same bundle again is refused: it is already imported.
        let snapshot = TransferFixtures.snapshot(receiver)
        let again = try runProduct("mfile", ["transfer", "in", bundle.path, "--identity", keys.identity], in: receiver)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already"), again.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot)
    }

    func testTamperedOrTruncatedBundleChangesNothing() throws {
        _ = try AgeTestSupport.age()
        let sender = try DemoRepository.copy()
        let receiver = try TransferFixtures.emptyRepository()
        let work = try makeTemporaryDirectory("mfile-transfer")
        defer { for url in [sender, receiver, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let bundle = work.appendingPathComponent("out.age")
        let out = try runProduct("mfile", [
            "transfer", "out", caseID, "--to", "Sampleshire MARAC", "--recipient", keys.recipient, "--output", bundle.path,
            "--unsigned",
        ], in: sender)
        XCTAssertEqual(out.status, 0, out.stderr)
        let sealed = try Data(contentsOf: bundle)
        let snapshot = TransferFixtures.snapshot(receiver)

        var flipped = sealed
        flipped[flipped.count / 2] ^= 0x01
        var damaged: [(String, Data)] = [("flipped", flipped), ("truncated", sealed.prefix(sealed.count - 20))]
        var lastByte = sealed
        lastByte[lastByte.count - 1] ^= 0x80
        damaged.append(("last byte", lastByte))
        for (label, bytes) in damaged {
            let file = work.appendingPathComponent("\(label.replacingOccurrences(of: " ", with: "-")).age")
            try bytes.write(to: file)
            let result = try runProduct("mfile", ["transfer", "in", file.path, "--identity", keys.identity, "--unsigned"], in: receiver)
            XCTAssertEqual(result.status, 2, label)
            XCTAssertTrue(result.stderr.contains("cannot be opened"), "\(label): \(result.stderr)")
            XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot, label)
        }
    }

    func testPassphraseNeverInArgumentsOrOutput() throws {
        _ = try AgeTestSupport.age()
        let sender = try DemoRepository.copy()
        let receiver = try TransferFixtures.emptyRepository()
        let work = try makeTemporaryDirectory("mfile-transfer")
        defer { for url in [sender, receiver, work] { try? FileManager.default.removeItem(at: url) } }
        let passphrase = "plum-otter-lantern-\(UInt32.random(in: 1000...9999))"
        let environment = ["MFILE_PASSPHRASE_FILE": try AgeTestSupport.passphraseFile(passphrase, in: work)]
        let bundle = work.appendingPathComponent("out.age")
        let watcher = ArgumentWatcher(secret: passphrase)
        watcher.start()
        let out = try runProduct("mfile", [
            "transfer", "out", caseID, "--to", "Sampleshire MARAC", "--output", bundle.path, "--as-of", "2026-11-23", "--unsigned",
        ], in: sender, environment: environment)
        let inResult = try runProduct("mfile", ["transfer", "in", bundle.path, "--as-of", "2026-11-24", "--unsigned"], in: receiver, environment: environment)
        watcher.stop()
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(inResult.status, 0, inResult.stderr)
        XCTAssertGreaterThanOrEqual(watcher.ageProcessesSeen, 1, "no age process was seen")
        XCTAssertFalse(watcher.secretSeen, "the passphrase was in a process's arguments")
        for text in [out.stdout, out.stderr, inResult.stdout, inResult.stderr] {
            XCTAssertFalse(text.contains(passphrase))
        }
        // A wrong passphrase opens nothing and changes nothing.
        let snapshot = TransferFixtures.snapshot(receiver)
        let wrong = ["MFILE_PASSPHRASE_FILE": try AgeTestSupport.passphraseFile("not-the-passphrase", in: work)]
        let refused = try runProduct("mfile", ["transfer", "in", bundle.path, "--unsigned"], in: receiver, environment: wrong)
        XCTAssertEqual(refused.status, 2)
        XCTAssertFalse(refused.stderr.contains("not-the-passphrase"))
        XCTAssertEqual(TransferFixtures.snapshot(receiver), snapshot)
    }

    func testClosedSessionCaseNeedsConfirmation() throws {
        _ = try AgeTestSupport.age()
        let sender = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-transfer")
        defer { for url in [sender, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let snapshot = TransferFixtures.snapshot(sender)
        let bundle = work.appendingPathComponent("closed.age")
        let refused = try runProduct("mfile", [
            "transfer", "out", "2026-EXMP-006", "--to", "Sampleshire MARAC", "--recipient", keys.recipient, "--output", bundle.path,
            "--unsigned",
        ], in: sender)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("closed session") && refused.stderr.contains("--confirm-closed"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bundle.path))
        XCTAssertEqual(TransferFixtures.snapshot(sender), snapshot)

        let confirmed = try runProduct("mfile", [
            "transfer", "out", "2026-EXMP-006", "--to", "Sampleshire MARAC", "--recipient", keys.recipient, "--output", bundle.path,
            "--confirm-closed", "--unsigned",
        ], in: sender)
        XCTAssertEqual(confirmed.status, 0, confirmed.stderr)
        let opened = try TransferFixtures.open(bundle, identity: keys.identity)
        for file in opened.files where file.path.hasPrefix("papers/") {
            XCTAssertTrue(String(decoding: file.bytes, as: UTF8.self).contains("CLOSED SESSION"), file.path)
        }
    }

    func testLateTransferIsABreach() throws {
        _ = try AgeTestSupport.age()
        let sender = try DemoRepository.copy()
        let work = try makeTemporaryDirectory("mfile-transfer")
        defer { for url in [sender, work] { try? FileManager.default.removeItem(at: url) } }
        let keys = try AgeTestSupport.keyPair(in: work)
        let out = try runProduct("mfile", [
            "transfer", "out", caseID, "--to", "Sampleshire MARAC", "--recipient", keys.recipient,
            "--notified", "2026-11-10", "--as-of", "2026-11-23", "--output", work.appendingPathComponent("b.age").path, "--unsigned",
        ], in: sender)
        XCTAssertEqual(out.status, 0, out.stderr)
        let check = try runProduct("mfile", ["check", "--as-of", "2026-11-24"], in: sender)
        XCTAssertTrue(check.stdout.contains("\(caseID)  transfer-out-late"), check.stdout)
    }
}
