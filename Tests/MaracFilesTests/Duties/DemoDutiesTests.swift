import Foundation
import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracRepository

/// DEMO.md, "The protocol duties: one of each finding": every row's change to a copy of the
/// demo gives exactly the finding the row names, where it says. (The demo itself lints clean
/// and its planted breaches are unchanged: `LintDemoTests`, `CheckCommandDemoTests`.)
final class DemoDutiesTests: XCTestCase {
    /// One row: the edits (file, the first line containing `needle`, its replacement or
    /// removal), text appended to files, and the finding expected as of `asOf`.
    struct Row {
        var finding: String
        var edits: [(file: String, needle: String, replacement: String?)] = []
        var appended: [(file: String, text: String)] = []
        var rules: [String] = []
        var asOf = "2026-11-23"
        /// The file (lint) or case/meeting id (check) it is reported at.
        var at: String
    }

    static let case003 = "cases/2026/2026-EXMP-003.toml", case004 = "cases/2026/2026-EXMP-004.toml"
    static let case005 = "cases/2026/2026-EXMP-005.toml", case012 = "cases/2026/2026-EXMP-012.toml"
    static let case014 = "cases/2026/2026-EXMP-014.toml", case015 = "cases/2026/2026-EXMP-015.toml"
    static let october = "meetings/2026/2026-10-01-north.toml", november = "meetings/2026/2026-11-05-north.toml"
    static let meritBands = ["merit_gold_min = 72", "merit_silver_min = 16", "merit_bronze_min = 1"]

