import XCTest
@testable import MaracBase
@testable import MaracProtocol

/// Every rule of every profile against MARAC.md and the seed it cites. A rule missing from a
/// table must be off in that profile.
final class ProfileTests: XCTestCase {
    typealias Row = (RuleID, RuleValue, String)

    private static let wmP = "West Midlands MARAC Partnership Operating Protocol"
    private static let wmB = "West Midlands MARAC Transformation Project briefing (2019)"
    private static let gw = "Gwent MARAC Operating Protocol (2018)"
    private static let lv = "Liverpool MARAC Combined Protocol"
    private static let sl = "SafeLives MARAC Strategic Templates"

    private static func wd(_ n: Int) -> RuleValue { .period(RulePeriod(n, .workingDays)) }
    private static func days(_ n: Int) -> RuleValue { .period(RulePeriod(n, .days)) }
    private static func months(_ n: Int) -> RuleValue { .period(RulePeriod(n, .months)) }

    static let westMidlands: [Row] = [
        (.minVictimAge, .count(16), "\(wmP) §1, §9"),
        (.dashThreshold, .count(14), "\(wmP) §9"),
        (.youngPersonDASH, .on, "\(wmP) §9"),
        (.professionalJudgement, .on, "\(wmP) §9"),
        (.escalation, .on, "\(wmP) §9"),
        (.transferIn, .on, "\(wmP) §9"),
        (.dvdsAutomatic, .on, "\(wmP) §27"),
        (.consentReasonRequired, .on, "\(wmP) §9"),
        (.belowThresholdDecision, .on, "\(wmP) §9; \(wmB)"),
        (.returnReasonRequired, .on, "\(wmP) §9; \(wmB)"),
        (.repeatWindowMonths, months(12), "\(wmP) §9"),
        (.idvaReferral, wd(1), "\(wmP) §9"),
        (.maxCasesPerMeeting, .count(25), "\(wmP) §10"),
        (.agendaWindowMinDays, wd(5), "\(wmP) §7, §9; \(wmB)"),
        (.agendaWindowMaxDays, wd(8), "\(wmP) §7, §9"),
        (.agendaChildrenFirst, .on, "\(wmP) §4, §7; \(sl) §2 IV"),
        (.agendaClaresLawLast, .on, "\(wmP) §27"),
        (.victimNotInformedOnAgenda, .on, "\(wmP) §9"),
        (.agendaTransfersOutLast, .on, wmB),
        (.repeatInfoOnlyListing, .on, wmB),
        (.coreAgencyAttendance, .on, "\(wmP) §8"),
        (.presenterMustAttend, .on, wmB),
        (.absentAgencyWrittenInfoDays, days(0), "\(wmP) §8"),
        (.actionChaseDays, days(7), "\(wmP) §12"),
        (.professionalsMeetingDays, days(10), "\(wmP) §14"),
        (.complexCaseHearings, .count(4), "\(wmP) §14"),
        (.complexCaseWindowMonths, months(6), "\(wmP) §14"),
        (.transferOutDays, wd(3), "\(wmP) §18"),
        (.flagMonths, months(12), "\(wmP) §7, §9"),
        (.emergencyRelisting, .on, "\(sl) §2 IV"),
    ]

