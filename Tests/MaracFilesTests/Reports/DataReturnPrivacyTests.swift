import Foundation
import XCTest

/// `stats` output leaves the team: no value from a record may appear in it, in any format, and
/// lint rejects an equality answer off the list by naming the choices, never the value.
final class DataReturnPrivacyTests: XCTestCase {
    func testNoRecordValueAppearsInAnyStatsOutput() throws {
        let root = try DataReturnFixture.write()
        defer { try? FileManager.default.removeItem(at: root) }
        for format in ["md", "csv", "json"] {
            for extra in [[], ["--by", "meeting"], ["--exact"], ["--by", "meeting", "--exact"]] {
                let arguments = ["stats", "--from", "2026-01-01", "--to", "2026-12-31", "--as-of", "2026-12-31", "--format", format] + extra
                let result = try runProduct("mfile", arguments, in: root)
                XCTAssertEqual(result.status, 0, result.stderr)
                let text = result.stdout + result.stderr
                XCTAssertFalse(text.isEmpty)
                for canary in DataReturnFixture.canaries + ["Person", "White British", "1990-05-05", "2008-09-01", "2026-06-20"] {
                    XCTAssertFalse(text.contains(canary), "\(canary) in \(arguments.joined(separator: " "))")
                }
            }
        }
    }

    func testAMeetingsUnknownMaracIsNotPrinted() throws {
        let root = try DataReturnFixture.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("meetings/2026/2026-09-17-east.toml")
        try replaceLine(in: file, containing: "marac = \"east\"", with: "marac = \"CANARYMARAC\"")
        let result = try runProduct("mfile", ["stats", "--quarter", "2026Q3", "--by", "meeting", "--format", "csv", "--as-of", "2026-12-31"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("CANARYMARAC"))
        XCTAssertTrue(result.stdout.contains("\n2026-09-17,,<5,"), result.stdout)
    }

    func testLintRejectsAnEqualityAnswerOffTheListWithTheChoices() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("cases/2026/2026-EXMP-001.toml")
        let ethnicity = try replaceLine(in: file, containing: "ethnicity =", with: "ethnicity = \"CANARY Not known\"")
        let orientation = try replaceLine(in: file, containing: "sexual_orientation =", with: "sexual_orientation = \"CANARY Prefer not to say\"")
        let disability = try replaceLine(in: file, containing: "disability =", with: "disability = \"CANARY Not disclosed\"")
        let gender = try replaceLine(in: file, containing: "gender = \"female\"", with: "gender = \"CANARY woman\"")
        let result = try runProduct("mfile", ["lint"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse((result.stdout + result.stderr).contains("CANARY"))
        let place = "cases/2026/2026-EXMP-001.toml"
        for (line, field, choices) in [
            (ethnicity, "victim.ethnicity", "white-british, white-irish"),
            (orientation, "victim.sexual_orientation", "heterosexual, lesbian, gay, bisexual, other, declined, not-known"),
            (disability, "victim.disability", "yes, no, declined, not-known"),
            (gender, "victim.gender", "female, male, trans-woman, trans-man, non-binary, other, declined, not-known"),
        ] {
            let finding = result.stdout.split(separator: "\n").first { $0.hasPrefix("\(place):\(line):") }
            XCTAssertNotNil(finding, "\(field) at line \(line): \(result.stdout)")
            XCTAssertTrue(finding?.contains(field) ?? false, String(finding ?? ""))
            XCTAssertTrue(finding?.contains(choices) ?? false, String(finding ?? ""))
        }
    }
}
