import Foundation
import XCTest

/// No output of `mfile import`, text or JSON, in a dry run, an apply, an update, an actions
/// import, a starting map or an error, holds a value from a cell: canary values planted in
/// every kind of cell, valid and broken, never appear.
final class ImportPrivacyTests: XCTestCase {
    static let canaries = ["CANARY", "Canary", "canary", "Zqxwv", "1913"]

    private func assertNoCanary(_ result: CommandResult, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for canary in Self.canaries {
            XCTAssertFalse(result.stdout.contains(canary), "\(label): stdout shows \(canary)\n\(result.stdout)", file: file, line: line)
            XCTAssertFalse(result.stderr.contains(canary), "\(label): stderr shows \(canary)\n\(result.stderr)", file: file, line: line)
        }
    }

    func testNoCellValueAppearsInAnyOutput() throws {
        var good = ImportFixtures.caseRow(
            "CANARYREF1", name: "Canaryname Zqxwv", dob: "13/01/1913", perpetrator: "Canaryperp Zqxwv", notes: "CANARYNOTE")
        var bad = ImportFixtures.caseRow("CANARYREF2", name: "CANARY\u{1}CTRL", dob: "CANARYDATE", agency: "CANARYAGENCY", score: "CANARYSCORE")
        bad[10] = "CANARYREL"
        bad[5] = "Canary ethnicity"
        bad[13] = "=CANARYFORMULA(\"Zqxwv\")"
        bad[14] = "CANARYDECISION"
        bad.append("CANARYEXTRA")  // a cell beyond the last header
        let header = ImportFixtures.caseHeader
        let root = try ImportFixtures.demo(with: [
            "both.csv": ImportFixtures.csv([header, good, bad, ["CANARYREF1"] + Array(repeating: "", count: header.count - 1)]),
            "good.csv": ImportFixtures.csv([header, good]),
            "map.toml": ImportFixtures.caseMap,
            "actions.csv": ImportFixtures.csv([
                ImportFixtures.actionHeader,
                ["05/06/2025", "CANARYREF1", "CANARYACTION Zqxwv", "police", "CANARYOWNER", "12/06/2025", "Open", "", "CANARYUPDATE"],
                ["05/06/2025", "CANARYREF9", "CANARYACTION2", "CANARYAGENCY", "CANARYOWNER", "CANARYDUE", "CANARYSTATUS", "", ""],
            ]),
            "actions-map.toml": ImportFixtures.actionMap,
            "broken.csv": "Ref,Victim\r\nCANARYREF1,\"Canaryname Zqxwv\r\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        func run(_ arguments: [String]) throws -> CommandResult { try ImportFixtures.mfile(arguments, in: root) }
        let cases = ["import", "cases", "--map", "import/map.toml"]

        for format in ["text", "json"] {
            let dry = try run(cases + ["import/both.csv", "--format", format])
            XCTAssertEqual(dry.status, 1, dry.stderr)
            assertNoCanary(dry, "dry run with problems (\(format))")
            let refused = try run(cases + ["import/both.csv", "--apply", "--format", format])
            XCTAssertEqual(refused.status, 1)
            assertNoCanary(refused, "refused apply (\(format))")
        }
        let applied = try run(cases + ["import/good.csv", "--apply"])
        XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
        assertNoCanary(applied, "apply")
        let again = try run(cases + ["import/good.csv", "--format", "json"])
        assertNoCanary(again, "again (json)")

        var changed = good
        changed[3] = "Canarynew Zqxwv"
        try Data(ImportFixtures.csv([header, changed]).utf8).write(to: root.appendingPathComponent("import/good.csv"))
        for format in ["text", "json"] {
            assertNoCanary(try run(cases + ["import/good.csv", "--format", format]), "changed (\(format))")
        }
        let updated = try run(cases + ["import/good.csv", "--apply", "--update"])
        XCTAssertTrue(updated.stdout.contains("update case"), updated.stdout)
        assertNoCanary(updated, "update")

        for format in ["text", "json"] {
            let actions = try run(["import", "actions", "import/actions.csv", "--map", "import/actions-map.toml", "--format", format])
            XCTAssertEqual(actions.status, 1, actions.stdout + actions.stderr)
            XCTAssertTrue(actions.stdout.contains("no case in cases/ has this reference"), actions.stdout)
            assertNoCanary(actions, "actions (\(format))")
        }
        assertNoCanary(try run(["import", "cases", "import/both.csv", "--template"]), "template")
        let broken = try run(cases + ["import/broken.csv"])
        XCTAssertEqual(broken.status, 2)
        assertNoCanary(broken, "unreadable sheet")
        assertNoCanary(try run(["lint"]), "lint after the import")
    }
}
