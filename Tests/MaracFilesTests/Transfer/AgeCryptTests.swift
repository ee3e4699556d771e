import Foundation
import XCTest

final class TransferAgeCryptTests: XCTestCase {
    func testRecipientRoundTrip() throws {
        let age = try AgeTestSupport.age()
        let folder = try makeTemporaryDirectory("mfile-age")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = try AgeTestSupport.keyPair(in: folder)
        let plaintext = Array("a secret record".utf8)
        let sealed = try age.encrypt(plaintext, lock: .recipients([keys.recipient]))
        XCTAssertNotEqual(sealed, plaintext)
        XCTAssertEqual(try age.decrypt(sealed, key: .identity(keys.identity)), plaintext)
    }

    func testTamperedAndTruncatedAreRefused() throws {
        let age = try AgeTestSupport.age()
        let folder = try makeTemporaryDirectory("mfile-age")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = try AgeTestSupport.keyPair(in: folder)
        let sealed = try age.encrypt(Array(repeating: 7, count: 5000), lock: .recipients([keys.recipient]))
        var flipped = sealed
        flipped[flipped.count - 100] ^= 0x01
        XCTAssertThrowsError(try age.decrypt(flipped, key: .identity(keys.identity)))
        XCTAssertThrowsError(try age.decrypt(Array(sealed.dropLast(10)), key: .identity(keys.identity)))
    }

    func testAutomatedPassphraseRoundTripNeverInArguments() throws {
        let age = try AgeTestSupport.age()
        let passphrase = "correct horse battery staple 42"
        let plaintext = Array("passphrase protected".utf8)
        let watcher = ArgumentWatcher(secret: passphrase)
        watcher.start()
        let sealed = try age.encrypt(plaintext, lock: .passphrase(.automation(Array(passphrase.utf8))))
        let opened = try age.decrypt(sealed, key: .passphrase(.automation(Array(passphrase.utf8))))
        watcher.stop()
        XCTAssertEqual(opened, plaintext)
        XCTAssertGreaterThan(watcher.ageProcessesSeen, 0, "the watcher saw no age process")
        XCTAssertFalse(watcher.secretSeen, "the passphrase appeared in a process's arguments")
        XCTAssertThrowsError(try age.decrypt(sealed, key: .passphrase(.automation(Array("wrong".utf8))))) { error in
            XCTAssertFalse("\(error)".contains(passphrase))
        }
    }
}

/// Scans every process's `/proc/PID/cmdline` while it runs: counts `age` processes and notes
/// whether any process's arguments hold the secret.
final class ArgumentWatcher: @unchecked Sendable {
    let secret: String
    private let lock = NSLock()
    private var running = false
    private var seen = Set<Int32>()
    private var leaked = false
    private let done = DispatchSemaphore(value: 0)

    init(secret: String) { self.secret = secret }

    var ageProcessesSeen: Int { lock.lock(); defer { lock.unlock() }; return seen.count }
    var secretSeen: Bool { lock.lock(); defer { lock.unlock() }; return leaked }

    func start() {
        running = true
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                scan()
                usleep(1000)
            }
            done.signal()
        }
    }

    func stop() {
        lock.withLock { running = false }
        done.wait()
    }

    private func scan() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = Int32(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            lock.withLock {
                if let first = arguments.first, first == "age" || first.hasSuffix("/age") { seen.insert(pid) }
                if arguments.contains(where: { $0.contains(secret) }) { leaked = true }
            }
        }
    }
}
