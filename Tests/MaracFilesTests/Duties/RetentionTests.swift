import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracSchema
@testable import MaracJSON
@testable import MaracTOML
@testable import MaracVault

/// Retention (issue 13, duty 6): closed cases listed for a destruction review once the
/// MARAC's own retention period has passed [003 ISP §3.7, §9.4-9.6; 000 §23: no number], and
/// `sweep --purge` destroying them, in git's history too, with a record of ids and dates.
final class RetentionTests: XCTestCase {
    private func due(_ asOf: String, _ cases: [Case], meetings: [Meeting] = [], rules: String = "retention_months = \"24 months\"") throws -> [String] {
        let configuration = try DutyFixtures.configuration("west-midlands", rules: rules)
        let records = ProtocolRecords(engine: try ProtocolEngine.load(configuration), cases: cases.map(CaseSummary.init), meetings: meetings.map(MeetingSummary.init))
        return RetentionSweep.due(records, asOf: day(asOf)).map { "\($0.caseID) \($0.start) \($0.ends)" }
    }

    /// A closed case: referral (and incident) 2025-11-10, so its flag period ends 2026-11-10.
    private func closed(_ id: String = "2025-TEST-001", closed: String? = "2026-06-01", extra: [(String, T)] = []) -> Case {
        var fields: [(String, T)] = [("status", .s("closed"))]
        if let closed { fields.append(("closed", .d(day(closed)))) }
        let table = Records.case(id, referrals: [Records.referral(received: "2025-11-10", extra: [("incident", .d(day("2025-11-10")))])]).table
        var problems: [Diagnostic] = []
        let members = table.members.filter { $0.key != "status" }.map { ($0.key, T.from($0.node)) } + fields + extra
        return Case(table: T.table(members), file: "cases/2025/\(id).toml", problems: &problems)
    }

    func testListedFromTheDayTheRetentionPeriodEnds() throws {
        // Start: the later of closure (2026-06-01) and the flag period's end (2026-11-10).
        XCTAssertEqual(try due("2028-11-09", [closed()]), [])
        XCTAssertEqual(try due("2028-11-10", [closed()]), ["2025-TEST-001 2026-11-10 2028-11-10"])
        XCTAssertEqual(try due("2028-11-11", [closed()]), ["2025-TEST-001 2026-11-10 2028-11-10"])
        // Off unless marac.toml sets it: no protocol gives a number.
        XCTAssertEqual(try due("2040-01-01", [closed()], rules: ""), [])
        for profile in ["west-midlands", "gwent", "liverpool"] {
            XCTAssertNil(ProtocolRules.profile(named: profile)?.period(.retentionMonths), profile)
        }
    }

    func testTheLatestOfClosureFlagsHearingsAndDisclosuresStartsIt() throws {
        XCTAssertEqual(try due("2029-01-01", [closed(closed: "2027-01-05")]), [])
        XCTAssertEqual(try due("2029-01-05", [closed(closed: "2027-01-05")]), ["2025-TEST-001 2027-01-05 2029-01-05"])
        let heard = DutyFixtures.meeting("2027-02-04", heard: [("2025-TEST-001", "police")])
        XCTAssertEqual(try due("2029-02-04", [closed()], meetings: [heard]), ["2025-TEST-001 2027-02-04 2029-02-04"])
        let disclosed = closed(extra: [("disclosure", .a([.t([("date", .d(day("2027-03-01"))), ("to", .s("P")), ("what", .s("m")), ("basis", .s("b"))])]))])
        XCTAssertEqual(try due("2029-03-01", [disclosed]), ["2025-TEST-001 2027-03-01 2029-03-01"])
    }

    func testHoldsAndOpenOrUndatedCasesAreNeverListed() throws {
        XCTAssertEqual(try due("2040-01-01", [closed(extra: [("retention_hold", .b(true)), ("retention_hold_reason", .s("court"))])]), [])
        let pending = closed(extra: [("disclosure", .a([.t([("requested", .d(day("2026-12-01"))), ("kind", .s("dhr"))])]))])
        XCTAssertEqual(try due("2040-01-01", [pending]), [])
        XCTAssertEqual(try due("2040-01-01", [closed(closed: nil)]), [])
        XCTAssertEqual(try due("2040-01-01", [Records.case("2025-TEST-002", referrals: [Records.referral(received: "2025-11-10")])]), [])
    }

    func testLintWarnsOfAnUndatedClosureAndTheOldKey() throws {
        let configuration = try DutyFixtures.configuration("west-midlands", extra: "retention_months = 36")
        let found = Linter.lint(Records.repository(configuration, cases: [closed(closed: nil)]), asOf: day("2026-12-31"))
        XCTAssertEqual(found.filter { [.closedDateMissing, .retentionKeyMoved].contains($0.rule) }.map(\.rule).sorted(), [.closedDateMissing, .retentionKeyMoved])
        // The old key still sets the rule, named as where it comes from.
        let engine = try ProtocolEngine.load(configuration)
        XCTAssertEqual(engine.rules.period(.retentionMonths), RulePeriod(36, .months))
        XCTAssertTrue(engine.reference(.retentionMonths).contains("move it under [rules]"), engine.reference(.retentionMonths))
        // [rules] wins over the old key.
        XCTAssertEqual(try ProtocolEngine.load(try DutyFixtures.configuration("west-midlands", rules: "retention_months = 12", extra: "retention_months = 36"))
            .rules.period(.retentionMonths), RulePeriod(12, .months))
    }
}