    static let rows: [Row] = [
        // Lint, West Midlands rules.
        Row(finding: "victim-under-age", edits: [(case004, "dob = 2009-03-15", "dob = 2010-09-15")], at: case004),
        Row(finding: "young-person-dash", edits: [(case004, "risk_tool = \"dash-young-person\"", "risk_tool = \"dash\"")], at: case004),
        Row(finding: "decision-by-missing", edits: [(case005, "decided_by =", nil)], at: case005),
        Row(finding: "decision-by-role", edits: [(case005, "decided_by =", "decided_by = [\"administrator\"]")], at: case005),
        Row(finding: "return-reason", edits: [(case014, "return_reason =", nil)], at: case014),
        Row(finding: "not-informed-reason", edits: [(case003, "victim_not_informed_reason =", nil)], at: case003),
        Row(finding: "informed-consent-conflict", edits: [(case003, "consent = \"not-sought-unsafe\"", "consent = \"given\"")], at: case003),
        Row(finding: "closed-date-missing", edits: [("cases/2025/2025-EXMP-002.toml", "closed = 2025-09-30", nil)], at: "cases/2025/2025-EXMP-002.toml"),
        Row(finding: "retention-key-moved", edits: [("marac.toml", "marking =", "marking = \"OFFICIAL-SENSITIVE\"\nretention_months = 72")], at: "marac.toml"),
        Row(finding: "sign-out-before-in", edits: [(november, "signed_out = 12:15:00", "signed_out = 09:00:00")], at: november),
        Row(finding: "unknown-case", edits: [(october, "left_after_case =", "left_after_case = \"2026-EXMP-015\"")], at: october),
        // Lint, the other profiles' rules switched on in [rules].
        Row(finding: "incident-not-recent", edits: [(case015, "incident = 2026-11-07", "incident = 2026-07-01")],
            rules: ["recent_incident_months = 3"], at: case015),
        Row(finding: "sign-in-out-missing", edits: [(november, "signed_in =", nil)], rules: ["sign_in_out_times = true"], at: november),
        Row(finding: "minutes-circulated-unapproved", edits: [(november, "kind = \"scheduled\"", "kind = \"scheduled\"\nminutes_circulated = 2026-11-10")],
            rules: ["minutes_approved_before_circulation = true"], at: november),
        Row(finding: "merit-grade", edits: [(case015, "risk_tool = \"dash\"", "risk_tool = \"merit\""), (case015, "risk_score = 20", "risk_score = 80\nmerit_grade = \"SILVER\"")],
            rules: meritBands, at: case015),
        // Check, as of a date.
        Row(finding: "core-agency-absent", edits: [(november, "agency = \"probation\"", "agency = \"police\"")], at: "2026-11-05-north"),
        Row(finding: "presenter-not-attending", edits: [(november, "agency = \"probation\"", "agency = \"police\"")], at: "2026-EXMP-011"),
        Row(finding: "presenter-missing", edits: [(november, "presented_by = \"idva\"", nil)], at: "2026-EXMP-012"),
        Row(finding: "attendance-not-recorded", asOf: "2026-12-04", at: "2026-12-03-north"),
        Row(finding: "emergency-not-relisted", appended: [("meetings/2026/2026-11-12-north.toml", """
            marac = "north"
            date = 2026-11-12
            kind = "emergency"

            [[attendee]]
            agency = "police"
            name = "DCI Andrew Pennock"
            confidentiality_signed = true

            [[hearing]]
            case = "2026-EXMP-010"
            presented_by = "police"

            """)], asOf: "2026-11-27", at: "2026-EXMP-010"),
        Row(finding: "core-agency-no-deputy", edits: [(november, "agency = \"probation\"", "agency = \"police\""), (november, "agency = \"education\"", "agency = \"probation\"")],
            rules: ["core_agency_deputy_required = true"], at: "2026-11-05-north"),
        Row(finding: "circulation-list-missing", rules: ["minutes_circulation_list = true"], at: "-"),
        Row(finding: "circulation-list-review-due", appended: [("marac.toml", "\n[circulation]\nreviewed = 2026-05-01\n")],
            rules: ["circulation_list_review_months = 6"], at: "-"),
        Row(finding: "transfer-in-unacknowledged", edits: [(case012, "acknowledged = 2026-10-14", nil)], rules: ["transfer_in_acknowledgement = true"], at: "2026-EXMP-012"),
        Row(finding: "transfer-in-ack-late", edits: [(case012, "acknowledged = 2026-10-14", "acknowledged = 2026-10-30")],
            rules: ["transfer_in_acknowledgement = true"], at: "2026-EXMP-012"),
        // Reported, not breaches.
        Row(finding: "transfer-out-unconfirmed", rules: ["transfer_out_receipt_confirmed = true"], at: "2026-EXMP-003"),
        Row(finding: "professionals-meeting-recommended", appended: [(case015, """

            [[referral]]
            received = 2026-08-03
            agency = "police"
            incident = 2026-08-01
            risk_tool = "dash"
            risk_score = 6
            criteria = ["visible-high-risk"]
            consent = "given"
            decision = "returned"
            decided_by = ["coordinator"]
            return_reason = "Below the threshold; referred to the IDVA service."

            [[referral]]
            received = 2026-10-02
            agency = "police"
            incident = 2026-10-01
            risk_tool = "dash"
            risk_score = 8
            criteria = ["visible-high-risk"]
            consent = "given"
            decision = "returned"
            decided_by = ["coordinator"]
            return_reason = "Below the threshold; referred to the IDVA service."

            """)], rules: ["professionals_meeting_incidents = 3", "professionals_meeting_window_months = 6"], at: "2026-EXMP-015"),
    ]

    /// A copy of the demo with `row`'s changes.
    static func planted(_ row: Row) throws -> URL {
        let root = try DemoRepository.copy()
        for (file, needle, replacement) in row.edits {
            _ = try replaceLine(in: root.appendingPathComponent(file), containing: needle, with: replacement)
        }
        for (file, text) in row.appended {
            let url = root.appendingPathComponent(file)
            let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            try (existing + text).write(to: url, atomically: true, encoding: .utf8)
        }
        if !row.rules.isEmpty {
            _ = try replaceLine(in: root.appendingPathComponent("marac.toml"), containing: "[rules]", with: "[rules]\n" + row.rules.joined(separator: "\n"))
        }
        return root
    }