    static let gwent: [Row] = [
        (.minVictimAge, .count(16), "\(gw) §4.1"),
        (.dashThreshold, .count(14), "\(gw) §4.2.2, §4.3"),
        (.professionalJudgement, .on, "\(gw) §4.2.2"),
        (.escalation, .on, "\(gw) §4.2.2"),
        (.escalationPoliceIncidents, .count(5), "\(gw) §4.2.2"),
        (.escalationCrimes, .count(3), "\(gw) §4.2.2"),
        (.escalationWindowMonths, months(12), "\(gw) §4.2.2"),
        (.transferIn, .on, "\(gw) §4.13"),
        (.transferOutReceiptConfirmed, .on, "\(gw) §4.13"),
        (.dvdsAutomatic, .on, "\(gw) §4.2.2, §4.14"),
        (.consentReasonRequired, .on, "\(gw) §4.4"),
        (.returnReasonRequired, .on, "\(gw) §4.3"),
        (.repeatWindowMonths, months(12), "\(gw) §4.2.3"),
        (.repeatIDVAOnlyMonths, months(3), "\(gw) §4.2.3"),
        (.idvaReferral, .period(RulePeriod(24, .hours)), "\(gw) §4.6"),
        (.idvaClockFromReceipt, .on, "\(gw) §4.6"),
        (.idvaNonPoliceOnly, .on, "\(gw) §4.6"),
        (.agendaWindowMinDays, days(5), "\(gw) §4.5"),
        (.agendaWindowMaxDays, days(8), "\(sl) §3 duty 2"),
        (.slotMinutesWithChildren, .count(15), "\(gw) §4.10"),
        (.slotMinutesWithoutChildren, .count(10), "\(gw) §4.10"),
        (.coreAgencyAttendance, .on, "\(gw) §2.2"),
        (.coreAgencyDeputyRequired, .on, "\(gw) §2.2"),
        (.absentAgencyWrittenInfoDays, days(0), "\(gw) §4.8"),
        (.minutesApprovedBeforeCirculation, .on, "\(gw) §4.9"),
        (.minutesCirculationList, .on, "\(gw) §2.4, §4.9"),
        (.circulationListReviewMonths, months(6), "\(gw) §2.4"),
        (.flagMonths, months(12), "\(sl) §3 duty 7; \(gw) §4.6"),
        (.emergencyRelisting, .on, "\(sl) §2 IV"),
    ]

    static let liverpool: [Row] = [
        (.minVictimAge, .count(16), "\(lv) MOP §1"),
        (.recentIncidentMonths, months(3), "\(lv) App.5"),
        (.dashThreshold, .count(14), "\(lv) MOP §1.3; \(gw) §4.2.2"),
        (.dashHealthOnly, .on, "\(lv) MOP §1.3"),
        (.meritThreshold, .count(72), "\(lv) MOP §2.1, App.5"),
        (.meritGoldMin, .count(72), "\(lv) App.5"),
        (.meritSilverMin, .count(16), "\(lv) App.5"),
        (.meritBronzeMin, .count(1), "\(lv) App.5"),
        (.professionalJudgement, .on, "\(lv) MOP §2.1, MOP §2.5"),
        (.escalation, .on, "\(lv) MOP §2.1"),
        (.transferIn, .on, "\(lv) MOP §2.11"),
        (.transferInAcknowledgement, .on, "\(lv) MOP §2.11"),
        (.hbvAutomatic, .on, "\(lv) MOP §2.1"),
        (.hbvClosedSession, .on, "\(lv) MOP §2.1, MOP §5.13"),
        (.consentReasonRequired, .on, "\(lv) ISP §6"),
        (.belowThresholdDecision, .on, "\(lv) MOP §2.5, App.6"),
        (.returnReasonRequired, .on, "\(lv) MOP §2.5"),
        (.repeatWindowMonths, months(12), "\(lv) MOP §2.7"),
        (.repeatAnyInstanceMonths, months(3), "\(lv) MOP §2.7"),
        (.idvaReferral, days(3), "\(lv) MOP §4.4"),
        (.idvaClockFromReceipt, .on, "\(lv) MOP §4.4"),
        (.listingByReceipt, .on, "\(lv) MOP §5.1"),
        (.agendaWindowMinDays, wd(5), "\(lv) MOP §5.2"),
        (.agendaWindowMaxDays, .off, "\(lv) MOP §5.2 (at least 5 working days; SafeLives' eight days would contradict it around bank holidays)"),
        (.agendaHighestRiskFirst, .on, "\(lv) MOP §9.4"),
        (.agendaMeritBand, .on, "\(lv) App.5, MOP §5.2"),
        (.slotMinutesWithChildren, .count(10), "\(lv) App.4"),
        (.slotMinutesWithoutChildren, .count(10), "\(lv) App.4"),
        (.coreAgencyAttendance, .on, "\(lv) MOP §3.1, MOP §9.1"),
        (.signInOutTimes, .on, "\(lv) MOP §9.4, App.4"),
        (.absentAgencyWrittenInfoDays, days(2), "\(lv) MOP §3.4"),
        (.maxCasesMovedPerAgency, .count(2), "\(lv) MOP §9.4"),
        (.minutesCirculationList, .on, "\(lv) MOP §10.10"),
        (.actionCompletionDays, days(14), "\(lv) MOP §6.12"),
        (.professionalsMeetingIncidents, .count(3), "\(lv) App.6"),
        (.professionalsMeetingWindowMonths, months(6), "\(lv) App.6"),
        (.dhrDisclosureDays, wd(10), "\(lv) ISP §5.6, ISP §5.7"),
        (.flagMonths, months(12), "\(lv) MOP §2.6, MOP §5.5"),
        (.emergencyRelisting, .on, "\(sl) §2 IV"),
    ]

