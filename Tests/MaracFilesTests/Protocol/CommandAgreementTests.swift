import Foundation
import XCTest
@testable import MaracJSON

/// One fixture repository, every command: lint, check, render, sweep and stats give the same
/// answer to each protocol question (issue 12, items 1 and 6). Invented people only.
///
/// West Midlands, monthly on the second Thursday from 2026-01-08, with
/// `repeat_idva_only_months = 3` so that an IDVA-only repeat is excused.
final class CommandAgreementTests: XCTestCase {
    static let maracToml = """
        name = "Agreement MARAC"
        profile = "west-midlands"
        marking = "OFFICIAL-SENSITIVE"

        [rules]
        repeat_idva_only_months = 3

        [calendar]
        region = "england-and-wales"
        closures = []

        [[marac]]
        id = "north"
        name = "Agreement North"
        frequency = "monthly"
        first_meeting = 2026-01-08

        [[agency]]
        id = "police"
        name = "Test Police"
        kind = "police"
        core = true

        [[agency]]
        id = "housing"
        name = "Test Housing"
        kind = "housing"
        core = true

        [[agency]]
        id = "health"
        name = "Test Health"
        kind = "health"
        core = true

        """

    struct Ref {
        var received: String
        var incident: String? = nil
        var criteria = ["visible-high-risk"]
        var extra = ""
    }

    static func caseText(_ id: String, _ referrals: [Ref], victim: String? = nil, perpetrator: String? = nil, extra: String = "", status: String = "open") -> String {
        var text = """
            id = "\(id)"
            marac = "north"
            status = "\(status)"
            session = "open"
            \(extra)

            [victim]
            name = "\(victim ?? "Victim \(id)")"
            dob = 1990-01-01
            gender = "female"
            ethnicity = "declined"
            sexual_orientation = "declined"
            disability = "declined"

            [[perpetrator]]
            name = "\(perpetrator ?? "Perpetrator \(id)")"
            dob = 1985-01-01
            relationship = "partner"

            """
        for r in referrals {
            text += """

                [[referral]]
                received = \(r.received)
                agency = "police"
                incident = \(r.incident ?? r.received)
                risk_tool = "dash"
                risk_score = 16
                criteria = [\(r.criteria.map { "\"\($0)\"" }.joined(separator: ", "))]
                consent = "given"
                decision = "accepted"
                idva_referred = \(r.received)
                \(r.extra)

                """
        }
        return text
    }

    static func meetingText(_ date: String, circulated: String, cases: [String], actions: String = "") -> String {
        var text = "marac = \"north\"\ndate = \(date)\nkind = \"scheduled\"\nchair = \"Chair\"\nagenda_circulated = \(circulated)\n"
        for id in cases {
            text += "\n[[hearing]]\ncase = \"\(id)\"\npresented_by = \"police\"\n"
            if id == cases.first { text += actions }
        }
        return text
    }

