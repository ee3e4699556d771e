import Foundation
import XCTest

/// A record file or folder this user cannot read, or a link out of the repository, stops
/// every command with its path and `[io]` / `[outside-link]` (exit 2); the index never keeps
/// a file as unreadable, so once it is readable again `find` finds it without `index --full`.
final class UnreadableRecordsTests: XCTestCase {
    static let readers: [[String]] = [
        ["lint"], ["check", "--as-of", "2026-11-23"], ["find", "Whitfield"], ["links"], ["stats", "--quarter", "2026Q4"],
        ["index"], ["render", "agenda", "2026-11-05-north"], ["sweep", "--as-of", "2026-11-23"],
    ]
    static let caseFile = "cases/2026/2026-EXMP-001.toml"

    func testUnreadableFileIsReportedByEveryCommandAndNeverCached() throws {
        let root = try UnprivilegedRun.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try UnprivilegedRun.mfile(["find", "Whitfield", "--ids-only"], in: root)
        XCTAssertEqual(found.stdout, "2026-EXMP-001\n", found.stderr)

        let file = root.appendingPathComponent(Self.caseFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        // Changed while unreadable, so the index cannot keep what it held before.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
        for arguments in Self.readers {
            let result = try UnprivilegedRun.mfile(arguments, in: root)
            let command = arguments.joined(separator: " ")
            XCTAssertEqual(result.status, 2, "\(command): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(Self.caseFile): error: cannot be read (Permission denied) [io]"), "\(command): \(result.stderr)")
        }

        // Readable again (its modification time unchanged): found at once.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let again = try UnprivilegedRun.mfile(["find", "Whitfield", "--ids-only"], in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "2026-EXMP-001\n", again.stderr)
    }

    func testUnreadableFolderIsReportedByEveryCommand() throws {
        let root = try UnprivilegedRun.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try UnprivilegedRun.mfile(["index"], in: root).status, 0)
        let folder = root.appendingPathComponent("cases/2025")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        for arguments in Self.readers {
            let result = try UnprivilegedRun.mfile(arguments, in: root)
            let command = arguments.joined(separator: " ")
            XCTAssertEqual(result.status, 2, "\(command): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("cases/2025: error: cannot be read (Permission denied) [io]"), "\(command): \(result.stderr)")
        }
    }

    func testLinksOutOfTheRepositoryAreRefusedAndLinksInsideFollowed() throws {
        let root = try DemoRepository.copy()
        let outside = try makeTemporaryDirectory("mfile-outside")
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        let manager = FileManager.default
        // A link inside the repository is an ordinary record.
        try manager.createDirectory(at: root.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try manager.moveItem(at: root.appendingPathComponent("meetings/2026"), to: root.appendingPathComponent("archive/2026"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("meetings/2026").path, withDestinationPath: "../archive/2026")
        XCTAssertEqual(try runProduct("mfile", ["lint"], in: root).status, 0)

        // A case file and a folder linked from outside are refused by every command.
        let file = root.appendingPathComponent(Self.caseFile)
        try manager.moveItem(at: file, to: outside.appendingPathComponent("case.toml"))
        try manager.createSymbolicLink(at: file, withDestinationURL: outside.appendingPathComponent("case.toml"))
        try manager.createDirectory(at: outside.appendingPathComponent("more"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: root.appendingPathComponent("meetings/2027"), withDestinationURL: outside.appendingPathComponent("more"))
        for arguments in Self.readers {
            let result = try runProduct("mfile", arguments, in: root)
            let command = arguments.joined(separator: " ")
            XCTAssertEqual(result.status, 2, "\(command): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(Self.caseFile): error: is a link to a place outside the repository"), "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("meetings/2027: error: is a link to a place outside the repository"), "\(command): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains(outside.path), "\(command) names the place the link leads to")
        }
    }
}

/// Runs mfile as a user the permission bits apply to: the superuser reads everything, so the
/// tests (root in CI) run it as `nobody` with `setpriv`.
enum UnprivilegedRun {
    /// A copy of the demo repository every user may read and write.
    static func repository() throws -> URL {
        let root = try DemoRepository.copy()
        guard geteuid() == 0 else { return root }
        try require()
        var paths = [root.path]
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            while let path = enumerator.nextObject() as? String { paths.append(root.appendingPathComponent(path).path) }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            try FileManager.default.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o777 : 0o666], ofItemAtPath: path)
        }
        return root
    }

    static func mfile(_ arguments: [String], in directory: URL) throws -> CommandResult {
        let mfile = TestPaths.productsDirectory.appendingPathComponent("mfile").path
        guard geteuid() == 0 else { return try runProgram(mfile, arguments, in: directory) }
        return try runProgram("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", mfile] + arguments, in: directory)
    }

    static func require() throws {
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return }
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("setpriv (util-linux) is required in CI to run mfile as another user") }
        throw XCTSkip("setpriv not installed; permission tests need it when run as root")
    }
}
