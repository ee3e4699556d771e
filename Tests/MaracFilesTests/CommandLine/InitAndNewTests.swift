import Foundation
import XCTest
@testable import MaracRepository

final class InitAndNewTests: XCTestCase {
    func testInitCreatesARepositoryThatLintsClean() throws {
        let parent = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        for profile in ["west-midlands", "gwent", "liverpool"] {
            let created = try runProduct("mfile", ["init", profile, "--profile", profile, "--first-meeting", "2027-01-07"], in: parent)
            XCTAssertEqual(created.status, 0, created.stderr)
            let root = parent.appendingPathComponent(profile)
            for path in ["marac.toml", "schema/case.schema.json", ".gitignore", "cases", "meetings"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), path)
            }
            let lint = try runProduct("mfile", ["lint"], in: root)
            XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)
        }
        let again = try runProduct("mfile", ["init", "gwent", "--profile", "gwent"], in: parent)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"))
        let badProfile = try runProduct("mfile", ["init", "x", "--profile", "kent"], in: parent)
        XCTAssertEqual(badProfile.status, 2)
    }

    func testNewCaseAndMeetingWriteScaffoldsThatLintPointsAt() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try runProduct("mfile", ["init", ".", "--profile", "gwent", "--first-meeting", "2027-01-07"], in: root).status, 0)

        let first = try runProduct("mfile", ["new", "case", "--received", "2027-01-04"], in: root)
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try runProduct("mfile", ["new", "case", "--received", "2027-01-05"], in: root)
        let firstPath = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let secondPath = second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(firstPath.hasPrefix("cases/2027/2027-"), firstPath)
        XCTAssertTrue(firstPath.hasSuffix("-001.toml"), firstPath)
        XCTAssertTrue(secondPath.hasSuffix("-002.toml"), secondPath)

        let meeting = try runProduct("mfile", ["new", "meeting", "2027-01-07"], in: root)
        XCTAssertEqual(meeting.stdout, "meetings/2027/2027-01-07-main.toml\n")
        let duplicate = try runProduct("mfile", ["new", "meeting", "2027-01-07"], in: root)
        XCTAssertEqual(duplicate.status, 2)

        // The scaffold parses; lint lists what is still to fill in, in the new file.
        let lint = try runProduct("mfile", ["lint", firstPath], in: root)
        XCTAssertEqual(lint.status, 1)
        XCTAssertTrue(lint.stdout.contains("\(firstPath):"), lint.stdout)
        XCTAssertFalse(lint.stdout.contains("toml-syntax"), lint.stdout)
    }

    /// Two clones allocating offline each draw their own tag, so their ids never meet.
    func testTwoClonesAllocateDifferentIDs() throws {
        let origin = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: origin) }
        XCTAssertEqual(try runProduct("mfile", ["init", ".", "--profile", "liverpool", "--first-meeting", "2027-01-07"], in: origin).status, 0)
        var ids: Set<String> = []
        for _ in 0..<20 {
            let clone = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: clone) }
            try FileManager.default.removeItem(at: clone)
            try FileManager.default.copyItem(at: origin, to: clone)
            for _ in 0..<3 {
                let id = try CaseIDAllocator(root: clone).next(year: 2027)
                XCTAssertTrue(ids.insert(id).inserted, "id \(id) allocated twice")
                try "id = \"\(id)\"\n".write(
                    to: clone.appendingPathComponent("cases/\(id).toml"), atomically: true, encoding: .utf8)
            }
        }
    }

    /// The tags drawn come from a known sequence, so the test sees every draw: the allocator
    /// must pass over the tags already in the repository and keep the first free one.
    func testAllocatorAvoidsTagsAlreadyInTheRepository() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["2026-AAAA-001", "2026-BBBB-001", "2025-CCCC-004"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("cases/2026"), withIntermediateDirectories: true)
            try "id = \"\(name)\"\n".write(to: root.appendingPathComponent("cases/2026/\(name).toml"), atomically: true, encoding: .utf8)
        }
        final class Draws: @unchecked Sendable {
            var queue = ["AAAA", "BBBB", "CCCC", "AAAA", "DDDD", "EEEE"]
            var count = 0
            func next() -> String { count += 1; return queue.removeFirst() }
        }
        let draws = Draws()
        let allocator = CaseIDAllocator(root: root, drawTag: draws.next)
        XCTAssertEqual(try allocator.next(year: 2026), "2026-DDDD-001")
        XCTAssertEqual(draws.count, 5, "every used tag drawn must be passed over")
        try "id = \"2026-DDDD-001\"\n".write(to: root.appendingPathComponent("cases/2026/2026-DDDD-001.toml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try allocator.next(year: 2026), "2026-DDDD-002", "the tag is kept for this clone")
        XCTAssertEqual(draws.count, 5)
    }
}