    static let files: [(String, String)] = [
        // 1.1 Repeats: 001 referred again after 29 months (not a repeat); 003 repeats 002, filed as a new case.
        ("cases/2024/2024-AGRE-001.toml", caseText("2024-AGRE-001", [Ref(received: "2024-06-03"), Ref(received: "2026-10-20")])),
        ("cases/2026/2026-AGRE-002.toml", caseText("2026-AGRE-002", [Ref(received: "2026-08-03")], victim: "Alex Sample", perpetrator: "Sam Example")),
        ("cases/2026/2026-AGRE-003.toml", caseText("2026-AGRE-003", [Ref(received: "2026-10-19")], victim: "Alex Sample", perpetrator: "Sam Example")),
        // 1.2 Flags: lifted 2025-01-15, referred again 2025-03-03 (incident 2025-03-01): the period ends 2026-03-03.
        ("cases/2024/2024-AGRE-004.toml", caseText("2024-AGRE-004", [Ref(received: "2024-01-10"), Ref(received: "2025-03-03", incident: "2025-03-01")],
                                                  extra: "\n[flag]\nlifted = 2025-01-15\n")),
        // 1.4 Listing: an IDVA-only repeat; closed on the meeting day; closed the day after;
        // transfer notified on the meeting day; one simply not heard.
        ("cases/2026/2026-AGRE-005.toml", caseText("2026-AGRE-005", [
            Ref(received: "2026-08-20"),
            Ref(received: "2026-10-26", incident: "2026-10-25", criteria: ["repeat"], extra: "idva_engaged = true"),
        ])),
        ("cases/2026/2026-AGRE-006.toml", caseText("2026-AGRE-006", [Ref(received: "2026-10-22")], extra: "closed = 2026-11-12", status: "closed")),
        ("cases/2026/2026-AGRE-007.toml", caseText("2026-AGRE-007", [Ref(received: "2026-10-22")], extra: "closed = 2026-11-13", status: "closed")),
        ("cases/2026/2026-AGRE-008.toml", caseText("2026-AGRE-008", [Ref(received: "2026-10-22")], status: "transferred-out")
            + "\n[[transfer]]\ndirection = \"out\"\nnotified = 2026-11-12\nsent = 2026-11-13\nto = \"Other MARAC\"\n"),
        ("cases/2026/2026-AGRE-009.toml", caseText("2026-AGRE-009", [Ref(received: "2026-10-22")])),
        ("meetings/2026/2026-08-13-north.toml", meetingText("2026-08-13", circulated: "2026-08-04", cases: ["2026-AGRE-002"])),
        ("meetings/2026/2026-09-10-north.toml", meetingText("2026-09-10", circulated: "2026-08-28", cases: ["2026-AGRE-005"])),
        // 1.3 Actions: due 2026-11-19, finished 2026-11-27 (complete; cannot be completed).
        ("meetings/2026/2026-11-12-north.toml", meetingText("2026-11-12", circulated: "2026-11-03", cases: ["2024-AGRE-001", "2026-AGRE-003"], actions: """

            [[hearing.action]]
            id = 1
            agency = "housing"
            owner = "Officer"
            text = "Action one."
            due = 2026-11-19
            status = "complete"
            updated = 2026-11-13
            completed = 2026-11-27

            [[hearing.action]]
            id = 2
            agency = "health"
            owner = "Officer"
            text = "Action two."
            due = 2026-11-19
            status = "cannot-complete"
            updated = 2026-11-27
            note = "Circumstances changed."

            """)),
        ("meetings/2026/2026-12-10-north.toml", meetingText("2026-12-10", circulated: "2026-12-01", cases: [])),
    ]

    private var root: URL!

