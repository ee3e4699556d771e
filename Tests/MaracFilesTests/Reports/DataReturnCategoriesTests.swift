import Foundation
import XCTest
@testable import MaracDefaults
@testable import MaracJSON
@testable import MaracRecords
@testable import MaracReports
@testable import MaracRepository

/// The categories file (shipped, overridden, rejected) and the equality answers the schema offers.
final class DataReturnCategoriesTests: XCTestCase {
    func testShippedCategoriesNeverHoldDeclinedOrNotKnown() throws {
        let categories = DataReturnCategories.builtIn
        XCTAssertEqual(categories.origin, "built in")
        XCTAssertEqual(categories.category(.raciallyMinoritised).label, "Black, Asian or racially minoritised")
        XCTAssertEqual(categories.category(.lgbtPlus).label, "LGBT+")
        for key in DataReturnCategories.Key.allCases {
            for (field, values) in categories.category(key).answers {
                XCTAssertTrue(values.isSubset(of: Set(field.answers)), "\(key) \(field)")
            }
        }
        let white = ["white-british", "white-irish", "white-other"]
        XCTAssertTrue(categories.category(.raciallyMinoritised).answers[.ethnicity]!.isDisjoint(with: white))
        let every = Set(EqualityField.ethnicity.answers).subtracting(white)
        XCTAssertEqual(categories.category(.raciallyMinoritised).answers[.ethnicity], every)
    }

    func testSchemaOffersExactlyTheEqualityChoices() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("schema/case.schema.json"), encoding: .utf8)
        let schema = try JSONParser.parse(text)
        let names: [EqualityField: String] = [
            .ethnicity: "ethnicity", .sexualOrientation: "sexualOrientation", .disability: "disability", .gender: "gender",
        ]
        for field in EqualityField.allCases {
            guard case .array(let values)? = schema["$defs"]?[names[field]!]?["enum"] else { return XCTFail("\(field) has no enum") }
            XCTAssertEqual(values, field.choices.map(JSONValue.string), "\(field)")
            XCTAssertNotNil(schema["properties"]?["victim"]?["properties"]?[field.rawValue]?["description"], "\(field)")
        }
    }

    func testRepositoryOverrideIsUsedAndNamed() throws {
        let root = try DataReturnFixture.write()
        defer { try? FileManager.default.removeItem(at: root) }
        var text = try XCTUnwrap(DefaultFiles.all.first { $0.path == DataReturnCategories.file }?.content)
        text = text.replacingOccurrences(of: "version = \"2026.1\"", with: "version = \"local-1\"")
            .replacingOccurrences(of: "  \"white-gypsy-irish-traveller\", \"white-roma\",", with: "  \"white-gypsy-irish-traveller\", \"white-roma\", \"white-other\",")
            .replacingOccurrences(of: "label = \"LGBT+\"", with: "label = \"LGBT\"")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data-return"), withIntermediateDirectories: true)
        try text.write(to: root.appendingPathComponent(DataReturnCategories.file), atomically: true, encoding: .utf8)
        let r = try DataReturnFixture.report(root)
        XCTAssertEqual(r.settings.categories.version, "local-1")
        XCTAssertEqual(r.settings.categories.origin, "data-return/categories.toml")
        XCTAssertEqual(r.total.inCategory[.raciallyMinoritised], 3)   // A's white-other now counts too
        let md = r.markdown(byMeeting: false, exact: true)
        XCTAssertTrue(md.contains("Categories: version local-1 (data-return/categories.toml)"))
        XCTAssertTrue(md.contains("| % victims: LGBT | 50.0 |"))
    }

    func testBadCategoriesFileIsRefusedWithLineAndColumn() throws {
        let cases: [(String, String)] = [
            // (file text, expected part of the message)
            (valid.replacingOccurrences(of: "\"yes\"", with: "\"declined\""),
             "data-return/categories.toml:13:15: error: item 1 of disabled.disability is declined, which the return counts on its own row"),
            (valid.replacingOccurrences(of: "\"yes\"", with: "\"Yes please\""),
             "data-return/categories.toml:13:15: error: item 1 of disabled.disability is not a disability answer; the answers are: yes, no"),
            (valid.replacingOccurrences(of: "[male]", with: "[men]"), "the table [male] is missing"),
            (valid.replacingOccurrences(of: "version = \"1\"\n", with: ""), "version is missing"),
            ("colour = \"red\"\n" + valid, "data-return/categories.toml:1:1: error: a key this file does not have"),
            (valid + "colour = \"red\"\n", "data-return/categories.toml:18:1: error: male has a key that is not label or an equality field"),
            (valid.replacingOccurrences(of: "[disabled]", with: "[disabled"), "data-return/categories.toml:11:10: error: the data return's categories are not valid TOML"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try DataReturnCategories.parse(Array(text.utf8), origin: "test")) { error in
                let message = (error as? RepositoryError)?.reportLine ?? "\(error)"
                XCTAssertTrue(message.contains(expected), message)
                XCTAssertFalse(message.contains("Yes please"), "no value echoed")
            }
        }
        XCTAssertNoThrow(try DataReturnCategories.parse(Array(valid.utf8), origin: "test"))
    }

    func testStatsRefusesABadOverrideWithExitTwo() throws {
        let root = try DataReturnFixture.write()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data-return"), withIntermediateDirectories: true)
        try valid.replacingOccurrences(of: "\"yes\"", with: "\"not-known\"")
            .write(to: root.appendingPathComponent(DataReturnCategories.file), atomically: true, encoding: .utf8)
        let result = try runProduct("mfile", ["stats", "--quarter", "2026Q3"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("mfile stats: data-return/categories.toml:13:15: error: item 1 of disabled.disability is not-known"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testInitKeepsTheCategoriesBuiltInAndMarksThePolice() throws {
        let folder = try makeTemporaryDirectory("mfile-init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runProduct("mfile", ["init", "records", "--profile", "gwent", "--first-meeting", "2026-01-08"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let marac = try String(contentsOf: folder.appendingPathComponent("records/marac.toml"), encoding: .utf8)
        XCTAssertTrue(marac.contains("id = \"police\"\nname = \"Police\"\nkind = \"police\"\ncore = true\n"), marac)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/data-return").path))
        let stats = try runProduct("mfile", ["stats", "--quarter", "2026Q1", "--format", "json"], in: folder.appendingPathComponent("records"))
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertEqual(try JSONParser.parse(stats.stdout)["categories"]?["origin"], .string("built in"))
    }

    private let valid = """
        version = "1"

        [racially_minoritised]
        label = "Black, Asian or racially minoritised"
        ethnicity = ["black-african"]

        [lgbt_plus]
        label = "LGBT+"
        sexual_orientation = ["gay"]

        [disabled]
        label = "with a disability"
        disability = ["yes"]

        [male]
        label = "male"
        gender = ["male"]

        """
}
