import XCTest
@testable import MaracBase
@testable import MaracLint
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracRecords

/// Minutes circulation (issue 13, duty 4): approved by the chair before circulation [001
/// §4.9], the approved list for full minutes [001 §2.4, §4.9; 003 MOP §10.10] on the minutes
/// paper, and its six-monthly housekeeping [001 §2.4].
final class MinutesCirculationTests: XCTestCase {
    typealias F = DutyFixtures

    private func lint(_ profile: String, approved: String?, circulated: String?, rules: String = "") throws -> [LintRule] {
        var fields: [(String, T)] = []
        if let approved { fields.append(("minutes_approved", .d(day(approved)))) }
        if let circulated { fields.append(("minutes_circulated", .d(day(circulated)))) }
        return try F.lint(profile, rules: rules, meetings: [F.meeting("2026-11-05", fields: fields)]).map(\.rule)
            .filter { $0 == .minutesCirculatedUnapproved }
    }

    func testGwentApprovalBeforeCirculation() throws {
        XCTAssertEqual(try lint("gwent", approved: "2026-11-10", circulated: "2026-11-09"), [.minutesCirculatedUnapproved])
        XCTAssertEqual(try lint("gwent", approved: "2026-11-10", circulated: "2026-11-10"), [])
        XCTAssertEqual(try lint("gwent", approved: "2026-11-10", circulated: "2026-11-11"), [])
        XCTAssertEqual(try lint("gwent", approved: nil, circulated: "2026-11-11"), [.minutesCirculatedUnapproved])
        XCTAssertEqual(try lint("gwent", approved: nil, circulated: nil), [])
        XCTAssertEqual(try lint("west-midlands", approved: "2026-11-10", circulated: "2026-11-09"), [])
        XCTAssertEqual(try lint("west-midlands", approved: "2026-11-10", circulated: "2026-11-09", rules: "minutes_approved_before_circulation = true"),
                       [.minutesCirculatedUnapproved])
        XCTAssertEqual(try lint("gwent", approved: "2026-11-10", circulated: "2026-11-09", rules: "minutes_approved_before_circulation = false"), [])
    }

    private let listed = """
        [circulation]
        reviewed = 2026-05-31
        approved_by = "chair"
        """

    func testTheCirculationListAndItsHousekeeping() throws {
        func found(_ asOf: String, extra: String, rules: String = "", minutes: Bool = true) throws -> [String] {
            var configuration = try F.configuration("gwent", rules: rules, extra: extra)
            if minutes { configuration.agencies[0].minutes = true }
            let engine = try ProtocolEngine.load(configuration)
            return BreachCheck(repository: Records.repository(configuration), engine: engine, asOf: day(asOf)).breaches()
                .filter { $0.rule.hasPrefix("circulation") }.map { "\($0.rule) \($0.due) \($0.late.map(String.init) ?? "-")" }
        }
        // Reviewed 2026-05-31: due 2026-11-30.
        XCTAssertEqual(try found("2026-11-30", extra: listed), [])
        XCTAssertEqual(try found("2026-12-01", extra: listed), ["circulation-list-review-due 2026-11-30 1"])
        XCTAssertEqual(try found("2026-12-01", extra: listed, rules: "circulation_list_review_months = false"), [])
        XCTAssertEqual(try found("2026-12-01", extra: ""), ["circulation-list-review-due 2026-12-01 -"])
        XCTAssertEqual(try found("2026-11-30", extra: listed, minutes: false), ["circulation-list-missing 2026-11-30 -"])
        XCTAssertEqual(try found("2026-11-30", extra: listed, rules: "minutes_circulation_list = false", minutes: false), [])
    }

    func testTheMinutesPaperNamesTheList() throws {
        var configuration = try F.configuration("liverpool", extra: listed)
        configuration.agencies[0].minutes = true
        configuration.agencies[1].minutes = true
        let engine = try ProtocolEngine.load(configuration)
        let circulation = MinutesModel.circulation(engine, referrers: nil)
        XCTAssertEqual(circulation["list"], .string("Police, IDVA"))
        XCTAssertEqual(circulation["reviewed"], .string("2026-05-31"))
        XCTAssertEqual(MinutesModel.circulation(engine, referrers: ["housing"])["caseReferrers"], .string("Housing"))
        XCTAssertEqual(MinutesModel.circulation(try Records.engine("west-midlands"), referrers: nil), .null)
    }
}