    private func check(_ rules: ProtocolRules, _ table: [Row], file: StaticString = #filePath, line: UInt = #line) {
        var expected: [RuleID: (RuleValue, String)] = [:]
        for (id, value, source) in table {
            XCTAssertNil(expected[id], "\(id) listed twice", file: file, line: line)
            expected[id] = (value, source)
        }
        for id in RuleID.allCases {
            if let (value, source) = expected[id] {
                XCTAssertEqual(rules[id], value, "\(rules.profile) \(id.rawValue)", file: file, line: line)
                XCTAssertEqual(rules.source(of: id), source, "\(rules.profile) \(id.rawValue)", file: file, line: line)
            } else {
                XCTAssertEqual(rules[id], .off, "\(rules.profile) \(id.rawValue) should be off", file: file, line: line)
                XCTAssertNil(rules.source(of: id), file: file, line: line)
            }
            if let value = expected[id]?.0, value != .off { assertKindMatches(id, value, file: file, line: line) }
        }
    }

    /// The SafeLives administrator's duties with a rule [002 §3] are on in every profile, or
    /// off with the citation that says why (duty 2, the list within eight days; duty 3, the
    /// IDVA referral; duty 7, the 12-month flags).
    func testSafeLivesDutiesAreTheBaseOfEveryProfile() {
        for rules in ProtocolRules.profiles {
            for id in [RuleID.agendaWindowMaxDays, .idvaReferral, .flagMonths] {
                XCTAssertNotNil(rules.source(of: id), "\(rules.profile) \(id.rawValue): on, or off with a citation")
            }
            XCTAssertEqual(rules.flagPeriod, RulePeriod(12, .months), rules.profile)
            XCTAssertNil(rules.minutesApproval, "\(rules.profile): no seed sets a time for the chair's approval")
        }
    }

    /// Every shipped profile's agenda window opens on or before its latest day, for every
    /// meeting day of 2026-2027 (bank holidays included).
    func testAgendaWindowsNeverCloseBeforeTheyOpen() {
        let calendar = WorkingCalendar(closures: [LocalDate(year: 2026, month: 12, day: 24)])
        var day = LocalDate(year: 2026, month: 1, day: 1)
        while day < LocalDate(year: 2028, month: 1, day: 1) {
            for rules in ProtocolRules.profiles where calendar.isWorkingDay(day) {
                if let window = rules.agendaWindow(meeting: day, calendar: calendar), let earliest = window.earliest {
                    XCTAssertLessThanOrEqual(earliest, window.latest, "\(rules.profile) \(day)")
                }
            }
            day = day.adding(days: 1)
        }
        // The guard itself: eight calendar days against five working days over Easter 2026.
        var liverpool = ProtocolRules.liverpool
        liverpool[.agendaWindowMaxDays] = .period(RulePeriod(8, .days))
        let easter = liverpool.agendaWindow(meeting: LocalDate(year: 2026, month: 4, day: 9), calendar: calendar)
        XCTAssertEqual(easter, AgendaWindow(earliest: LocalDate(year: 2026, month: 3, day: 31), latest: LocalDate(year: 2026, month: 3, day: 31)))
    }

