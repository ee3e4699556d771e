import XCTest
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracTOML

final class RuleOverrideTests: XCTestCase {
    private func range(_ line: Int, _ column: Int) -> SourceRange {
        let p = SourcePosition(line: line, column: column, offset: line * 100 + column)
        return SourceRange(start: p, end: p)
    }

    /// A `[rules]` table with one key a line from line 5, each key at column 1.
    private func table(_ pairs: [(String, TOMLValue)]) -> TOMLTable {
        TOMLTable(members: pairs.enumerated().map { i, pair in
            TOMLTable.Member(key: pair.0, keyRange: range(5 + i, 1),
                             node: TOMLNode(pair.1, range: range(5 + i, 4 + pair.0.count)))
        })
    }

    private func errors(_ profile: String, _ pairs: [(String, TOMLValue)]) -> [String] {
        do {
            _ = try ProtocolRules.effective(profile: profile, overrides: table(pairs))
            XCTFail("expected an error")
            return []
        } catch let error as RulesError {
            return error.problems.map(\.description)
        } catch {
            XCTFail("unexpected \(error)")
            return []
        }
    }

    func testNoOverridesIsTheProfile() throws {
        for profile in ProtocolRules.profiles {
            let effective = try ProtocolRules.effective(profile: profile.profile, overrides: TOMLTable())
            XCTAssertEqual(effective.rules, profile)
            XCTAssertEqual(effective.entries.map(\.id), RuleID.allCases)
            XCTAssertTrue(effective.entries.allSatisfy { $0.origin == .profile })
            XCTAssertTrue(effective.overrides.isEmpty)
            XCTAssertEqual(effective[.idvaReferral].source, profile.source(of: .idvaReferral))
        }
    }

    func testOverridesOfEachKind() throws {
        let effective = try ProtocolRules.effective(profile: "west-midlands", overrides: table([
            ("dash_threshold", .integer(12)),
            ("max_cases_per_meeting", .boolean(false)),
            ("hbv_closed_session", .boolean(true)),
            ("dvds_automatic", .boolean(false)),
            ("idva_referral", .integer(2)),
            ("agenda_window_max_days", .string("10 days")),
            ("escalation_police_incidents", .integer(4)),
            ("escalation_window_months", .integer(6)),
            ("dhr_disclosure_days", .integer(10)),
            ("flag_months", .string("18 months")),
        ]))
        let rules = effective.rules
        XCTAssertEqual(rules.dashThreshold, 12)
        XCTAssertNil(rules.maxCasesPerMeeting)
        XCTAssertTrue(rules.hbvClosedSession)
        XCTAssertFalse(rules.dvdsAutomatic)
        XCTAssertEqual(rules.idvaReferral, RulePeriod(2, .workingDays))  // the profile's unit
        XCTAssertEqual(rules.agendaWindowMax, RulePeriod(10, .days))
        XCTAssertEqual(rules.escalationPoliceIncidents, 4)
        XCTAssertEqual(rules.escalationWindow, RulePeriod(6, .months))
        XCTAssertEqual(rules.dhrDisclosure, RulePeriod(10, .workingDays))  // off in the profile: first unit
        XCTAssertEqual(rules.flagPeriod, RulePeriod(18, .months))
        XCTAssertEqual(effective[.dashThreshold].origin, .override)
        XCTAssertEqual(effective[.dashThreshold].source, "marac.toml [rules] 5:1")
        XCTAssertEqual(effective[.maxCasesPerMeeting].value, .off)
        XCTAssertEqual(effective[.maxCasesPerMeeting].source, "marac.toml [rules] 6:1")
        XCTAssertEqual(effective[.transferOutDays].origin, .profile)
        XCTAssertEqual(effective.overrides.count, 10)
        XCTAssertEqual(effective.overrides.map(\.id), effective.overrides.map(\.id).sorted())
    }

    func testGwentIDVAOverrideKeepsHoursAndAcceptsAnotherUnit() throws {
        var effective = try ProtocolRules.effective(profile: "gwent", overrides: table([("idva_referral", .integer(48))]))
        XCTAssertEqual(effective.rules.idvaReferral, RulePeriod(48, .hours))
        effective = try ProtocolRules.effective(
            profile: "gwent", overrides: table([("idva_referral", .string("1 working day"))]))
        XCTAssertEqual(effective.rules.idvaReferral, RulePeriod(1, .workingDays))
        effective = try ProtocolRules.effective(
            profile: "gwent", overrides: table([("idva_referral", .string("2 working-days"))]))
        XCTAssertEqual(effective.rules.idvaReferral, RulePeriod(2, .workingDays))
        // One way to write it, as the schema says (`RuleID.periodPattern`): lower case, one space.
        XCTAssertEqual(errors("gwent", [("idva_referral", .string("2  Working-Days"))]).count, 1)
    }

