import Foundation
import XCTest

/// Issue 15 item 3, through the `mfile` binary: the agenda carries what the seeds ask (who
/// referred, linked cases, time, venue, circulation, the handling statement, the actions still
/// outstanding) and a past meeting's agenda renders as of that meeting, whatever happens later.
final class PapersAsOfMeetingTests: XCTestCase {
    private func agenda(_ meeting: String, _ root: URL, format: String = "md") throws -> String {
        let result = try runProduct("mfile", ["render", "agenda", meeting, "--format", format], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testTheAgendaCarriesWhatTheSeedsAsk() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let november = root.appendingPathComponent("meetings/2026/2026-11-05-north.toml")
        try replaceLine(in: november, containing: "chair = ", with: "chair = \"DCI Andrew Pennock\"\ntime = 10:00:00\nvenue = \"Example Civic Centre, Room 4\"")

        let md = try agenda("2026-11-05-north", root)
        XCTAssertTrue(md.contains("Meeting: 2026-11-05-north, starting 10:00, at Example Civic Centre, Room 4. Circulated: Wednesday 28 October 2026. Cases: 5, from 10:00."), md)
        // 004: "It will also tell you who has made the referral and whether the case is a repeat."
        XCTAssertTrue(md.contains("Referred by: Mark Fennell, Senior Probation Officer, Example Probation Service (received 2026-10-05)"), md)
        XCTAssertTrue(md.contains("### 2. Case 2026-EXMP-011 [LINKED]"), md)
        XCTAssertTrue(md.contains("Linked cases: 2025-EXMP-014 (same perpetrator)."), md)
        // Actions 3 and 8 of 2026-10-01 were outstanding on 5 November.
        let earlier = try XCTUnwrap(md.components(separatedBy: "## Outstanding actions from earlier meetings").dropFirst().first?
            .components(separatedBy: "## Timetable").first)
        XCTAssertTrue(earlier.contains("| 3 | 2026-10-01 | 2026-EXMP-009 |") && earlier.contains("| 8 | 2026-10-01 | 2026-EXMP-010 |"), earlier)
        XCTAssertFalse(md.contains("> "), "the West Midlands protocol gives no handling statement")

        let html = try agenda("2026-11-05-north", root, format: "html")
        XCTAssertTrue(html.contains("<dt>Venue</dt><dd>Example Civic Centre, Room 4</dd>"), html)
        XCTAssertTrue(html.contains("<dt>Starts</dt><dd>10:00</dd>"))
        XCTAssertTrue(html.contains("<dt>Linked cases</dt><dd>2025-EXMP-014 (same perpetrator)</dd>"))

        // Not yet circulated: the last day it may go out; no earlier actions outstanding.
        let december = try agenda("2026-12-03-north", root)
        XCTAssertTrue(december.contains("Circulated: due by Thursday 26 November 2026."), december)
        let september = try agenda("2026-09-03-north", root)
        XCTAssertTrue(september.contains("## Outstanding actions from earlier meetings\n\nNone."), september)
        // 2026-EXMP-011 (linked to 2025-EXMP-014) was referred on 5 October: not yet linked on 3 September.
        XCTAssertFalse(september.contains("LINKED"), september)
    }

    /// Gwent's protocol sends its warning with every agenda (001 §4.5); marac.toml may give its
    /// own statement, or none.
    func testTheHandlingStatement() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = root.appendingPathComponent("marac.toml")
        try replaceLine(in: configuration, containing: "profile = ", with: "profile = \"gwent\"")
        let gwent = try agenda("2026-11-05-north", root)
        XCTAssertTrue(gwent.contains("> Please note that the information you have received in this email relates to people who have been identified as being at high risk of harm"), gwent)
        XCTAssertTrue(gwent.contains("refer to the MARAC ISP for guidance."))

        try replaceLine(in: configuration, containing: "marking = ", with: "marking = \"OFFICIAL-SENSITIVE\"\nhandling_statement = \"Keep this agenda on a secure device and delete it after the meeting.\"")
        XCTAssertEqual(try runProduct("mfile", ["lint", "marac.toml"], in: root).status, 0, "the schema knows handling_statement")
        let own = try agenda("2026-11-05-north", root)
        XCTAssertTrue(own.contains("> Keep this agenda on a secure device and delete it after the meeting."), own)
        XCTAssertFalse(own.contains("Please note that the information"))
        let html = try agenda("2026-11-05-north", root, format: "html")
        XCTAssertTrue(html.contains("<section class=\"handling\">\n<p>Keep this agenda on a secure device and delete it after the meeting.</p>"), html)

        try replaceLine(in: configuration, containing: "handling_statement = ", with: "handling_statement = \"\"")
        XCTAssertFalse(try agenda("2026-11-05-north", root).contains("> "), "an empty statement: none")
    }