    private func assertKindMatches(_ id: RuleID, _ value: RuleValue, file: StaticString, line: UInt) {
        switch (id.kind, value) {
        case (.toggle, .on), (.count, .count): break
        case (.period(let units), .period(let p)):
            XCTAssertTrue(units.contains(p.unit), "\(id.rawValue) unit", file: file, line: line)
        default: XCTFail("\(id.rawValue): value does not fit its kind", file: file, line: line)
        }
    }

    func testWestMidlands() { check(.westMidlands, Self.westMidlands) }
    func testGwent() { check(.gwent, Self.gwent) }
    func testLiverpool() { check(.liverpool, Self.liverpool) }

    func testProfileLookup() {
        XCTAssertEqual(ProtocolRules.profiles.map(\.profile), ["west-midlands", "gwent", "liverpool"])
        XCTAssertEqual(ProtocolRules.profile(named: "gwent")?.area, "Gwent")
        XCTAssertNil(ProtocolRules.profile(named: "West Midlands"))
    }

    func testTypedAccessors() {
        let wm = ProtocolRules.westMidlands
        XCTAssertEqual(wm.dashThreshold, 14)
        XCTAssertTrue(wm.youngPersonDASH)
        XCTAssertNil(wm.escalationPoliceIncidents)
        XCTAssertEqual(wm.agendaWindowMin, RulePeriod(5, .workingDays))
        XCTAssertEqual(wm.agendaWindowMax, RulePeriod(8, .workingDays))
        XCTAssertEqual(wm.maxCasesPerMeeting, 25)
        let gw = ProtocolRules.gwent
        XCTAssertEqual(gw.idvaReferral, RulePeriod(24, .hours))
        XCTAssertEqual(gw.escalationPoliceIncidents, 5)
        XCTAssertEqual(gw.escalationCrimes, 3)
        XCTAssertEqual(gw.escalationWindow, RulePeriod(12, .months))
        XCTAssertTrue(gw.dvdsAutomatic)
        XCTAssertNil(gw.maxCasesPerMeeting)
        XCTAssertEqual(gw.agendaWindowMax, RulePeriod(8, .days))
        let lv = ProtocolRules.liverpool
        XCTAssertEqual(lv.dashThreshold, 14)
        XCTAssertTrue(lv.dashHealthOnly)
        XCTAssertEqual(lv.meritThreshold, 72)
        XCTAssertTrue(lv.hbvAutomatic && lv.hbvClosedSession)
        XCTAssertEqual(lv.dhrDisclosure, RulePeriod(10, .workingDays))
    }

    func testMeritBands() {
        let lv = ProtocolRules.liverpool
        XCTAssertEqual(lv.meritBand(score: 72), "GOLD")
        XCTAssertEqual(lv.meritBand(score: 140), "GOLD")
        XCTAssertEqual(lv.meritBand(score: 71), "SILVER")
        XCTAssertEqual(lv.meritBand(score: 16), "SILVER")
        XCTAssertEqual(lv.meritBand(score: 15), "BRONZE")
        XCTAssertEqual(lv.meritBand(score: 1), "BRONZE")
        XCTAssertNil(lv.meritBand(score: 0))
        XCTAssertNil(ProtocolRules.westMidlands.meritBand(score: 80))
    }

