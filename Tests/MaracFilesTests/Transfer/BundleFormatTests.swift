import Foundation
import XCTest
@testable import MaracBase
@testable import MaracTransfer

final class TransferBundleFormatTests: XCTestCase {
    func sample() -> CaseBundle {
        CaseBundle(
            kind: .transfer, caseID: "2026-EXMP-001", marac: "north", created: LocalDate(year: 2026, month: 11, day: 23),
            files: [
                TarArchive.Entry(path: "papers/a.html", bytes: Array("<p>a</p>".utf8)),
                TarArchive.Entry(path: "record/case.toml", bytes: Array(repeating: 0x41, count: 1000)),
                TarArchive.Entry(path: "record/meetings/2026-08-06-north.toml", bytes: []),
            ])
    }

    func testRoundTrip() throws {
        let bundle = sample()
        let archive = bundle.archive()
        XCTAssertEqual(archive.count % 512, 0)
        XCTAssertEqual(try CaseBundle.read(archive: archive), bundle)
    }

    func testSystemTarReadsTheArchive() throws {
        let folder = try makeTemporaryDirectory("mfile-tar")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tarFile = folder.appendingPathComponent("b.tar")
        try Data(sample().archive()).write(to: tarFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        try requireProgram(FileManager.default.isExecutableFile(atPath: "/bin/tar"), "/bin/tar", install: "apt-get install -y tar")
        process.arguments = ["-xf", tarFile.path, "-C", folder.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("papers/a.html"), encoding: .utf8), "<p>a</p>")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path))
    }

    func testTruncatedArchiveIsRefused() {
        let archive = sample().archive()
        for cut in [0, 100, 512, 1024, archive.count - 1024, archive.count - 1] {
            XCTAssertThrowsError(try CaseBundle.read(archive: Array(archive.prefix(cut))), "cut at \(cut)")
        }
    }

    func testChangedFileFailsItsHash() throws {
        var archive = sample().archive()
        // The first data byte of papers/a.html: after the manifest's header and data blocks
        // and the file's own header.
        let manifestSize = Array(sample().manifest.utf8).count
        let offset = 512 + (manifestSize + 511) / 512 * 512 + 512
        XCTAssertEqual(archive[offset], UInt8(ascii: "<"))
        archive[offset] = UInt8(ascii: "(")
        XCTAssertThrowsError(try CaseBundle.read(archive: archive)) { error in
            XCTAssertTrue("\(error)".contains("papers/a.html: SHA-256 does not match"), "\(error)")
        }
    }

    func testUnsafePathsAreRefused() {
        XCTAssertFalse(TarArchive.isSafePath("../x"))
        XCTAssertFalse(TarArchive.isSafePath("/etc/passwd"))
        XCTAssertFalse(TarArchive.isSafePath("a//b"))
        XCTAssertFalse(TarArchive.isSafePath("a/./b"))
        XCTAssertFalse(TarArchive.isSafePath("a b"))
        XCTAssertTrue(TarArchive.isSafePath("record/meetings/2026-08-06-north.toml"))
    }
}