/// `mfile sweep --purge` end to end, in an encrypted git repository (git, git-crypt,
/// git-filter-repo), on a copy of the demo with a retention period of 24 months.
final class RetentionPurgeTests: XCTestCase {
    static let canary = "CANARYDESTROYED Vqzx"

    func testPurgeIsADryRunAndApplyDestroysInTheHistoryToo() throws {
        try GitFixture.requireGitCrypt()
        try GitFixture.require("git-filter-repo")
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let destroyed = ["cases/2026/2026-EXMP-014.toml", "cases/2026/2026-EXMP-003.toml"]
        for file in destroyed {
            try replaceLine(in: root.appendingPathComponent(file), containing: "name = ", with: "name = \"\(Self.canary)\"")
        }
        try replaceLine(in: root.appendingPathComponent("marac.toml"), containing: "[rules]", with: "[rules]\nretention_months = 24")
        // A first commit in plain text, then encrypted: every version must go.
        try GitFixture.run(["init", "-q"], in: root)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["commit", "-q", "-m", "plain"], in: root)
        XCTAssertEqual(try GitFixture.mfile(["init", ".", "--encrypt"], in: root).status, 0)
        try GitFixture.run(["add", "-A"], in: root)
        try GitFixture.run(["status", "-f"], in: root, program: "git-crypt", check: false)
        try GitFixture.run(["commit", "-q", "-m", "encrypted"], in: root)
        XCTAssertEqual(try GitFixture.mfile(["index"], in: root).status, 0)
        let meeting = "meetings/2026/2026-11-05-north.toml"
        let meetingBefore = try String(contentsOf: root.appendingPathComponent(meeting), encoding: .utf8)
        let head = try GitFixture.run(["rev-parse", "HEAD"], in: root).stdout

        let arguments = ["sweep", "--as-of", "2029-06-01", "--purge", "--case", "2026-EXMP-014", "--case", "2026-EXMP-003"]
        let dry = try GitFixture.mfile(arguments, in: root)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("Would destroy"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("its [[hearing]] in: 2026-08-06-north, 2026-11-05-north"), dry.stdout)
        XCTAssertEqual(try GitFixture.run(["rev-parse", "HEAD"], in: root).stdout, head)
        XCTAssertTrue(try GitFixture.run(["status", "--porcelain"], in: root).stdout.isEmpty)
        GitFixture.assertPrivate(dry)

        let undecided = try GitFixture.mfile(arguments + ["--apply"], in: root)
        XCTAssertEqual(undecided.status, 2)
        XCTAssertTrue(undecided.stderr.contains("--decided-by ROLE --decided DATE"), undecided.stderr)

        let decision = ["--apply", "--decided-by", "chair", "--decided", "2029-05-20", "--decision-ref", "2029-05-20-north"]
        let applied = try GitFixture.mfile(arguments + decision, in: root)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        GitFixture.assertPrivate(applied)
        for file in destroyed {
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path))
            XCTAssertTrue(try GitFixture.run(["log", "--all", "--format=%H", "--", file], in: root).stdout.isEmpty, "\(file) is still in the history")
        }
        let allObjects = try GitFixture.run(["cat-file", "--batch-all-objects", "--batch"], in: root).stdout
        XCTAssertNil(allObjects.range(of: Data(Self.canary.utf8)), "a version of a destroyed case survived")
        XCTAssertNil(try Data(contentsOf: root.appendingPathComponent(".mfile/index")).range(of: Data(Self.canary.utf8)), "the index still names a destroyed case")
        // The meeting lost only its hearing of the destroyed case.
        let meetingAfter = try String(contentsOf: root.appendingPathComponent(meeting), encoding: .utf8)
        XCTAssertFalse(meetingAfter.contains("case = \"2026-EXMP-003\""))
        XCTAssertTrue(meetingBefore.contains(meetingAfter.components(separatedBy: "[[hearing]]")[0]))
        XCTAssertTrue(try GitFixture.run(["status", "--porcelain"], in: root).stdout.isEmpty)

        // The record: ids and dates, committed encrypted, valid against its schema.
        let record = root.appendingPathComponent("destroyed/2029.toml")
        let text = try String(contentsOf: record, encoding: .utf8)
        XCTAssertTrue(text.contains("case = \"2026-EXMP-014\"") && text.contains("case = \"2026-EXMP-003\""), text)
        XCTAssertTrue(text.contains("decided_by = \"chair\"") && text.contains("history_rewritten = 2029-06-01"), text)
        XCTAssertFalse(text.contains("CANARY"))
        XCTAssertTrue(try GitFixture.blob("destroyed/2029.toml", in: root).starts(with: GitCrypt.header))
        let schema = try JSONSchema(compiling: try JSONParser.parse(String(contentsOf: root.appendingPathComponent("schema/destroyed.schema.json"), encoding: .utf8)))
        XCTAssertTrue(schema.isValid(try TOMLDecoder.decode(bytes: Array(text.utf8)).jsonInstance))
        XCTAssertEqual(try GitFixture.mfile(["lint", "--as-of", "2029-06-01"], in: root).status, 0)

        // Again: nothing left to destroy, and the record is not written twice.
        let again = try GitFixture.mfile(arguments + decision, in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("Not past their retention period (left alone): 2026-EXMP-014, 2026-EXMP-003"), again.stdout)
        XCTAssertEqual(try String(contentsOf: record, encoding: .utf8), text)
    }
}
