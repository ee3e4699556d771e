import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracRepository

/// Writers take the repository lock: while one holds it another sweep (or purge) changes nothing, and
/// sweeps run at once never corrupt each other. A closed-session case's flag notices go only
/// to the agencies of that session.
final class SweepLockAndNoticeTests: XCTestCase {
    static let due = ["cases/2025/2025-EXMP-006.toml", "cases/2025/2025-EXMP-009.toml", "cases/2025/2025-EXMP-011.toml"]

    func testSweepWaitsForNoOneAndChangesNothingWhileTheLockIsHeld() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = TransferFixtures.snapshot(root)
        let held = try RepositoryLock.acquire(root: root)
        let result = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--apply"], in: root)
        withExtendedLifetime(held) {}
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("another mfile command is changing these records"), result.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(root), before, "a sweep changed files while another held the lock")
    }

    func testPurgeTakesTheLockBeforeItReadsAndChangesNothingWhileAnotherHoldsIt() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = TransferFixtures.snapshot(root)
        let held = try RepositoryLock.acquire(root: root)
        let result = try runProduct("mfile", [
            "sweep", "--as-of", "2029-06-01", "--purge", "--apply", "--decided-by", "chair", "--decided", "2029-05-30",
        ], in: root)
        withExtendedLifetime(held) {}
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("another mfile command is changing these records"), result.stderr)
        XCTAssertEqual(TransferFixtures.snapshot(root), before, "a purge changed files while another held the lock")
    }

    func testConcurrentSweepsNeverCorruptEachOther() throws {
        let reference = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: reference) }
        XCTAssertEqual(try runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--apply"], in: reference).status, 0)
        let expected = Dictionary(uniqueKeysWithValues: Self.due.map { ($0, try? Data(contentsOf: reference.appendingPathComponent($0))) })

        for round in 0..<5 {
            let root = try DemoRepository.copy()
            defer { try? FileManager.default.removeItem(at: root) }
            let results = ResultBox()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                results.add(try? runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--apply"], in: root))
            }
            for result in results.all {
                let result = try XCTUnwrap(result)
                XCTAssertTrue(result.status == 0 || (result.status == 2 && result.stderr.contains("another mfile command is changing these records")),
                              "round \(round): exit \(result.status): \(result.stderr)")
            }
            XCTAssertTrue(results.all.contains { $0?.status == 0 }, "round \(round): no sweep ran")
            for path in Self.due {
                XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent(path)), expected[path] ?? nil, "round \(round): \(path)")
            }
            let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
            XCTAssertEqual(leftovers, [], "round \(round)")
        }
    }

    /// 2026-EXMP-006 (session = "closed": the victim works for a partner agency) was heard at
    /// a scheduled meeting: presented by police, information from police, idva and health, an
    /// action for children's social care. Only they are told, not every core agency.
    func testClosedSessionNoticesGoOnlyToThatSessionsAgencies() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runProduct("mfile", ["sweep", "--as-of", "2027-12-31", "--format", "json", "--notices", "papers/n"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let notices = Self.notices(try JSONParser.parse(result.stdout)["due"])
        XCTAssertEqual(notices["2026-EXMP-006"], ["police", "idva", "children", "health"])
        XCTAssertEqual(notices["2026-EXMP-016"], ["police"])
        XCTAssertEqual(notices["2026-EXMP-001"], ["police", "idva", "probation", "children", "adults", "housing", "health"], "an open case goes to every core agency")
        // The notices themselves: probation's names no closed-session case.
        let probation = try String(contentsOf: root.appendingPathComponent("papers/n/probation.md"), encoding: .utf8)
        XCTAssertFalse(probation.contains("2026-EXMP-006") || probation.contains("2026-EXMP-016"), probation)
    }

    static func notices(_ due: JSONValue?) -> [String: [String]] {
        guard case .array(let items)? = due else { return [:] }
        var result: [String: [String]] = [:]
        for item in items {
            guard case .string(let id)? = item["case"], case .array(let agencies)? = item["notice"] else { continue }
            result[id] = agencies.compactMap { if case .string(let a) = $0 { a } else { nil } }
        }
        return result
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CommandResult?] = []
    func add(_ result: CommandResult?) { lock.lock(); results.append(result); lock.unlock() }
    var all: [CommandResult?] { lock.lock(); defer { lock.unlock() }; return results }
}
