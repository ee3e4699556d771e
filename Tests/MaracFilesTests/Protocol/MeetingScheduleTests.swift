import XCTest
@testable import MaracProtocol
@testable import MaracRecords

final class MeetingScheduleTests: XCTestCase {
    private func marac(_ frequency: String, first: String, cutoff: Int? = nil) -> Configuration.Marac {
        let configuration = Records.configuration(
            profile: "west-midlands", frequency: frequency, firstMeeting: first,
            maracExtra: cutoff.map { [("referral_cutoff_days", .i($0))] } ?? [])
        return configuration.maracs[0]
    }

    private func dates(_ marac: Configuration.Marac, _ from: String, _ through: String, closures: [String] = []) -> [String] {
        MeetingSchedule.meetings(
            of: marac, from: day(from), through: day(through), rules: .westMidlands,
            calendar: WorkingCalendar(closures: closures.map(day))
        ).map(\.date.description)
    }

    func testMonthlyFirstThursday() {
        XCTAssertEqual(dates(marac("monthly", first: "2026-08-06"), "2026-08-01", "2027-01-31"),
                       ["2026-08-06", "2026-09-03", "2026-10-01", "2026-11-05", "2026-12-03", "2027-01-07"])
    }

    func testMonthlyFifthWeekIsTheLastWeekday() {
        // Thursday 29 January 2026: the last Thursday of each month.
        XCTAssertEqual(dates(marac("monthly", first: "2026-01-29"), "2026-01-01", "2026-04-30"),
                       ["2026-01-29", "2026-02-26", "2026-03-26", "2026-04-30"])
    }

    func testWeeklyAndFortnightlyMoveOffHolidays() {
        // Weekly on Fridays from 2026-03-27: Good Friday 3 April moves to Tuesday 7 April
        // (Easter Monday 6 April is a bank holiday too).
        let weekly = MeetingSchedule.meetings(
            of: marac("weekly", first: "2026-03-27"), from: day("2026-03-27"), through: day("2026-04-17"),
            rules: .westMidlands, calendar: WorkingCalendar())
        XCTAssertEqual(weekly.map(\.date.description), ["2026-03-27", "2026-04-07", "2026-04-10", "2026-04-17"])
        XCTAssertEqual(weekly[1].movedFrom, day("2026-04-03"))
        XCTAssertEqual(weekly[1].movedReason, "Good Friday")
        // Fortnightly on Thursdays from 2026-12-10: 24 December (closure) moves to 29 December
        // (25 Christmas, weekend, 28 Boxing Day substitute).
        XCTAssertEqual(dates(marac("fortnightly", first: "2026-12-10"), "2026-12-01", "2027-01-31", closures: ["2026-12-24"]),
                       ["2026-12-10", "2026-12-29", "2027-01-07", "2027-01-21"])
    }

    func testNothingBeforeTheFirstMeeting() {
        XCTAssertEqual(dates(marac("monthly", first: "2026-08-06"), "2026-01-01", "2026-09-30"), ["2026-08-06", "2026-09-03"])
    }

    func testCutoffAndAgendaWindow() {
        let meetings = MeetingSchedule.meetings(
            of: marac("monthly", first: "2026-08-06"), from: day("2026-12-01"), through: day("2026-12-31"),
            rules: .westMidlands, calendar: WorkingCalendar(closures: [day("2026-12-24")]))
        XCTAssertEqual(meetings.count, 1)
        XCTAssertEqual(meetings[0].referralCutoff, day("2026-11-23"))
        XCTAssertEqual(meetings[0].agendaWindow, AgendaWindow(earliest: day("2026-11-23"), latest: day("2026-11-26")))
        // referral_cutoff_days set by the MARAC: 10 working days before 3 December.
        let own = MeetingSchedule.meetings(
            of: marac("monthly", first: "2026-08-06", cutoff: 10), from: day("2026-12-01"), through: day("2026-12-31"),
            rules: .westMidlands, calendar: WorkingCalendar())
        XCTAssertEqual(own[0].referralCutoff, day("2026-11-19"))
        // Gwent: 5 calendar days [001 §4.5], from SafeLives' "within eight days" [002 §3 duty 2]:
        // the cut-off is the day the window opens.
        let gwent = MeetingSchedule.meetings(
            of: marac("monthly", first: "2026-08-06"), from: day("2026-12-01"), through: day("2026-12-31"),
            rules: .gwent, calendar: WorkingCalendar())
        XCTAssertEqual(gwent[0].referralCutoff, day("2026-11-25"))
        XCTAssertEqual(gwent[0].agendaWindow, AgendaWindow(earliest: day("2026-11-25"), latest: day("2026-11-28")))
        // Liverpool: at least 5 working days, no earliest day: the cut-off is the agenda's last day.
        let liverpool = MeetingSchedule.meetings(
            of: marac("monthly", first: "2026-08-06"), from: day("2026-12-01"), through: day("2026-12-31"),
            rules: .liverpool, calendar: WorkingCalendar())
        XCTAssertEqual(liverpool[0].referralCutoff, day("2026-11-26"))
        XCTAssertEqual(liverpool[0].agendaWindow, AgendaWindow(earliest: nil, latest: day("2026-11-26")))
    }
}
