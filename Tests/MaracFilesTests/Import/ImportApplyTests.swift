import Foundation
import XCTest
import MaracRepository

/// A dry run writes nothing; --apply writes every row or none; importing again creates
/// nothing; a later export adds only its new rows; a changed row is reported and written only
/// with --update, through the format-preserving editor.
final class ImportApplyTests: XCTestCase {
    private func sheet(_ rows: [[String]]) -> String { ImportFixtures.csv([ImportFixtures.caseHeader] + rows) }

    private func demo(_ rows: [[String]]) throws -> URL {
        try ImportFixtures.demo(with: ["cases.csv": sheet(rows), "map.toml": ImportFixtures.caseMap])
    }

    private func run(_ root: URL, _ extra: [String] = [], json: Bool = false) throws -> CommandResult {
        try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml"] + extra + (json ? ["--format", "json"] : []), in: root)
    }

    private func createdFiles(_ result: CommandResult) -> [String] {
        result.stdout.split(separator: "\n").compactMap { line in
            guard line.contains(": create case"), let open = line.lastIndex(of: "("), line.hasSuffix(")") else { return nil }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        }
    }

    func testDryRunWritesNothingAndApplyWritesEveryRow() throws {
        // An agency given by its name in marac.toml, rather than its id.
        let root = try demo([ImportFixtures.caseRow("SB-1"), ImportFixtures.caseRow("SB-2", name: "Ines Moreau", agency: "Example NHS Trust (Safeguarding)", perpetrator: "Luc Girard")])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try ImportFixtures.snapshot(root)

        let dry = try run(root)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(createdFiles(dry).count, 2, dry.stdout)
        XCTAssertTrue(dry.stderr.contains("dry run: nothing was written"), dry.stderr)
        XCTAssertEqual(try ImportFixtures.snapshot(root), before)

        let applied = try run(root, ["--apply"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        let files = createdFiles(applied)
        XCTAssertEqual(files.count, 2)
        XCTAssertEqual(createdFiles(dry), files, "the dry run names the files --apply writes")
        for (file, agency) in zip(files, ["police", "health"]) {
            XCTAssertTrue(file.hasPrefix("cases/2025/2025-"), file)
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(text.contains("reference = \"SB-"), text)
            XCTAssertTrue(text.contains("received = 2025-06-09"), text)
            XCTAssertTrue(text.contains("agency = \"\(agency)\""), text)
            XCTAssertTrue(text.contains("relationship = \"ex-partner\""), text)
        }
        let lint = try ImportFixtures.mfile(["lint"], in: root)
        XCTAssertEqual(lint.status, 0, lint.stdout)
        XCTAssertEqual(try ImportFixtures.snapshot(root).count, before.count + 2)
    }

    func testImportingAgainCreatesNothingAndALaterExportAddsOnlyItsNewRows() throws {
        let first = [ImportFixtures.caseRow("SB-1"), ImportFixtures.caseRow("SB-2", name: "Ines Moreau", perpetrator: "Luc Girard")]
        let root = try demo(first)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try run(root, ["--apply"]).status, 0)
        let afterFirst = try ImportFixtures.snapshot(root)

        let again = try run(root, ["--apply"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout.components(separatedBy: ": unchanged case").count - 1, 2, again.stdout)
        XCTAssertTrue(again.stderr.contains("nothing to write"), again.stderr)
        XCTAssertEqual(try ImportFixtures.snapshot(root), afterFirst)

        try Data(sheet(first + [ImportFixtures.caseRow("SB-3", name: "Maja Novak", received: "14/07/2025", perpetrator: "Tomas Horvat")]).utf8)
            .write(to: root.appendingPathComponent("import/cases.csv"))
        let later = try run(root, ["--apply"])
        XCTAssertEqual(later.status, 0, later.stderr)
        XCTAssertEqual(createdFiles(later).count, 1, later.stdout)
        XCTAssertTrue(later.stdout.contains("row 4: create case"), later.stdout)
        XCTAssertEqual(try ImportFixtures.snapshot(root).count, afterFirst.count + 1)
        for (file, bytes) in afterFirst { XCTAssertEqual(try ImportFixtures.snapshot(root)[file], bytes, file) }
    }

    func testAChangedRowIsReportedAndWrittenOnlyWithUpdateKeepingTheRestOfTheFile() throws {
        let root = try demo([ImportFixtures.caseRow("SB-1")])
        defer { try? FileManager.default.removeItem(at: root) }
        let applied = try run(root, ["--apply"])
        let file = try XCTUnwrap(createdFiles(applied).first)
        let url = root.appendingPathComponent(file)
        // The administrator adds a comment and a field by hand after the import.
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "[victim]\n", with: "[victim]   # checked against the form\n")
        text += "idva_referred = 2025-06-10\n"
        try text.write(to: url, atomically: true, encoding: .utf8)

        try Data(sheet([ImportFixtures.caseRow("SB-1", dob: "03/05/1991", score: "17")]).utf8)
            .write(to: root.appendingPathComponent("import/cases.csv"))
        let changed = try run(root, ["--apply"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertTrue(changed.stdout.contains("row 2: changed case"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("victim.dob (column \"Victim DOB\")"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("referral[1].risk_score (column \"DASH\")"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("not written without --update"), changed.stdout)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), text, "without --update the case file is left alone")

        let updated = try run(root, ["--apply", "--update"])
        XCTAssertEqual(updated.status, 0, updated.stderr)
        XCTAssertTrue(updated.stdout.contains("row 2: update case"), updated.stdout)
        let expected = text.replacingOccurrences(of: "dob = 1991-05-02", with: "dob = 1991-05-03")
            .replacingOccurrences(of: "risk_score = 15", with: "risk_score = 17")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), expected, "only the two values change; the comment and the added field stay")

        let again = try run(root, ["--apply", "--update"])
        XCTAssertTrue(again.stdout.contains("row 2: unchanged case"), again.stdout)
    }

    func testAnEmptiedCellNeverRemovesAField() throws {
        let root = try demo([ImportFixtures.caseRow("SB-1")])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try run(root, ["--apply"]).status, 0)
        var row = ImportFixtures.caseRow("SB-1")
        row[4] = ""  // Victim DOB
        try Data(sheet([row]).utf8).write(to: root.appendingPathComponent("import/cases.csv"))
        let result = try run(root, ["--apply", "--update"])
        XCTAssertTrue(result.stdout.contains("row 2: unchanged case"), result.stdout)
    }

    func testOneFailingRowMeansNothingIsWritten() throws {
        var bad = ImportFixtures.caseRow("SB-3", name: "Maja Novak", perpetrator: "Tomas Horvat")
        bad[1] = "31/02/2025"  // no such date
        let root = try demo([ImportFixtures.caseRow("SB-1"), ImportFixtures.caseRow("SB-2", name: "Ines Moreau", perpetrator: "Luc Girard"), bad])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try ImportFixtures.snapshot(root)
        let result = try run(root, ["--apply"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("row 4: problem: column \"Date Referred\" (referral[1].received): not a date written dd/mm/yyyy"), result.stdout)
        XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)
        XCTAssertEqual(try ImportFixtures.snapshot(root), before)
    }

    func testLintErrorsOfTheNewRecordsAreReportedAndStopTheImport() throws {
        var row = ImportFixtures.caseRow("SB-1")
        row[13] = "Refused"  // consent refused, and the sheet has no column for the reason
        row[5] = ""          // ethnicity not recorded
        let root = try demo([row])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try ImportFixtures.snapshot(root)
        let result = try run(root, ["--apply"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("row 2: create case"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 2: lint: cases/2025/"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[consent-reason]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[equality-missing]"), result.stdout)
        XCTAssertTrue(result.stderr.contains("lint: 2 errors"), result.stderr)
        XCTAssertEqual(try ImportFixtures.snapshot(root), before)
    }

    func testTheSameReferenceTwiceInASheetIsAProblem() throws {
        let root = try demo([ImportFixtures.caseRow("SB-1"), ImportFixtures.caseRow("SB-1", name: "Ines Moreau")])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("row 3: problem: column \"Ref\" (reference): the same reference as row 2"), result.stdout)
    }

    func testLockedRecordsStopTheImport() throws {
        let root = try demo([ImportFixtures.caseRow("SB-1")])
        defer { try? FileManager.default.removeItem(at: root) }
        let lock = try RepositoryLock.acquire(root: root)  // another command at work
        defer { withExtendedLifetime(lock) {} }
        let before = try ImportFixtures.snapshot(root)
        let result = try run(root, ["--apply"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("another mfile command is changing these records"), result.stderr)
        XCTAssertEqual(try ImportFixtures.snapshot(root), before)
    }
}
