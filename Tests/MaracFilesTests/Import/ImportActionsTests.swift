import Foundation
import XCTest

/// Actions go into the meeting they were agreed at, under their case's hearing: into a
/// meeting file that exists (the rest of it kept byte for byte) or one started for them.
final class ImportActionsTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try ImportFixtures.demo(with: [
            "cases.csv": ImportFixtures.csv([ImportFixtures.caseHeader, ImportFixtures.caseRow("SB-1")]),
            "map.toml": ImportFixtures.caseMap,
            "actions-map.toml": ImportFixtures.actionMap,
        ])
        let cases = try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml", "--apply"], in: root)
        XCTAssertEqual(cases.status, 0, cases.stdout + cases.stderr)
        // A demo case the MARAC had a reference for too.
        try replaceLine(in: root.appendingPathComponent("cases/2026/2026-EXMP-013.toml"), containing: "id = \"2026-EXMP-013\"",
                        with: "id = \"2026-EXMP-013\"\nreference = \"SB-OLD\"")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func importActions(_ rows: [[String]], _ extra: [String] = []) throws -> CommandResult {
        try Data(ImportFixtures.csv([ImportFixtures.actionHeader] + rows).utf8).write(to: root.appendingPathComponent("import/actions.csv"))
        return try ImportFixtures.mfile(["import", "actions", "import/actions.csv", "--map", "import/actions-map.toml"] + extra, in: root)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func testAMissingMeetingFileIsStartedWithTheHearingAndItsActions() throws {
        let result = try importActions([
            ["02/07/2026", "SB-1", "Offer the victim IDVA support", "IDVA", "Sophie Clarke", "09/07/2026", "Done", "03/07/2026", ""],
            ["02/07/2026", "SB-1", "Share the address history with housing", "police", "DS Karen Holloway", "16/07/2026", "", "", ""],
        ], ["--apply"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("row 2: create action 1 of case 2025-"), result.stdout)
        XCTAssertTrue(result.stdout.contains("at meeting 2026-07-02-north (meetings/2026/2026-07-02-north.toml, a new meeting file)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 3: create action 2 of case 2025-"), result.stdout)
        let meeting = try text("meetings/2026/2026-07-02-north.toml")
        XCTAssertTrue(meeting.contains("marac = \"north\"\ndate = 2026-07-02\nkind = \"scheduled\"\n\n[[hearing]]\ncase = \"2025-"), meeting)
        XCTAssertEqual(meeting.components(separatedBy: "[[hearing]]").count - 1, 1, meeting)
        XCTAssertEqual(meeting.components(separatedBy: "[[hearing.action]]").count - 1, 2, meeting)
        XCTAssertTrue(meeting.contains("agency = \"idva\""), meeting)
        XCTAssertTrue(meeting.contains("status = \"complete\"\ncompleted = 2026-07-03"), meeting)
        XCTAssertTrue(meeting.contains("status = \"open\""), "the map's default status", file: #filePath, line: #line)
        let lint = try ImportFixtures.mfile(["lint"], in: root)
        XCTAssertEqual(lint.status, 0, lint.stdout)
    }

    func testActionsJoinAnExistingMeetingKeepingEveryOtherByte() throws {
        let path = "meetings/2026/2026-11-05-north.toml"
        let before = try text(path)
        let result = try importActions([
            ["05/11/2026", "SB-OLD", "Check the bail conditions with the court", "police", "DS Karen Holloway", "19/11/2026", "Open", "", ""],
            ["05/11/2026", "SB-1", "Tell the victim the outcome", "idva", "Sophie Clarke", "12/11/2026", "Open", "", ""],
        ], ["--apply"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("row 2: create action 11 of case 2026-EXMP-013 at meeting 2026-11-05-north (\(path))"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 3: create action 12 of case 2025-"), result.stdout)
        let after = try text(path)
        let added = """

              [[hearing.action]]
              id = 11
              agency = "police"
              owner = "DS Karen Holloway"
              text = "Check the bail conditions with the court"
              due = 2026-11-19
              status = "open"

            """
        // The action joins the case's own hearing, after its last action, indented as they are.
        let action10 = try XCTUnwrap(before.range(of: "  id = 10\n"))
        let anchor = try XCTUnwrap(before.range(of: "  completed = 2026-11-06\n", range: action10.upperBound..<before.endIndex))
        let expected = String(before[..<anchor.upperBound]) + added + String(before[anchor.upperBound...])
        XCTAssertTrue(after.hasPrefix(expected), "the old file with the action inserted, then the new hearing:\n\(after)")
        XCTAssertTrue(after.hasSuffix("[[hearing.action]]\nid = 12\nagency = \"idva\"\nowner = \"Sophie Clarke\"\ntext = \"Tell the victim the outcome\"\ndue = 2026-11-12\nstatus = \"open\"\n"), after)
        XCTAssertEqual(try ImportFixtures.mfile(["lint"], in: root).status, 0)
    }

    func testImportingAgainChangesNothingAndUpdateWritesTheNewStatus() throws {
        let open = ["02/07/2026", "SB-1", "Share the address history with housing", "police", "DS Karen Holloway", "16/07/2026", "Open", "", ""]
        XCTAssertEqual(try importActions([open], ["--apply"]).status, 0)
        let path = "meetings/2026/2026-07-02-north.toml"
        let written = try text(path)

        let again = try importActions([open], ["--apply"])
        XCTAssertTrue(again.stdout.contains("row 2: unchanged action 1 of case 2025-"), again.stdout)
        XCTAssertEqual(try text(path), written)

        var done = open
        done[6] = "Done"
        done[7] = "15/07/2026"
        done[2] = "share the address history  with Housing"  // the same action, retyped
        let changed = try importActions([done], ["--apply"])
        XCTAssertTrue(changed.stdout.contains("row 2: changed action 1"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("action.status (column \"Status\"), action.completed (column \"Completed\")"), changed.stdout)
        XCTAssertEqual(try text(path), written)

        let updated = try importActions([done], ["--apply", "--update"])
        XCTAssertEqual(updated.status, 0, updated.stdout + updated.stderr)
        XCTAssertTrue(updated.stdout.contains("row 2: update action 1"), updated.stdout)
        let after = try text(path)
        XCTAssertTrue(after.contains("status = \"complete\"\ncompleted = 2026-07-15\n"), after)
        XCTAssertTrue(after.contains("text = \"Share the address history with housing\""), "the text the record has is kept")
        XCTAssertEqual(try ImportFixtures.mfile(["lint"], in: root).status, 0)
    }

    /// A meeting before the first one recorded used to make lint expect every referral accepted
    /// since to be heard at it. Listing now follows the MARAC's schedule (the protocol engine's
    /// one answer, issue 12) and is a warning: a meeting imported from before the schedule
    /// begins reports no referral of another case.
    func testAMeetingBeforeTheScheduleReportsNoOtherCasesListing() throws {
        let result = try importActions([["03/07/2025", "SB-1", "Offer IDVA support", "idva", "Sophie Clarke", "10/07/2025", "Open", "", ""]], ["--apply"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("[referral-not-listed]"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("meetings/2025/2025-07-03-north.toml").path))
        let lint = try ImportFixtures.mfile(["lint", "--as-of", "2026-11-23"], in: root)
        XCTAssertFalse(lint.stdout.contains("[referral-not-listed]"), lint.stdout)
    }

    func testAnActionOfAnUnknownCaseIsAProblem() throws {
        let result = try importActions([["02/07/2026", "SB-9", "Anything", "police", "DS Karen Holloway", "16/07/2026", "Open", "", ""]], ["--apply"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("row 2: problem: column \"Ref\" (case.reference): no case in cases/ has this reference; import the cases sheet first"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("meetings/2026/2026-07-02-north.toml").path))
    }
}
