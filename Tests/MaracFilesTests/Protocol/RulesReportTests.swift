import XCTest
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracTOML

final class RulesReportTests: XCTestCase {
    private func effective(_ profile: String, _ pairs: [(String, TOMLValue)] = []) throws -> EffectiveRules {
        let p = SourcePosition(line: 9, column: 1, offset: 0)
        let r = SourceRange(start: p, end: p)
        return try ProtocolRules.effective(profile: profile, overrides: TOMLTable(members: pairs.map {
            TOMLTable.Member(key: $0.0, keyRange: r, node: TOMLNode($0.1, range: r))
        }))
    }

    func testTextTable() throws {
        let lines = try effective("west-midlands", [("dash_threshold", .integer(12))]).textLines()
        XCTAssertEqual(lines.count, 2 + RuleID.checked.count)
        XCTAssertEqual(lines[0], "Protocol profile: west-midlands (West Midlands)")
        XCTAssertTrue(lines[1].hasPrefix("RULE "))
        let dash = try XCTUnwrap(lines.first { $0.hasPrefix("dash_threshold ") })
        XCTAssertTrue(dash.contains("12 ticks"))
        XCTAssertTrue(dash.contains("override"))
        XCTAssertTrue(dash.hasSuffix("marac.toml [rules] 9:1"))
        let idva = try XCTUnwrap(lines.first { $0.hasPrefix("idva_referral ") })
        XCTAssertTrue(idva.contains("1 working day "))
        XCTAssertTrue(idva.hasSuffix("West Midlands MARAC Partnership Operating Protocol §9"))
        let merit = try XCTUnwrap(lines.first { $0.hasPrefix("merit_threshold ") })
        XCTAssertTrue(merit.contains(" off "))
        XCTAssertTrue(merit.hasSuffix(" -"))
        // Columns line up.
        let valueColumn = lines[1].range(of: "VALUE")!.lowerBound.utf16Offset(in: lines[1])
        XCTAssertEqual(dash.range(of: "12 ticks")!.lowerBound.utf16Offset(in: dash), valueColumn)
        XCTAssertEqual(try effective("gwent").textLines(descriptions: true).count, 2 + 2 * RuleID.checked.count)
        // The MeRIT bands are listed, with their source.
        XCTAssertTrue(try effective("liverpool").textLines().contains { $0.hasPrefix("merit_gold_min ") && $0.hasSuffix("Liverpool MARAC Combined Protocol App.5") })
    }

    func testJSON() throws {
        let json = try effective("gwent", [("flag_months", .integer(12))]).json()
        XCTAssertEqual(json["profile"], .string("gwent"))
        guard case .array(let rules)? = json["rules"] else { return XCTFail("rules array") }
        XCTAssertEqual(rules.count, RuleID.checked.count)
        let idva = try XCTUnwrap(rules.first { $0["id"] == .string("idva_referral") })
        XCTAssertEqual(idva["value"], .integer(24))
        XCTAssertEqual(idva["unit"], .string("hours"))
        XCTAssertEqual(idva["text"], .string("24 hours"))
        XCTAssertEqual(idva["origin"], .string("profile"))
        XCTAssertEqual(idva["source"], .string("Gwent MARAC Operating Protocol (2018) §4.6"))
        let dvds = try XCTUnwrap(rules.first { $0["id"] == .string("dvds_automatic") })
        XCTAssertEqual(dvds["value"], .bool(true))
        XCTAssertEqual(dvds["unit"], .null)
        let cap = try XCTUnwrap(rules.first { $0["id"] == .string("max_cases_per_meeting") })
        XCTAssertEqual(cap["value"], .bool(false))
        XCTAssertEqual(cap["source"], .null)
        let flag = try XCTUnwrap(rules.first { $0["id"] == .string("flag_months") })
        XCTAssertEqual(flag["origin"], .string("override"))
        XCTAssertEqual(flag["unit"], .string("months"))
        let slot = try XCTUnwrap(rules.first { $0["id"] == .string("slot_minutes_with_children") })
        XCTAssertEqual(slot["unit"], .string("minutes"))
        XCTAssertEqual(slot["value"], .integer(15))
    }
}
