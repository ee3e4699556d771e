import Foundation
import XCTest

/// An index that cannot be written does not stop a command that works from it: the command
/// says so in one line on standard error, naming no record value, and answers as it would
/// with the index saved.
final class IndexSaveWarningTests: XCTestCase {
    func testACommandWhoseIndexCannotBeSavedWarnsOnceAndAnswers() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try runProduct("mfile", ["check", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(expected.status, 1, expected.stderr)

        // A folder where the index file goes: the index cannot be read, nor written over.
        let blocked = root.appendingPathComponent(".mfile/index")
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: blocked.appendingPathComponent("keep"))

        for arguments in [["check", "--as-of", "2026-11-23"], ["find", "Whitfield", "--ids-only"], ["plan", "2026-12-03-north"]] {
            let result = try runProduct("mfile", arguments, in: root)
            let command = arguments.joined(separator: " ")
            let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("mfile: warning: the index could not be saved") }
            XCTAssertEqual(warnings.count, 1, "\(command): \(result.stderr)")
            XCTAssertTrue(warnings[0].hasSuffix("carrying on without it"), String(warnings[0]))
            XCTAssertNotEqual(result.status, 2, "\(command): \(result.stderr)")
            for value in ["Whitfield", "Hannah", "EXMP-001"] {
                XCTAssertFalse(warnings[0].contains(value), "no record value in the warning")
            }
        }
        let check = try runProduct("mfile", ["check", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(check.status, expected.status)
        XCTAssertEqual(check.stdout, expected.stdout)
        let find = try runProduct("mfile", ["find", "Whitfield", "--ids-only"], in: root)
        XCTAssertEqual(find.stdout, "2026-EXMP-001\n")
    }
}