    func testPeriodDeadlines() {
        let calendar = WorkingCalendar()
        let friday = LocalDate(year: 2026, month: 12, day: 18)
        XCTAssertEqual(RulePeriod(1, .workingDays).deadline(after: friday, in: calendar), LocalDate(year: 2026, month: 12, day: 21))
        XCTAssertEqual(RulePeriod(24, .hours).deadline(after: friday, in: calendar), LocalDate(year: 2026, month: 12, day: 19))
        XCTAssertEqual(RulePeriod(25, .hours).deadline(after: friday, in: calendar), LocalDate(year: 2026, month: 12, day: 20))
        XCTAssertEqual(RulePeriod(3, .days).deadline(after: friday, in: calendar), LocalDate(year: 2026, month: 12, day: 21))
        XCTAssertEqual(RulePeriod(3, .workingDays).deadline(after: friday, in: calendar), LocalDate(year: 2026, month: 12, day: 23))
        XCTAssertEqual(RulePeriod(12, .months).deadline(after: friday, in: calendar), LocalDate(year: 2027, month: 12, day: 18))
        // Agenda window for a Thursday 7 January 2027 meeting: 5-8 working days before.
        let meeting = LocalDate(year: 2027, month: 1, day: 7)
        XCTAssertEqual(RulePeriod(5, .workingDays).date(before: meeting, in: calendar), LocalDate(year: 2026, month: 12, day: 30))
        XCTAssertEqual(RulePeriod(8, .workingDays).date(before: meeting, in: calendar), LocalDate(year: 2026, month: 12, day: 23))
        XCTAssertEqual(RulePeriod(5, .days).date(before: meeting, in: calendar), LocalDate(year: 2027, month: 1, day: 2))
        XCTAssertEqual(RulePeriod(1, .workingDays).description, "1 working day")
        XCTAssertEqual(RulePeriod(24, .hours).description, "24 hours")
    }

    func testEveryRuleHasIdSummaryAndKind() {
        var seen = Set<String>()
        for id in RuleID.allCases {
            XCTAssertNil(RuleID.removed[id.rawValue])
            XCTAssertTrue(seen.insert(id.rawValue).inserted)
            XCTAssertTrue(id.rawValue.allSatisfy { $0.isLowercase || $0 == "_" }, id.rawValue)
            XCTAssertFalse(id.summary.isEmpty)
            if case .period(let units) = id.kind { XCTAssertFalse(units.isEmpty) }
        }
    }
}

final class AgendaWindowTests: XCTestCase {
    private func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day) }

    func testWindowPerProfile() {
        let calendar = WorkingCalendar()
        let meeting = d(2026, 11, 19)
        XCTAssertEqual(ProtocolRules.westMidlands.agendaWindow(meeting: meeting, calendar: calendar),
                       AgendaWindow(earliest: d(2026, 11, 9), latest: d(2026, 11, 12)))
        XCTAssertEqual(ProtocolRules.gwent.agendaWindow(meeting: meeting, calendar: calendar),
                       AgendaWindow(earliest: d(2026, 11, 11), latest: d(2026, 11, 14)))
        XCTAssertEqual(ProtocolRules.liverpool.agendaWindow(meeting: meeting, calendar: calendar),
                       AgendaWindow(earliest: nil, latest: d(2026, 11, 12)))
        var off = ProtocolRules.westMidlands
        off[.agendaWindowMinDays] = .off
        XCTAssertNil(off.agendaWindow(meeting: meeting, calendar: calendar))
    }

    func testContainsAndChristmas() throws {
        let window = try XCTUnwrap(ProtocolRules.westMidlands.agendaWindow(
            meeting: d(2027, 1, 7), calendar: WorkingCalendar(closures: [d(2026, 12, 24)])))
        XCTAssertEqual(window, AgendaWindow(earliest: d(2026, 12, 22), latest: d(2026, 12, 30)))
        XCTAssertTrue(window.contains(d(2026, 12, 22)))
        XCTAssertFalse(window.contains(d(2026, 12, 21)))
        XCTAssertTrue(window.contains(d(2026, 12, 30)))
        XCTAssertFalse(window.contains(d(2026, 12, 31)))
        XCTAssertFalse(window.contains(d(2026, 12, 18)))
        XCTAssertTrue(AgendaWindow(earliest: nil, latest: d(2026, 1, 5)).contains(d(2025, 1, 1)))
    }
}