    func testUnknownRulesAreReportedWithPositionAndSuggestion() {
        let problems = errors("liverpool", [
            ("dash_treshold", .integer(14)),
            ("merit_threshold", .integer(70)),
            ("completely_unknown", .boolean(true)),
        ])
        XCTAssertEqual(problems, [
            "5:1: unknown rule `dash_treshold` in [rules] (did you mean `dash_threshold`?); `mfile rules` lists every rule",
            "7:1: unknown rule `completely_unknown` in [rules]; `mfile rules` lists every rule",
        ])
    }

    func testWrongTypesNameTheKeyNeverTheValue() {
        let secret = "Jane Example 1 Acacia Avenue"
        let problems = errors("west-midlands", [
            ("dash_threshold", .string(secret)),
            ("dvds_automatic", .integer(1)),
            ("max_cases_per_meeting", .boolean(true)),
            ("idva_referral", .string(secret)),
            ("flag_months", .string("12 working days")),
            ("agenda_window_min_days", .integer(-1)),
            ("complex_case_hearings", .float(4.0)),
            ("transfer_out_days", .localDate(LocalDate(year: 2026, month: 1, day: 1))),
            ("escalation", .array([])),
        ])
        XCTAssertEqual(problems.count, 9)
        XCTAssertEqual(problems[0], "5:1: rule `dash_threshold` takes a whole number of ticks, or false to turn it off (found a string)")
        XCTAssertEqual(problems[1], "6:1: rule `dvds_automatic` is a switch: write true or false (found an integer)")
        XCTAssertEqual(problems[2], "7:1: rule `max_cases_per_meeting` takes a whole number of cases, or false to turn it off (found a bool)")
        XCTAssertEqual(problems[3], "8:1: rule `idva_referral` takes a whole number of working days, a string such as \"3 working days\" (in working days, days or hours), or false to turn it off (the string is not one of these)")
        XCTAssertEqual(problems[4], "9:1: rule `flag_months` takes a whole number of months, or false to turn it off (the string is not one of these)")
        XCTAssertTrue(problems[5].hasPrefix("10:1: rule `agenda_window_min_days` takes"))
        XCTAssertTrue(problems[5].hasSuffix("(found a negative number)"))
        XCTAssertTrue(problems[6].hasSuffix("(found a float)"))
        XCTAssertTrue(problems[7].hasSuffix("(found a date or time)"))
        XCTAssertTrue(problems[8].hasSuffix("(found an array)"))
        for problem in problems {
            XCTAssertFalse(problem.contains("Jane"))
            XCTAssertFalse(problem.contains("Acacia"))
            XCTAssertFalse(problem.contains("4.0"))
            XCTAssertFalse(problem.contains("2026"))
        }
    }

    /// A rule nothing checks yet cannot be set, and a removed rule says why.
    func testRulesNotCheckedAndRemovedRules() {
        // Every rule the profiles carry is checked now (RuleID.notYetChecked is empty).
        XCTAssertEqual(RuleID.notYetChecked, [])
        XCTAssertEqual(errors("west-midlands", [("merit_gold_min", .integer(18)), ("minutes_pdf_per_case", .boolean(true))]), [
            "6:1: rule `minutes_pdf_per_case` in [rules] is no longer a rule: 'mfile render case-minutes MEETING --all' gives each case its own paper (a PDF with --format pdf) in every profile, so the switch changed nothing; delete the line",
        ])
    }

    func testUnknownProfile() {
        XCTAssertEqual(errors("westmidlands", []), ["unknown protocol profile; use one of: west-midlands, gwent, liverpool"])
    }

    func testErrorDescriptionJoinsLines() {
        let error = RulesError([.init("a", at: SourcePosition(line: 2, column: 3, offset: 0)), .init("b", at: nil)])
        XCTAssertEqual(error.description, "2:3: a\nb")
    }
}