    override func setUpWithError() throws {
        root = try makeTemporaryDirectory("mfile-agree")
        try Self.maracToml.write(to: root.appendingPathComponent("marac.toml"), atomically: true, encoding: .utf8)
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private func mfile(_ arguments: [String]) throws -> CommandResult { try runProduct("mfile", arguments, in: root) }

    /// `check --format json` as "rule case-or-meeting item" strings.
    private func breaches(_ asOf: String, rule: String) throws -> Set<String> {
        let result = try mfile(["check", "--as-of", asOf, "--format", "json"])
        XCTAssertNotEqual(result.status, 2, result.stderr)
        guard case .array(let list)? = try JSONParser.parse(result.stdout)["breaches"] else { XCTFail("no breaches"); return [] }
        func text(_ value: JSONValue?) -> String { if case .string(let s)? = value { s } else { "-" } }
        return Set(list.filter { text($0["rule"]) == rule }.map { "\(text($0["case"])) \(text($0["meeting"])) \(text($0["item"]))" })
    }

    private func lintFindings(rule: String, asOf: String = "2026-12-01") throws -> [String] {
        let result = try mfile(["lint", "--format", "json", "--as-of", asOf])
        guard case .array(let list)? = try JSONParser.parse(result.stdout)["findings"] else { XCTFail("no findings"); return [] }
        func text(_ value: JSONValue?) -> String { if case .string(let s)? = value { s } else { "-" } }
        return list.filter { text($0["rule"]) == rule }.map { "\(text($0["file"])) \(text($0["severity"])) \(text($0["message"]))" }
    }

    func testLintIsCleanOfErrors() throws {
        let lint = try mfile(["lint"])
        XCTAssertFalse(lint.stdout.contains(": error:"), lint.stdout)
    }

    /// 1.1: is this referral a repeat? lint, the agenda and the data return.
    func testRepeatAgrees() throws {
        let repeats = try lintFindings(rule: "criteria-mismatch").filter { $0.contains("is a repeat of") }
        XCTAssertEqual(repeats.count, 1, "\(repeats)")
        XCTAssertTrue(repeats.contains { $0.hasPrefix("cases/2026/2026-AGRE-003.toml") && $0.contains("case 2026-AGRE-002") })
        XCTAssertFalse(repeats.contains { $0.contains("2024-AGRE-001") }, "29 months apart is not a repeat")
        let agenda = try mfile(["render", "agenda", "2026-11-12-north", "--format", "md"])
        XCTAssertEqual(agenda.status, 0, agenda.stderr)
        let rows = agenda.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("AGRE") }
        XCTAssertTrue(rows.contains { $0.contains("2026-AGRE-003") && $0.hasSuffix("| yes | no |") }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.contains("2024-AGRE-001") && $0.hasSuffix("| no | no |") }, "\(rows)")
        let stats = try mfile(["stats", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--exact"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("repeat_cases,1\n"), stats.stdout)
    }

    /// 1.2: is this flag due to be lifted, as of D? sweep lists on the day the period ends,
    /// check reports from the day after; a lifting before the repeat does not count.
    func testFlagAgrees() throws {
        func swept(_ asOf: String) throws -> Set<String> {
            let result = try mfile(["sweep", "--as-of", asOf, "--format", "json", "--notices", "-"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try JSONParser.parse(String(result.stdout[result.stdout.range(of: "{\n")!.lowerBound...]))
            guard case .array(let due)? = json["due"] else { return [] }
            return Set(due.compactMap { if case .string(let s)? = $0["case"] { s } else { nil } })
        }
        func expired(_ asOf: String) throws -> Set<String> {
            Set(try breaches(asOf, rule: "flag-expired").map { String($0.split(separator: " ")[0]) })
        }
        XCTAssertFalse(try swept("2026-03-02").contains("2024-AGRE-004"))
        XCTAssertTrue(try swept("2026-03-03").contains("2024-AGRE-004"))
        XCTAssertFalse(try expired("2026-03-03").contains("2024-AGRE-004"))
        XCTAssertTrue(try expired("2026-03-04").contains("2024-AGRE-004"))
        for (asOf, dayBefore) in [("2026-03-03", "2026-03-02"), ("2026-03-04", "2026-03-03"), ("2027-11-20", "2027-11-19")] {
            XCTAssertEqual(try expired(asOf), try swept(dayBefore), "check as of \(asOf) against sweep as of \(dayBefore)")
        }
    }

    /// 1.3: is this action outstanding as of D? check, the actions list and the minutes.
    func testActionOutstandingAgrees() throws {
        func listed(_ asOf: String) throws -> Set<String> {
            let result = try mfile(["render", "actions", "--as-of", asOf, "--format", "md"])
            XCTAssertEqual(result.status, 0, result.stderr)
            return Set(result.stdout.split(separator: "\n").filter { $0.contains("**OVERDUE") }.map {
                let cells = $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return "\(cells[2]) 2026-11-12-north action \(cells[0])"
            })
        }
        for asOf in ["2026-11-20", "2026-11-26"] {
            XCTAssertEqual(try breaches(asOf, rule: "action-overdue"), ["2024-AGRE-001 2026-11-12-north action 1", "2024-AGRE-001 2026-11-12-north action 2"], asOf)
            XCTAssertEqual(try listed(asOf), try breaches(asOf, rule: "action-overdue"), asOf)
        }
        XCTAssertEqual(try breaches("2026-11-27", rule: "action-overdue"), [])
        XCTAssertEqual(try listed("2026-11-27"), [])
        let minutes = try mfile(["render", "minutes", "2026-12-10-north", "--format", "md"])
        XCTAssertFalse(minutes.stdout.contains("Action one."), "finished before the meeting")
        XCTAssertFalse(minutes.stdout.contains("Action two."))
    }

    /// 1.4: must this referral be heard, and where? lint (a warning) and check (a breach), as
    /// of the same day: the 2026-11-12 agenda's last day is 2026-11-05.
    func testListingAgrees() throws {
        for (asOf, expected) in [("2026-11-05", Set<String>()), ("2026-11-06", ["2026-AGRE-007", "2026-AGRE-009"]), ("2026-12-01", ["2026-AGRE-007", "2026-AGRE-009"])] {
            let findings = try lintFindings(rule: "referral-not-listed", asOf: asOf)
            XCTAssertTrue(findings.allSatisfy { $0.contains(" warning ") })
            let warned = Set(findings.map { String($0.split(separator: " ")[0].dropFirst("cases/2026/".count).dropLast(".toml".count)) })
            let reported = Set(try breaches(asOf, rule: "referral-not-listed").map { String($0.split(separator: " ")[0]) })
            XCTAssertEqual(warned, expected, asOf)
            XCTAssertEqual(reported, warned, asOf)
        }
        // A warning never blocks: lint exits 0 on warnings alone.
        XCTAssertEqual(try mfile(["lint", "--as-of", "2026-12-01"]).status, 0)
    }

    /// 1.0/1.5: one validator of marac.toml's protocol settings. A bad region, an unknown rule
    /// and a wrong type give the same problems from every command, and "2 working days" is
    /// accepted by all.
    func testEveryCommandReadsTheSettingsTheSameWay() throws {
        let config = root.appendingPathComponent("marac.toml")
        var text = Self.maracToml.replacingOccurrences(of: "repeat_idva_only_months = 3", with: "repeat_idva_only_months = 3\nidva_referral = \"2 working days\"")
        try text.write(to: config, atomically: true, encoding: .utf8)
        for command in [["lint"], ["rules"], ["check", "--as-of", "2026-12-01"], ["sweep", "--as-of", "2026-12-01", "--notices", "-"]] {
            XCTAssertNotEqual(try mfile(command).status, 2, command.joined(separator: " "))
        }
        XCTAssertTrue(try mfile(["rules"]).stdout.contains("2 working days"))

        text = text.replacingOccurrences(of: "region = \"england-and-wales\"", with: "region = \"wales\"")
            .replacingOccurrences(of: "idva_referral = \"2 working days\"", with: "dash_treshold = 12\nmax_cases_per_meeting = true")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let lint = try mfile(["lint"])
        XCTAssertEqual(lint.status, 1)
        let lintLines = lint.stdout.split(separator: "\n").filter { $0.contains("[protocol-settings]") }
        XCTAssertEqual(lintLines.count, 3, lint.stdout)
        XCTAssertFalse(lint.stdout.contains("[schema]"), "the engine is the one judge of [rules] and [calendar]")
        let problems = lintLines.map { line -> String in
            // "marac.toml:7:1: error: MESSAGE [protocol-settings]" -> "marac.toml:7:1: MESSAGE"
            let parts = line.components(separatedBy: ": error: ")
            return parts[0] + ": " + parts[1].replacingOccurrences(of: " [protocol-settings]", with: "")
        }
        for command in [
            ["rules"], ["check", "--as-of", "2026-12-01"], ["schedule", "--year", "2026"], ["calendar", "--year", "2026"],
            ["render", "agenda", "2026-11-12-north"], ["render", "actions", "--as-of", "2026-12-01"],
            ["sweep", "--as-of", "2026-12-01"], ["stats", "--quarter", "2026Q4"],
            ["disclose", "2026-AGRE-009", "--to", "Panel", "--basis", "Request"],
            ["transfer", "out", "2026-AGRE-009", "--to", "Other MARAC"],
        ] {
            let result = try mfile(command)
            let name = command.joined(separator: " ")
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            for problem in problems { XCTAssertTrue(result.stderr.contains(problem), "\(name) does not say \(problem):\n\(result.stderr)") }
        }
    }
}