    /// Every finding of a copy: lint's (file), check's breaches and what it reports (case or
    /// meeting id, else "-").
    static func findings(_ root: URL, asOf: String) throws -> [(rule: String, at: String)] {
        let repository = try Repository.load(at: root)
        let lint = Linter.lint(repository, asOf: day(asOf)).map { ($0.rule.rawValue, $0.file) }
        let check = BreachCheck(repository: repository, engine: try ProtocolEngine.load(repository.configuration), asOf: day(asOf))
        let breaches = check.breaches().flatMap { breach in
            [breach.caseID, breach.meetingID].compactMap { $0 }.map { (breach.rule, $0) } + (breach.caseID == nil && breach.meetingID == nil ? [(breach.rule, "-")] : [])
        }
        return lint + breaches + check.reported().map { ($0.rule, $0.caseID ?? "-") }
    }

    func testEveryRowOfDEMOmdGivesItsFinding() throws {
        let demo = try String(contentsOf: DemoRepository.root.appendingPathComponent("DEMO.md"), encoding: .utf8)
        for row in Self.rows {
            XCTAssertTrue(demo.contains("`\(row.finding)`"), "DEMO.md has no row for \(row.finding)")
            let root = try Self.planted(row)
            defer { try? FileManager.default.removeItem(at: root) }
            let found = try Self.findings(root, asOf: row.asOf)
            XCTAssertTrue(found.contains { $0.rule == row.finding && $0.at == row.at },
                          "\(row.finding) not found at \(row.at): \(found.map { "\($0.rule)@\($0.at)" })")
            // Unchanged, the demo has none of these.
            XCTAssertFalse(try Self.findings(DemoRepository.root, asOf: row.asOf).contains { $0.rule == row.finding && row.finding != "attendance-not-recorded" },
                           "\(row.finding) is in the demo itself")
        }
    }

    func testTheDemoItselfShowsTheDutiesThatNeedNoChange() throws {
        let repository = try Repository.load(at: DemoRepository.root)
        XCTAssertEqual(Linter.lint(repository, asOf: day("2026-11-23")).map(\.line), [])
        // attendance-not-recorded: the 2026-12-03 meeting has no attendees once it is held.
        XCTAssertTrue(try Self.findings(DemoRepository.root, asOf: "2026-12-04").contains { $0.rule == "attendance-not-recorded" && $0.at == "2026-12-03-north" })
        XCTAssertFalse(try Self.findings(DemoRepository.root, asOf: "2026-12-03").contains { $0.rule == "attendance-not-recorded" })
        // The agenda of 2026-08-06 gives why the victim of 2026-EXMP-003 was not informed.
        let agenda = try PaperFixtures.render(.agenda(meeting: "2026-08-06-north", start: 570), repository, format: .markdown)
        XCTAssertTrue(agenda.contains("Victim not informed of this referral: Not safe to contact before the meeting"), agenda)
    }

    func testTheMeRITBandOnTheAgendaAndTheRetentionListing() throws {
        let root = try Self.planted(Row(
            finding: "-", edits: [(Self.case015, "risk_tool = \"dash\"", "risk_tool = \"merit\""), (Self.case015, "risk_score = 20", "risk_score = 80")],
            rules: Self.meritBands + ["agenda_merit_band = true", "retention_months = 24"], at: "-"))
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try Repository.load(at: root)
        let agenda = try PaperFixtures.render(.agenda(meeting: "2026-12-03-north", start: 570), repository, format: .markdown)
        XCTAssertTrue(agenda.contains("MeRIT 80 (GOLD)"), agenda)
        let records = ProtocolRecords(engine: try ProtocolEngine.load(repository.configuration), repository: repository)
        XCTAssertEqual(RetentionSweep.due(records, asOf: day("2029-06-01")).map(\.caseID),
                       ["2025-EXMP-002", "2025-EXMP-006", "2025-EXMP-009", "2025-EXMP-011", "2025-EXMP-016", "2026-EXMP-003", "2026-EXMP-014"])
        XCTAssertEqual(RetentionSweep.due(records, asOf: day("2028-07-06")).map(\.caseID), [])
        XCTAssertEqual(RetentionSweep.due(records, asOf: day("2028-07-07")).map(\.caseID), ["2025-EXMP-002"])
    }
}
