import Foundation
import XCTest
@testable import MaracBase
@testable import MaracRepository
@testable import MaracVault

/// `mfile sweep --apply [--commit]`: the lifting recorded in each case file and nothing else.
final class SweepApplyTests: XCTestCase {
    static let due = ["cases/2025/2025-EXMP-006.toml", "cases/2025/2025-EXMP-009.toml", "cases/2025/2025-EXMP-011.toml"]

    func testApplyAddsOnlyTheFlagTableAndASecondRunChangesNothing() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try records(root)
        let result = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--apply"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = try records(root)
        for (path, old) in before {
            let new = try XCTUnwrap(after[path])
            guard Self.due.contains(path) else {
                XCTAssertEqual(new, old, "\(path) changed")
                continue
            }
            // Every byte of the old file is kept; the [flag] table is added after it.
            XCTAssertTrue(new.starts(with: old), "\(path): bytes before the flag changed")
            let added = String(decoding: new.dropFirst(old.count), as: UTF8.self)
            XCTAssertTrue(added.contains("[flag]\nlifted = 2026-11-23\nnotice = [\"police\", \"idva\""), added)
        }
        let repository = try Repository.load(at: root)
        for id in ["2025-EXMP-006", "2025-EXMP-009", "2025-EXMP-011"] {
            XCTAssertEqual(repository.findCase(id)?.flagLifted, LocalDate(isoText: "2026-11-23"))
        }
        XCTAssertEqual(try runProduct("mfile", ["lint"], in: root).status, 0)

        let again = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--apply"], in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try records(root), after, "the second run changed a record")
        XCTAssertTrue(again.stderr.contains("No flags to lift"), again.stderr)
        // The notices are whole again the second time (the cases lifted that day).
        let police = try String(contentsOf: root.appendingPathComponent("papers/flag-notices/2026-11-23/police.md"), encoding: .utf8)
        XCTAssertTrue(police.contains("2025-EXMP-006") && police.contains("2025-EXMP-011"))
    }

    func testCommitNamesCaseIdsOnlyAndStaysEncrypted() throws {
        try GitFixture.requireGitCrypt()
        let root = try GitFixture.encryptedDemo()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try GitFixture.mfile(["sweep", "--as-of", "2026-11-23", "--apply", "--commit"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        GitFixture.assertPrivate(result)
        let message = String(decoding: try GitFixture.run(["log", "-1", "--format=%B"], in: root).stdout, as: UTF8.self)
        XCTAssertEqual(message.trimmingCharacters(in: .whitespacesAndNewlines),
                       "Flags lifted as of 2026-11-23: 2025-EXMP-006, 2025-EXMP-009, 2025-EXMP-011")
        let changed = String(decoding: try GitFixture.run(["show", "--name-only", "--format=", "HEAD"], in: root).stdout, as: UTF8.self)
        XCTAssertEqual(changed.split(separator: "\n").map(String.init), Self.due)
        for path in Self.due {
            XCTAssertTrue(try GitFixture.blob(path, in: root).starts(with: GitCrypt.header), path)
        }
        XCTAssertEqual(try GitFixture.mfile(["doctor"], in: root).status, 0)
        let status = String(decoding: try GitFixture.run(["status", "--porcelain"], in: root).stdout, as: UTF8.self)
        XCTAssertEqual(status, "", "the sweep left changes uncommitted")
    }

    func testCommitNeedsApply() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runProduct("mfile", ["sweep", "--commit"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--apply"), result.stderr)
    }

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
