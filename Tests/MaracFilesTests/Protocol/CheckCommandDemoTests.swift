import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracProtocol

/// `mfile check`, `schedule`, `calendar` and `rules` on the demo repository at the package root.
final class CheckCommandDemoTests: XCTestCase {
    private var root: URL { TestPaths.packageRoot }

    private func mfile(_ arguments: [String]) throws -> CommandResult {
        try runProduct("mfile", arguments, in: root)
    }

    /// The breaches planted in DEMO.md ("exactly these six"), and the three flags DEMO.md
    /// lists as due to be lifted (`flag-expired`). The minutes of 2026-11-05, not approved,
    /// are no breach: no protocol sets a time for the chair's approval.
    static let planted: [(rule: String, caseID: String?, meeting: String?, agency: String?, due: String)] = [
        ("idva-referral-late", "2026-EXMP-009", nil, nil, "2026-09-10"),                        // 1
        ("agenda-late", nil, "2026-10-01-north", nil, "2026-09-24"),                            // 2
        ("action-overdue", "2026-EXMP-012", "2026-11-05-north", "housing", "2026-11-19"),       // 3
        ("action-no-update", "2026-EXMP-011", "2026-11-05-north", "children", "2026-11-12"),    // 4
        ("transfer-out-late", "2026-EXMP-003", nil, nil, "2026-10-15"),                         // 5
        ("written-information-missing", nil, "2026-09-03-north", "substance", "2026-09-03"),    // 6
        ("flag-expired", "2025-EXMP-006", nil, nil, "2026-08-18"),
        ("flag-expired", "2025-EXMP-009", nil, nil, "2026-10-20"),
        ("flag-expired", "2025-EXMP-011", nil, nil, "2026-11-10"),
    ]

