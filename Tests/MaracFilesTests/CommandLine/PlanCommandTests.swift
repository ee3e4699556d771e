import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracRepository

/// Issue 15 item 1, through the `mfile` binary: `mfile plan MEETING` lists every case that
/// belongs on a meeting, in agenda order with the cap and the overflow, and `--apply` writes
/// their hearings, keeping the rest of the file byte for byte; a second run changes nothing.
final class PlanCommandTests: XCTestCase {
    /// The demo's December meeting: its two listed cases, and 2026-EXMP-009, whose action 3 of
    /// 2026-10-01 came back incomplete and was not heard in November.
    func testTheDemoDecemberMeetingDryRunApplyAndAgain() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("meetings/2026/2026-12-03-north.toml")
        let before = try Data(contentsOf: file)

        let dry = try runProduct("mfile", ["plan", "2026-12-03-north"], in: root)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, """
            2026-12-03-north  meetings/2026/2026-12-03-north.toml  referral cut-off 2026-11-23
              1  2026-EXMP-015  with-children  listed  referral[1] accepted 2026-11-09
              2  2026-EXMP-009  with-children  to add  action 3 of 2026-10-01-north came back incomplete; not heard at 2026-11-05-north, where it was due
              3  2026-EXMP-016  without-children  closed session  listed  referral[1] accepted 2026-11-16
            2 cases heard, cap 25

            """)
        XCTAssertTrue(dry.stderr.contains("Nothing was changed; add the 1 hearing with 'mfile plan 2026-12-03-north --apply'."), dry.stderr)
        XCTAssertEqual(try Data(contentsOf: file), before, "a dry run changes nothing")
        XCTAssertEqual(try runProduct("mfile", ["plan", "2026-12-03"], in: root).stdout, dry.stdout, "the meeting by its date")

        let applied = try runProduct("mfile", ["plan", "2026-12-03-north", "--apply"], in: root)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stderr.contains("added 1 hearing to meetings/2026/2026-12-03-north.toml"), applied.stderr)
        let after = try String(contentsOf: file, encoding: .utf8)
        let old = String(decoding: before, as: UTF8.self)
        XCTAssertTrue(after.hasPrefix(old), "every byte before is kept")
        XCTAssertEqual(String(after.dropFirst(old.count)).trimmingCharacters(in: .newlines),
                       "[[hearing]]\ncase = \"2026-EXMP-009\"\npresented_by = \"police\"")
        let again = try runProduct("mfile", ["plan", "2026-12-03-north", "--apply"], in: root)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("nothing to add"), again.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), after, "a second run changes nothing")
        XCTAssertTrue(again.stdout.contains("  2  2026-EXMP-009  with-children  listed  action 3 of 2026-10-01-north"), again.stdout)

        let lint = try runProduct("mfile", ["lint", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(lint.status, 0, lint.stdout)
        let agenda = try runProduct("mfile", ["render", "agenda", "2026-12-03-north", "--format", "md"], in: root)
        XCTAssertTrue(agenda.stdout.contains("### 2. Case 2026-EXMP-009"), agenda.stdout)

        let json = try JSONParser.parse(try runProduct("mfile", ["plan", "2026-12-03-north", "--format", "json"], in: root).stdout)
        XCTAssertEqual(json["to_add"], .integer(0))
        guard case .array(let cases)? = json["cases"] else { return XCTFail() }
        XCTAssertEqual(cases.map { $0["case"] }, [.string("2026-EXMP-015"), .string("2026-EXMP-009"), .string("2026-EXMP-016")])
        XCTAssertEqual(cases[2]["counts_towards_cap"], .bool(false), "a closed-session case is not counted")
    }

    /// The outgoing transfer listed for information in November (004), the transfer in and
    /// Clare's Law request in their places.
    func testTheDemoNovemberMeeting() throws {
        let result = try runProduct("mfile", ["plan", "2026-11-05-north"], in: TestPaths.packageRoot)
        XCTAssertTrue(result.stdout.contains("  1  2026-EXMP-012  with-children  listed  transfer in, referral[1] accepted 2026-10-14"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  6  2026-EXMP-003  transfers-out  listed  transferred out, notified 2026-10-12 (for information)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  5  2026-EXMP-013  clares-law  listed  referral[1] accepted 2026-10-19"))
    }

    /// A new West Midlands repository, fortnightly from 7 January 2027: 24 cases referred for
    /// 21 January, one heard at an emergency MARAC on 8 January, one whose action of 7
    /// January came back incomplete, one transferred out, one closed, one referred after the
    /// cut-off. 26 cases count towards the cap of 25: the lowest risk goes past it, for the
    /// chair; the outgoing transfer is listed last, for information.
    func testEveryReasonTheCapAndANewMeetingFile() throws {
        let parent = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        XCTAssertEqual(try runProduct("mfile", ["init", "r", "--profile", "west-midlands", "--first-meeting", "2027-01-07"], in: parent).status, 0)
        let root = parent.appendingPathComponent("r")
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let words = ["Ash", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gorse", "Hazel", "Ivy", "Juniper", "Kale", "Larch", "Maple",
                     "Nettle", "Oak", "Poplar", "Quince", "Rowan", "Sorrel", "Teasel", "Umber", "Vetch", "Willow", "Yarrow",
                     "Zinnia", "Alder", "Bracken", "Clover", "Daisy", "Fennel"]
        func caseText(_ n: Int, received: String, score: Int, children: Bool, extra: String = "") -> String {
            """
            id = "2027-TEST-\(String(format: "%03d", n))"
            marac = "main"
            status = "open"
            session = "open"
            \(extra)
            [victim]
            name = "Canary \(words[n]) Victim"
            dob = \(1960 + n)-03-01
            gender = "female"
            address = "1 Canary Street"
            ethnicity = "white-british"
            sexual_orientation = "heterosexual"
            disability = "no"

            [[perpetrator]]
            name = "Canary \(words[n]) Abuser"
            dob = \(1950 + n)-05-01
            relationship = "ex-partner"
            \(children ? "\n[[child]]\nname = \"Canary \(words[n]) Child\"\ndob = 2020-01-01\nin_household = true\n" : "")
            [[referral]]
            received = \(received)
            agency = "police"
            referrer = "PC Canary"
            incident = \(received)
            risk_tool = "dash"
            risk_score = \(score)
            criteria = ["visible-high-risk"]
            consent = "given"
            decision = "accepted"
            idva_referred = \(received)

            """
        }
        for n in 1...24 {
            try write("cases/2027/2027-TEST-\(String(format: "%03d", n)).toml",
                      caseText(n, received: "2027-01-04", score: n == 7 ? 14 : 15 + n, children: n % 2 == 0))
        }
        // 25: heard at the emergency MARAC of 8 January; 26: action 1 of 7 January incomplete.
        try write("cases/2026/2027-TEST-025.toml", caseText(25, received: "2026-12-20", score: 20, children: false))
        try write("cases/2026/2027-TEST-026.toml", caseText(26, received: "2026-12-18", score: 20, children: true))
        // 27: transferred out, notified 5 January; 28: closed 15 January; 29: referred after the cut-off.
        try write("cases/2027/2027-TEST-027.toml", caseText(27, received: "2027-01-04", score: 30, children: false, extra: "")
            + "\n[[transfer]]\ndirection = \"out\"\nnotified = 2027-01-05\nto = \"Canary MARAC\"\n")
        try write("cases/2027/2027-TEST-028.toml", caseText(28, received: "2027-01-04", score: 30, children: false, extra: "closed = 2027-01-15\n"))
        try write("cases/2027/2027-TEST-029.toml", caseText(29, received: "2027-01-12", score: 30, children: false))
        try write("meetings/2027/2027-01-08-main.toml", """
            marac = "main"
            date = 2027-01-08
            kind = "emergency"

            [[hearing]]
            case = "2027-TEST-025"

            """)
        try write("meetings/2027/2027-01-07-main.toml", """
            marac = "main"
            date = 2027-01-07
            kind = "scheduled"

            [[hearing]]
            case = "2027-TEST-026"

              [[hearing.action]]
              id = 1
              agency = "housing"
              owner = "Canary Officer"
              text = "Canary action"
              due = 2027-01-14
              status = "incomplete"
              updated = 2027-01-08

            """)

        let plan = try runProduct("mfile", ["plan", "2027-01-21"], in: root)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let lines = plan.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "2027-01-21-main  meetings/2027/2027-01-21-main.toml (not started yet)  referral cut-off 2027-01-11")
        let numbered = lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("  -") }
        XCTAssertEqual(numbered.count, 26, plan.stdout)
        XCTAssertTrue(lines.contains("25 cases heard, cap 25; 1 over the cap, for the chair to prioritise by risk:"), plan.stdout)
        XCTAssertEqual(lines.last, "  -  2027-TEST-007  without-children  to add  referral[1] accepted 2027-01-04", "the lowest risk is past the cap")
        XCTAssertTrue(plan.stdout.contains("2027-TEST-025  without-children  to add  heard at emergency MARAC 2027-01-08-main"), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("2027-TEST-026  with-children  to add  action 1 of 2027-01-07-main came back incomplete"), plan.stdout)
        XCTAssertTrue(numbered.last?.contains("2027-TEST-027  transfers-out  to add  transferred out, notified 2027-01-05 (for information)") ?? false, plan.stdout)
        XCTAssertFalse(plan.stdout.contains("2027-TEST-028"), "closed before the meeting")
        XCTAssertFalse(plan.stdout.contains("2027-TEST-029"), "after the cut-off: the next meeting")
        let sections = numbered.map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }
        XCTAssertEqual(sections, sections.sorted { ["with-children", "without-children", "transfers-out"].firstIndex(of: String($0))! < ["with-children", "without-children", "transfers-out"].firstIndex(of: String($1))! },
                       "children first, outgoing transfers last")
        XCTAssertFalse(plan.stdout.contains("Canary") || plan.stderr.contains("Canary"), "ids and dates only")
        XCTAssertTrue(try runProduct("mfile", ["plan", "2027-02-04"], in: root).stdout.contains("2027-TEST-029  without-children  to add  referral[1] accepted 2027-01-12"))

        let applied = try runProduct("mfile", ["plan", "2027-01-21", "--apply"], in: root)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stderr.contains("added 27 hearings to meetings/2027/2027-01-21-main.toml"), applied.stderr)
        let written = try String(contentsOf: root.appendingPathComponent("meetings/2027/2027-01-21-main.toml"), encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("marac = \"main\"\ndate = 2027-01-21\nkind = \"scheduled\""), written)
        XCTAssertEqual(written.components(separatedBy: "[[hearing]]\ncase = ").count - 1, 27)
        let again = try runProduct("mfile", ["plan", "2027-01-21", "--apply"], in: root)
        XCTAssertTrue(again.stderr.contains("nothing to add"), again.stderr)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("meetings/2027/2027-01-21-main.toml"), encoding: .utf8), written)
        let agenda = try runProduct("mfile", ["render", "agenda", "2027-01-21", "--format", "md"], in: root)
        XCTAssertTrue(agenda.stdout.contains("Over the limit of 25 cases"), agenda.stdout)
        XCTAssertTrue(agenda.stdout.contains("| 2027-TEST-007 |"), "the agenda's overflow is the plan's")
    }

    func testUnknownMeetingsAndLockedRecords() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let none = try runProduct("mfile", ["plan", "2026-12-10"], in: root)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no meeting on 2026-12-10 in meetings/ or in the schedule of marac.toml; 'mfile schedule' lists the meeting dates"), none.stderr)
        let name = try runProduct("mfile", ["plan", "Jane Smith"], in: root)
        XCTAssertEqual(name.status, 2)
        XCTAssertFalse(name.stderr.contains("Jane"), name.stderr)
        XCTAssertEqual(try runProduct("mfile", ["plan"], in: root).status, 2)
        let scheduled = try runProduct("mfile", ["plan", "2027-01-07"], in: root)
        XCTAssertTrue(scheduled.stdout.hasPrefix("2027-01-07-north  meetings/2027/2027-01-07-north.toml (not started yet)"), scheduled.stdout)

        // Another command changing the records: --apply waits for nothing and changes nothing.
        let file = root.appendingPathComponent("meetings/2026/2026-12-03-north.toml")
        let before = try Data(contentsOf: file)
        let lock = try RepositoryLock.acquire(root: root)
        let locked = try runProduct("mfile", ["plan", "2026-12-03-north", "--apply"], in: root)
        withExtendedLifetime(lock) {}
        XCTAssertEqual(locked.status, 2)
        XCTAssertTrue(locked.stderr.contains("another mfile command is changing these records"), locked.stderr)
        XCTAssertEqual(try Data(contentsOf: file), before)
    }
}
