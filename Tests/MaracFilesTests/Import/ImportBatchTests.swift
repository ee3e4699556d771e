import Foundation
import XCTest
@testable import MaracImport
import MaracRepository

/// All rows or none even when the disk fails part way: the files written before the failure
/// are put back; a file changed by someone else meanwhile stops the import before any write.
final class ImportBatchTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try makeTemporaryDirectory("mfile-batch")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cases/2026"), withIntermediateDirectories: true)
        try Data("old = 1\n".utf8).write(to: root.appendingPathComponent("cases/2026/a.toml"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func contents(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func testAFailedWritePutsBackEveryFileWrittenBeforeIt() throws {
        let changes = [
            FileChange(path: "cases/2026/a.toml", bytes: Array("new = 1\n".utf8), original: Array("old = 1\n".utf8)),
            FileChange(path: "cases/2026/b.toml", bytes: Array("b = 1\n".utf8), original: nil),
            FileChange(path: "cases/2026/c.toml", bytes: Array("c = 1\n".utf8), original: nil),
        ]
        let failing: RecordBatch.Writer = { bytes, url, mode in
            if url.lastPathComponent == "c.toml" { throw RepositoryError("\(url.path): cannot be written (No space left on device)") }
            try AtomicWrite.write(bytes, to: url, mode: mode)
        }
        XCTAssertThrowsError(try RecordBatch.write(changes, root: root, writer: failing)) { error in
            let error = error as! ImportError
            XCTAssertEqual(error.location, "cases/2026/c.toml")
            XCTAssertTrue(error.message.contains("No space left on device"), error.message)
            XCTAssertTrue(error.message.contains("nothing was changed"), error.message)
        }
        XCTAssertEqual(contents("cases/2026/a.toml"), "old = 1\n")
        XCTAssertNil(contents("cases/2026/b.toml"))
        XCTAssertNil(contents("cases/2026/c.toml"))

        try RecordBatch.write(changes, root: root)
        XCTAssertEqual(contents("cases/2026/a.toml"), "new = 1\n")
        XCTAssertEqual(contents("cases/2026/c.toml"), "c = 1\n")
    }

    func testAFileChangedSinceItWasReadStopsTheImportBeforeAnyWrite() throws {
        let changes = [
            FileChange(path: "cases/2026/b.toml", bytes: Array("b = 1\n".utf8), original: nil),
            FileChange(path: "cases/2026/a.toml", bytes: Array("new = 1\n".utf8), original: Array("older = 0\n".utf8)),
        ]
        XCTAssertThrowsError(try RecordBatch.write(changes, root: root)) { error in
            XCTAssertEqual((error as! ImportError).location, "cases/2026/a.toml")
        }
        XCTAssertNil(contents("cases/2026/b.toml"))
        XCTAssertEqual(contents("cases/2026/a.toml"), "old = 1\n")
    }

    func testWindows1252SheetsWithSemicolonsImportWithAWarning() throws {
        let demo = try ImportFixtures.demo(with: ["map.toml": ImportFixtures.caseMap])
        defer { try? FileManager.default.removeItem(at: demo) }
        let text = ImportFixtures.csv([ImportFixtures.caseHeader, ImportFixtures.caseRow("SB-1", name: "Zoë O’Connor-Nuñez")], delimiter: ";")
        // Excel's plain "CSV" on a Windows PC in a country that writes decimal commas.
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "ë": bytes.append(0xEB)
            case "ñ": bytes.append(0xF1)
            case "\u{2019}": bytes.append(0x92)
            default: bytes.append(UInt8(scalar.value))
            }
        }
        try Data(bytes).write(to: demo.appendingPathComponent("import/cases.csv"))
        let result = try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml", "--apply"], in: demo)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: import/cases.csv is not UTF-8 text; it was read as Windows-1252"), result.stderr)
        XCTAssertTrue(result.stderr.contains("(Windows-1252, \";\" between cells)"), result.stderr)
        let file = try XCTUnwrap(result.stdout.split(separator: "(").last?.dropLast(2))
        let record = try String(contentsOf: demo.appendingPathComponent(String(file)), encoding: .utf8)
        XCTAssertTrue(record.contains("name = \"Zoë O\u{2019}Connor-Nuñez\""), record)
    }
}