    func testDemoBreachesAsOf20261123() throws {
        let result = try mfile(["check", "--as-of", "2026-11-23", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try JSONParser.parse(result.stdout)
        guard case .array(let breaches)? = report["breaches"] else { return XCTFail("no breaches array") }
        func text(_ value: JSONValue?) -> String? { if case .string(let s)? = value { s } else { nil } }
        let found = breaches.map { "\(text($0["rule"])!) \(text($0["case"]) ?? "-") \(text($0["meeting"]) ?? "-") \(text($0["agency"]) ?? "-") \(text($0["due"])!)" }
        let expected = Self.planted.map { "\($0.rule) \($0.caseID ?? "-") \($0.meeting ?? "-") \($0.agency ?? "-") \($0.due)" }
        XCTAssertEqual(found.sorted(), expected.sorted())
        XCTAssertEqual(report["count"], .integer(9))
        guard case .array(let linked)? = report["linked"] else { return XCTFail("no linked array") }
        XCTAssertEqual(linked, [.object([("cases", .array([.string("2025-EXMP-014"), .string("2026-EXMP-011")])), ("kind", .string("same-perpetrator"))])])
    }

    func testDemoTextLinesAndGroupings() throws {
        let result = try mfile(["check", "--as-of", "2026-11-23"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains(
            "2026-EXMP-009  idva-referral-late  referral[1]  due 2026-09-10  done late  2 working days late  [West Midlands MARAC Partnership Operating Protocol §9]"),
            result.stdout)
        XCTAssertTrue(lines.contains(
            "2026-EXMP-003  transfer-out-late  transfer[1]  due 2026-10-15  done late  2 working days late  [West Midlands MARAC Partnership Operating Protocol §18]"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("2026-10-01-north  agenda-late  due 2026-09-24  done late  2 working days late") })
        let keys = lines.filter { !$0.contains("linked-case") }.map { String($0.split(separator: " ")[0]) }
        XCTAssertEqual(keys, keys.sorted(), "grouped by case, then meeting id")
        XCTAssertEqual(lines.last, "2025-EXMP-014  2026-EXMP-011  linked-case  same-perpetrator  (reported, not a breach)")
        XCTAssertTrue(result.stderr.contains("9 breaches as of 2026-11-23"))

        let byAgency = try mfile(["check", "--as-of", "2026-11-23", "--by", "agency"])
        let headings = byAgency.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.contains("linked-case") }
        XCTAssertEqual(headings, ["children: 1 to chase", "housing: 1 to chase", "marac-team: 6 to chase", "substance: 1 to chase"])
        XCTAssertTrue(byAgency.stdout.contains(
            "housing: 1 to chase\n  action 2  case 2026-EXMP-012  meeting 2026-11-05-north  action-overdue  due 2026-11-19  not done  4 days late  ["),
            byAgency.stdout)
        XCTAssertEqual(try mfile(["check", "--as-of", "2026-11-23", "--by", "agency"]).stdout, byAgency.stdout, "stable")
        let byMeeting = try mfile(["check", "--as-of", "2026-11-23", "--by", "meeting"])
        XCTAssertTrue(byMeeting.stdout.contains("2026-11-05-north  action-overdue  action 2  case 2026-EXMP-012  agency housing  due 2026-11-19"))
    }

    /// The Friday chasing list (issue 15, item 7): on 15 December action 6 of 2026-11-05 is
    /// both past its due date and without an update: one line, both breaches, counted once.
    func testChasingListGivesOneLinePerAction() throws {
        let result = try mfile(["check", "--as-of", "2026-12-15", "--by", "agency"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let action6 = lines.filter { $0.hasPrefix("  action 6  case 2026-EXMP-011") }
        XCTAssertEqual(action6, [
            "  action 6  case 2026-EXMP-011  meeting 2026-11-05-north  action-no-update  due 2026-11-12  not done  33 days late  [West Midlands MARAC Partnership Operating Protocol §12]; action-overdue  due 2026-12-10  not done  5 days late  [West Midlands MARAC Partnership Operating Protocol §8, §12]",
        ])
        let children = try XCTUnwrap(lines.firstIndex(of: "children: 2 to chase"), result.stdout)
        XCTAssertEqual(lines[children + 1], action6[0], "under its agency, earliest due first")
        XCTAssertTrue(lines[children + 2].hasPrefix("  action 1  case 2026-EXMP-012"))
        XCTAssertTrue(lines.contains("housing: 2 to chase"))
        let json = try JSONParser.parse(try mfile(["check", "--as-of", "2026-12-15", "--by", "agency", "--format", "json"]).stdout)
        guard case .array(let chasing)? = json["chasing"] else { return XCTFail("no chasing list") }
        XCTAssertEqual(chasing.first?["agency"], .string("children"))
        XCTAssertEqual(chasing.first?["count"], .integer(2))
    }

    func testDemoHasNoPersonalValuesInOutput() throws {
        let outputs = try [
            mfile(["check", "--as-of", "2026-11-23"]), mfile(["check", "--as-of", "2026-11-23", "--format", "json"]),
            mfile(["check", "--as-of", "2026-11-23", "--by", "agency"]),
        ]
        for output in outputs {
            // Names, places, and dates the records hold that are not deadlines (done dates).
            for name in ["Grace", "Oyelaran", "Hartley", "Okafor", "Leanne", "Sampleshire", "Proudfoot", "Example Town",
                         "2026-09-14", "2026-10-19", "2026-09-28", "2026-09-09", "2026-10-12"] {
                XCTAssertFalse(output.stdout.contains(name) || output.stderr.contains(name), name)
            }
        }
    }

    func testCleanDateExitsZeroAndBadArgumentsExitTwo() throws {
        let clean = try mfile(["check", "--as-of", "2026-08-01"])
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertTrue(clean.stderr.contains("0 breaches"))
        XCTAssertEqual(try mfile(["check", "--as-of", "2026-13-01"]).status, 2)
        XCTAssertEqual(try mfile(["check", "--by", "person"]).status, 2)
        XCTAssertEqual(try mfile(["check", "--today", "2026-11-23"]).status, 2, "one spelling only: --as-of")
    }

    func testScheduleCalendarAndRulesOnTheDemo() throws {
        let schedule = try mfile(["schedule", "--year", "2026"])
        XCTAssertEqual(schedule.status, 0, schedule.stderr)
        XCTAssertEqual(schedule.stdout.split(separator: "\n").first.map(String.init),
                       "2026-08-06  Thursday   north  referral cut-off 2026-07-27  agenda 2026-07-27 to 2026-07-30")
        XCTAssertTrue(schedule.stdout.contains("2026-12-03  Thursday   north  referral cut-off 2026-11-23  agenda 2026-11-23 to 2026-11-26"))
        let ics = try mfile(["schedule", "--year", "2027", "--format", "ics"])
        XCTAssertTrue(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertEqual(ics.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1, 36)
        let json = try JSONParser.parse(try mfile(["schedule", "--year", "2027", "--format", "json"]).stdout)
        guard case .array(let meetings)? = json["meetings"] else { return XCTFail() }
        XCTAssertEqual(meetings.count, 12)
        XCTAssertEqual(meetings.first?["date"], .string("2027-01-07"))

        let calendar = try mfile(["calendar", "--year", "2026"])
        XCTAssertEqual(calendar.status, 0)
        XCTAssertTrue(calendar.stdout.contains("2026-12-24  Thursday   closure"))
        XCTAssertTrue(calendar.stdout.contains("2026-12-28  Monday     Boxing Day (substitute day)"))
        XCTAssertEqual(calendar.stdout.split(separator: "\n").count, 9)
        XCTAssertEqual(try mfile(["calendar"]).status, 2)

        let rules = try mfile(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.hasPrefix("Protocol profile: west-midlands (West Midlands)\n"))
        XCTAssertTrue(rules.stdout.contains("minutes_approval_days"))
        let rulesJSON = try JSONParser.parse(try mfile(["rules", "--format", "json"]).stdout)
        guard case .array(let entries)? = rulesJSON["rules"] else { return XCTFail() }
        XCTAssertEqual(entries.count, RuleID.checked.count)
    }

    func testBadRulesAreAConfigurationErrorWithPosition() throws {
        let parent = try makeTemporaryDirectory("check-rules")
        defer { try? FileManager.default.removeItem(at: parent) }
        let init_ = try runProduct("mfile", ["init", "repo", "--profile", "gwent"], in: parent)
        let folder = parent.appendingPathComponent("repo")
        guard init_.status == 0 else { throw TestSetupError("mfile init failed: \(init_.stderr)") }
        let config = folder.appendingPathComponent("marac.toml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "[rules]", with: "[rules]\nidva_referal = 2")
        try text.write(to: config, atomically: true, encoding: .utf8)
        for command in [["check"], ["rules"], ["schedule", "--year", "2026"], ["calendar", "--year", "2026"]] {
            let result = try runProduct("mfile", command, in: folder)
            XCTAssertEqual(result.status, 2, command.joined())
            XCTAssertTrue(result.stderr.range(of: #"marac\.toml:\d+:\d+: unknown rule"#, options: .regularExpression) != nil, result.stderr)
        }
    }
}
