import Foundation
import XCTest
@testable import MaracRepository

/// A sweep killed part-way through `--apply` leaves every case file wholly old or wholly new,
/// and the next run completes the job.
final class SweepCrashTests: XCTestCase {
    static let asOf = "2026-11-23"

    func testKilledSweepLeavesWholeFilesAndTheNextRunCompletes() throws {
        let root = try DemoRepository.copy()
        let reference = try makeTemporaryDirectory("mfile-sweep-reference")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: reference)
        }
        // Many cases due, so that a kill lands in the middle of the writes.
        let template = try String(contentsOf: root.appendingPathComponent("cases/2025/2025-EXMP-006.toml"), encoding: .utf8)
        for number in 1...300 {
            let id = String(format: "2025-CRSH-%03d", number)
            try template.replacingOccurrences(of: "2025-EXMP-006", with: id)
                .write(to: root.appendingPathComponent("cases/2025/\(id).toml"), atomically: true, encoding: .utf8)
        }
        try FileManager.default.removeItem(at: reference)
        try FileManager.default.copyItem(at: root, to: reference)
        let started = Date()
        let full = try runProduct("mfile", ["sweep", "--as-of", Self.asOf, "--apply"], in: reference)
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(full.status, 0, full.stderr)
        let old = try records(root), new = try records(reference)
        XCTAssertEqual(old.keys.sorted(), new.keys.sorted())
        XCTAssertEqual(old.keys.filter { old[$0] != new[$0] }.count, 303, "the full sweep did not lift every flag due")

        // Kill each run as soon as its first case file has been rewritten: the kill then lands
        // while the other files are still being written (each write is fsync'd), and the test
        // fails if it never saw a sweep stopped part-way.
        let due = old.keys.filter { old[$0] != new[$0] }.sorted()
        var partialRuns = 0
        for _ in 0..<3 {
            let current = try records(root)
            guard let next = due.first(where: { current[$0] == old[$0] }) else { break }
            let watched = root.appendingPathComponent(next)
            let before = try Data(contentsOf: watched)
            let process = Process()
            process.executableURL = TestPaths.productsDirectory.appendingPathComponent("mfile")
            process.arguments = ["sweep", "--as-of", Self.asOf, "--apply"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(max(30, duration * 10))
            while process.isRunning, Date() < deadline, (try? Data(contentsOf: watched)) == before {
                usleep(200)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try records(root)
            XCTAssertEqual(now.keys.sorted(), old.keys.sorted(), "a case file appeared or vanished")
            var changed = 0
            for (path, bytes) in now {
                XCTAssertTrue(bytes == old[path] || bytes == new[path], "\(path) is neither the old nor the new file")
                if bytes == new[path] && bytes != old[path] { changed += 1 }
            }
            if changed > 0 && changed < due.count { partialRuns += 1 }
        }
        XCTAssertGreaterThan(partialRuns, 0, "no kill landed part-way through a sweep, so the test proved nothing")
        print("sweep crash test: \(partialRuns) of 3 runs killed part-way")
        let finish = try runProduct("mfile", ["sweep", "--as-of", Self.asOf, "--apply"], in: root)
        XCTAssertEqual(finish.status, 0, finish.stderr)
        XCTAssertEqual(try records(root), new, "the next run did not complete the sweep")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cases/2025").path)
            .filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "temporary copies of records were left behind")
        let again = try runProduct("mfile", ["sweep", "--as-of", Self.asOf, "--apply"], in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try records(root), new, "a second run changed something")
    }

    /// Every record file (`*.toml` under cases/ and meetings/) with its bytes.
    func records(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["cases", "meetings"] {
            for path in FileSystem.tomlFiles(in: folder, root: root) {
                files[path] = try Data(contentsOf: root.appendingPathComponent(path))
            }
        }
        return files
    }
}