    /// Re-rendering the December agenda after later events gives the same bytes: the case is
    /// transferred out on 14 December, a repeat arrives on 20 December, a new case shares its
    /// perpetrator in January, and an action outstanding on 3 December is completed on the 10th.
    func testAPastAgendaRendersAsOfItsMeeting() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try agenda("2026-12-03-north", root)
        let beforeHTML = try agenda("2026-12-03-north", root, format: "html")
        XCTAssertTrue(before.contains("| 1 | 2026-11-05 | 2026-EXMP-012 |"), "action 1 of 5 November is outstanding on 3 December\n\(before)")

        let olivia = root.appendingPathComponent("cases/2026/2026-EXMP-015.toml")
        try replaceLine(in: olivia, containing: "status = \"open\"", with: "status = \"transferred-out\"")
        var text = try String(contentsOf: olivia, encoding: .utf8)
        text += """

            [[referral]]
            received = 2026-12-20
            agency = "police"
            referrer = "PC 0876 Sam Ibbotson"
            incident = 2026-12-19
            risk_tool = "dash"
            risk_score = 22
            criteria = ["visible-high-risk", "repeat"]
            consent = "given"
            decision = "accepted"
            idva_referred = 2026-12-20

            [[transfer]]
            direction = "out"
            notified = 2026-12-14
            sent = 2026-12-15
            to = "Sampleshire MARAC"

            """
        try text.write(to: olivia, atomically: true, encoding: .utf8)
        let later = root.appendingPathComponent("cases/2027/2027-EXMP-001.toml")
        try FileManager.default.createDirectory(at: later.deletingLastPathComponent(), withIntermediateDirectories: true)
        var newCase = try String(contentsOf: root.appendingPathComponent("cases/2026/2026-EXMP-007.toml"), encoding: .utf8)
        newCase = newCase.replacingOccurrences(of: "2026-EXMP-007", with: "2027-EXMP-001")
        try newCase.write(to: later, atomically: true, encoding: .utf8)
        try replaceLine(in: later, containing: "received = ", with: "received = 2027-01-05")
        try replaceLine(in: later, containing: "name = \"", with: "name = \"Someone Else\"")
        // The new case's perpetrator is the December case's.
        let perpetrator = try lineNumber(in: later, containing: "[[perpetrator]]")
        var lines = try String(contentsOf: later, encoding: .utf8).components(separatedBy: "\n")
        lines[perpetrator] = "name = \"Callum Rudd\""
        lines[perpetrator + 1] = "dob = 1999-04-04"
        try lines.joined(separator: "\n").write(to: later, atomically: true, encoding: .utf8)
        let november = root.appendingPathComponent("meetings/2026/2026-11-05-north.toml")
        let action1 = try lineNumber(in: november, containing: "  id = 1")
        lines = try String(contentsOf: november, encoding: .utf8).components(separatedBy: "\n")
        let status = try XCTUnwrap((action1..<lines.count).first { lines[$0].hasPrefix("  status = ") })
        lines[status] = "  status = \"complete\"\n  completed = 2026-12-10"
        try lines.joined(separator: "\n").write(to: november, atomically: true, encoding: .utf8)

        let links = try runProduct("mfile", ["links"], in: root)
        XCTAssertTrue(links.stdout.contains("2026-EXMP-015") && links.stdout.contains("2027-EXMP-001"), "the later case is linked now\n\(links.stdout)")
        XCTAssertTrue(try agenda("2026-11-05-north", root).contains("2026-EXMP-012"))
        XCTAssertEqual(try agenda("2026-12-03-north", root), before)
        XCTAssertEqual(try agenda("2026-12-03-north", root, format: "html"), beforeHTML)
    }
}
