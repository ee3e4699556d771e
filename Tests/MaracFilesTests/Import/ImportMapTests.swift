import Foundation
import XCTest
@testable import MaracImport
import MaracRepository

/// The map: every mistake reported at its line in the map, in the administrator's words; the
/// starting map `--template` writes is a map that works.
final class ImportMapTests: XCTestCase {
    private func mapErrors(_ text: String, kind: String = "cases") throws -> CommandResult {
        let root = try ImportFixtures.demo(with: [
            "cases.csv": ImportFixtures.csv([ImportFixtures.caseHeader, ImportFixtures.caseRow("SB-1")]),
            "map.toml": text,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        return try ImportFixtures.mfile(["import", kind, "import/cases.csv", "--map", "import/map.toml"], in: root)
    }

    func testEveryMistakeInAMapIsReportedAtItsLine() throws {
        let mistakes = """
            [columns]
            "Ref" = "reference"
            "Victim" = "victim.nmae"
            "Victim DOB" = "victim.dob"
            "DASH" = "victim.dob"
            "Not There" = "victim.address"
            "Agency" = "id"

            [values."referral.consent"]
            "Given" = "yes please"

            [defaults]
            "perpetrator" = "x"

            """
        let result = try mapErrors("kind = \"cases\"\ndate_format = \"dd/mm/yy\"\ncolour = \"red\"\n\n" + mistakes)
        XCTAssertEqual(result.status, 2, result.stderr)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, "the map's own settings first (the sheet is not read until they are right)\n\(result.stderr)")
        XCTAssertTrue(lines[0].hasPrefix("mfile import cases: import/map.toml:2:15: error: date_format must be written with dd, mm and yyyy"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("mfile import cases: import/map.toml:3:1: error: unknown setting"), lines[1])

        let fields = try mapErrors(mistakes)
        XCTAssertEqual(fields.status, 2, fields.stderr)
        for expected in [
            "import/map.toml:3:1: error: a case victim has no field nmae; its fields are: name, aliases, dob",
            "import/map.toml:5:1: error: victim.dob is also filled by column \"Victim DOB\"",
            "import/map.toml:6:1: error: row 1 of the sheet (header_row) has no column headed like this",
            "import/map.toml:7:1: error: id cannot be filled from the sheet (mfile writes it)",
            "import/map.toml:10:1: error: this wording's value is not a given | refused | not-sought-unsafe | not-sought for referral[1].consent",
            "import/map.toml:13:1: error: a case perpetrator is a list of tables; name one of its fields, e.g. perpetrator.name",
        ] {
            XCTAssertTrue(fields.stderr.contains(expected), "\(expected)\n\(fields.stderr)")
        }
    }

    func testAMapMustNameTheReferenceColumnAndMatchTheKindOfSheet() throws {
        let noReference = try mapErrors("[columns]\n\"Victim\" = \"victim.name\"\n")
        XCTAssertEqual(noReference.status, 2)
        XCTAssertTrue(noReference.stderr.contains("map the column holding the sheet's own case reference to \"reference\""), noReference.stderr)
        let wrongKind = try mapErrors(ImportFixtures.actionMap, kind: "cases")
        XCTAssertTrue(wrongKind.stderr.contains("this map is for actions; use it with 'mfile import actions'"), wrongKind.stderr)
        let notTOML = try mapErrors("[columns\n")
        XCTAssertEqual(notTOML.status, 2)
        XCTAssertTrue(notTOML.stderr.contains("import/map.toml:1:9: error: the map is not valid TOML"), notTOML.stderr)
    }

    func testTheTemplateListsTheSheetsColumnsAndIsAWorkingMap() throws {
        let root = try ImportFixtures.demo(with: [:])
        defer { try? FileManager.default.removeItem(at: root) }
        let example = TestPaths.packageRoot.appendingPathComponent("examples/import/cases.csv").path
        let written = try ImportFixtures.mfile(["import", "cases", example, "--template", "--output", "import/map.toml"], in: root)
        XCTAssertEqual(written.status, 0, written.stderr)
        let map = try String(contentsOf: root.appendingPathComponent("import/map.toml"), encoding: .utf8)
        for line in [
            "\"MARAC Ref\" = \"reference\"    # guessed from the header: check",
            "\"Date Referred\" = \"referral.received\"",
            "\"Victim DOB\" = \"victim.dob\"",
            "\"DASH Score\" = \"referral.risk_score\"",
            "\"Perpetrator DOB\" = \"perpetrator.dob\"",
            "\"Notes\" = \"\"    # not imported",
            "#   victim.dob (date)",
            "#   referral.consent (given | refused | not-sought-unsafe | not-sought)",
            "#   reference (text)",
        ] {
            XCTAssertTrue(map.contains(line), "\(line)\n\(map)")
        }
        // It is a map: the dry run reads the sheet through it (rows with problems, not map errors).
        let dry = try ImportFixtures.mfile(["import", "cases", example, "--map", "import/map.toml"], in: root)
        XCTAssertNotEqual(dry.status, 2, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("row 2: "), dry.stdout)
        // --output never overwrites.
        let again = try ImportFixtures.mfile(["import", "cases", "--template", "--output", "import/map.toml"], in: root)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)

        for kind in ImportMap.Kind.allCases {
            let text = try ImportMapTemplate.text(kind: kind, headers: nil, root: root, configuration: nil)
            let map = try ImportMap.parse(Array(text.utf8), file: "template.toml")
            XCTAssertEqual(map.kind, kind)
            XCTAssertFalse(map.defaults.isEmpty)
        }
    }

    func testAHeaderBelowATitleRowAndColumnsLeftOutOfTheMap() throws {
        let rows = [["Example Borough MARAC: case register"], ImportFixtures.caseHeader + ["Extra"], ImportFixtures.caseRow("SB-1") + ["x"]]
        let root = try ImportFixtures.demo(with: [
            "cases.csv": ImportFixtures.csv(rows),
            "map.toml": "header_row = 2\n" + ImportFixtures.caseMap,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml", "--format", "json"], in: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(report["summary"] as? [String: Int])
        XCTAssertEqual(summary["create"], 1)
        XCTAssertEqual(summary["problem"], 0)
        let row = try XCTUnwrap((report["rows"] as? [[String: Any]])?.first)
        XCTAssertEqual(row["row"] as? Int, 3, "rows are numbered as the spreadsheet shows them")
        XCTAssertEqual(row["outcome"] as? String, "create")
        XCTAssertEqual(report["warnings"] as? [String], [
            "the sheet's columns Q are not in the map, so they are not imported (map a column's header to \"\" in [columns] to say so)",
        ])
        XCTAssertEqual(report["files"] as? [String], [row["file"] as! String])
    }

    func testUsageMistakes() throws {
        let root = DemoRepository.root
        for (arguments, expected) in [
            (["import"], "say what to do: import cases, import actions"),
            (["import", "people", "x.csv"], "unknown import 'people'; choose one of: cases, actions"),
            (["import", "cases"], "give the spreadsheet: 'mfile import cases FILE.csv --map MAP.toml'"),
            (["import", "cases", "x.csv"], "give the map with --map MAP.toml"),
            (["import", "cases", "x.csv", "y.csv", "--map", "m.toml"], "'mfile import cases' takes [FILE.csv]"),
            (["import", "cases", "x.csv", "--map", "m.toml", "--output", "y"], "--output goes with --template"),
            (["import", "cases", "--template", "--apply"], "give --template or --apply, not both"),
        ] {
            let result = try ImportFixtures.mfile(arguments, in: root)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
        let missing = try ImportFixtures.mfile(["import", "cases", "no-such.csv", "--map", "no-such.toml"], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("mfile import cases: no-such.toml: error: cannot be read"), missing.stderr)
    }
}
