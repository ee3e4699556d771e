import XCTest
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracTOML

final class WorkingCalendarTests: XCTestCase {
    private func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day) }
    private let calendar = WorkingCalendar(closures: [LocalDate(year: 2026, month: 12, day: 24)])

    func testWorkingDays() {
        XCTAssertTrue(calendar.isWorkingDay(d(2026, 11, 23)))
        XCTAssertFalse(calendar.isWorkingDay(d(2026, 11, 21)))  // Saturday
        XCTAssertFalse(calendar.isWorkingDay(d(2026, 12, 24)))  // closure
        XCTAssertFalse(calendar.isWorkingDay(d(2026, 12, 28)))  // Boxing Day substitute
        XCTAssertTrue(WorkingCalendar().isWorkingDay(d(2026, 12, 24)))
        XCTAssertEqual(calendar.nonWorkingReason(d(2026, 11, 22)), "Sunday")
        XCTAssertEqual(calendar.nonWorkingReason(d(2026, 12, 24)), "closure")
        XCTAssertEqual(calendar.nonWorkingReason(d(2026, 12, 25)), "Christmas Day")
        XCTAssertNil(calendar.nonWorkingReason(d(2026, 12, 29)))
    }

    func testAddingAcrossChristmasAndNewYear() {
        // Wed 23 Dec 2026 + 1: 24 closure, 25 Christmas, 26-27 weekend, 28 Boxing substitute.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: d(2026, 12, 23)), d(2026, 12, 29))
        XCTAssertEqual(calendar.adding(workingDays: 3, to: d(2026, 12, 23)), d(2026, 12, 31))
        XCTAssertEqual(calendar.adding(workingDays: 4, to: d(2026, 12, 23)), d(2027, 1, 4))
        XCTAssertEqual(calendar.adding(workingDays: -1, to: d(2026, 12, 29)), d(2026, 12, 23))
        XCTAssertEqual(calendar.adding(workingDays: -4, to: d(2027, 1, 4)), d(2026, 12, 23))
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 1, to: d(2026, 12, 23)), d(2026, 12, 24))
        // 2027: Christmas and Boxing Day substitutes Mon 27 and Tue 28.
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 1, to: d(2027, 12, 24)), d(2027, 12, 29))
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 2, to: d(2027, 12, 31)), d(2028, 1, 5))  // 3 Jan substitute
    }

    func testAddingAcrossEaster() {
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: d(2026, 4, 2)), d(2026, 4, 7))
        XCTAssertEqual(calendar.adding(workingDays: -1, to: d(2026, 4, 7)), d(2026, 4, 2))
        XCTAssertEqual(calendar.workingDays(from: d(2026, 4, 2), to: d(2026, 4, 7)), 1)
        // Agenda 5 working days before a Thursday 9 April 2026 meeting.
        XCTAssertEqual(calendar.adding(workingDays: -5, to: d(2026, 4, 9)), d(2026, 3, 31))
    }

    func testAddingAcrossWeekendsAndZero() {
        XCTAssertEqual(calendar.adding(workingDays: 1, to: d(2026, 11, 20)), d(2026, 11, 23))  // Fri -> Mon
        XCTAssertEqual(calendar.adding(workingDays: 1, to: d(2026, 11, 21)), d(2026, 11, 23))  // Sat -> Mon
        XCTAssertEqual(calendar.adding(workingDays: -1, to: d(2026, 11, 22)), d(2026, 11, 20))  // Sun -> Fri
        XCTAssertEqual(calendar.adding(workingDays: 0, to: d(2026, 11, 22)), d(2026, 11, 22))
        XCTAssertEqual(calendar.adding(workingDays: -5, to: d(2026, 11, 19)), d(2026, 11, 12))
        XCTAssertEqual(calendar.adding(workingDays: -8, to: d(2026, 11, 19)), d(2026, 11, 9))
    }

    func testCountingIsExclusiveOfStartInclusiveOfEnd() {
        XCTAssertEqual(calendar.workingDays(from: d(2026, 11, 19), to: d(2026, 11, 19)), 0)
        XCTAssertEqual(calendar.workingDays(from: d(2026, 11, 19), to: d(2026, 11, 20)), 1)
        XCTAssertEqual(calendar.workingDays(from: d(2026, 11, 20), to: d(2026, 11, 23)), 1)  // weekend skipped
        XCTAssertEqual(calendar.workingDays(from: d(2026, 11, 21), to: d(2026, 11, 22)), 0)
        XCTAssertEqual(calendar.workingDays(from: d(2026, 11, 10), to: d(2026, 11, 19)), 7)  // RECORDS.md example
        XCTAssertEqual(calendar.workingDays(from: d(2026, 11, 19), to: d(2026, 11, 10)), -7)
        XCTAssertEqual(calendar.workingDays(from: d(2026, 12, 23), to: d(2027, 1, 4)), 4)
        XCTAssertEqual(calendar.workingDays(from: d(2026, 1, 1), to: d(2027, 1, 1)), 252)  // 261 weekdays - 8 holidays - 1 closure
    }

    func testAddingAndCountingAgree() {
        var day = d(2026, 12, 1)
        for _ in 0..<60 {
            for n in 0...12 {
                let later = calendar.adding(workingDays: n, to: day)
                XCTAssertEqual(calendar.workingDays(from: day, to: later), n, "\(day) + \(n)")
                if calendar.isWorkingDay(day) {
                    let earlier = calendar.adding(workingDays: -n, to: day)
                    XCTAssertEqual(calendar.workingDays(from: earlier, to: day), n, "\(day) - \(n)")
                }
            }
            day = day.adding(days: 1)
        }
    }

    func testNonWorkingWeekdaysWithReasons() {
        let days = calendar.nonWorkingWeekdays(in: 2026)
        XCTAssertEqual(days.map(\.date), [
            d(2026, 1, 1), d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 4), d(2026, 5, 25),
            d(2026, 8, 31), d(2026, 12, 24), d(2026, 12, 25), d(2026, 12, 28),
        ])
        XCTAssertEqual(days.last?.reason, "Boxing Day (substitute day)")
        XCTAssertEqual(days[6].reason, "closure")
        let closures = WorkingCalendar(closures: [d(2027, 12, 27), d(2027, 12, 31), d(2027, 12, 25)])
        let dec = closures.nonWorkingWeekdays(in: 2027).filter { $0.date.month == 12 }
        XCTAssertEqual(dec.map(\.description), [
            "2027-12-27 Monday Christmas Day (substitute day)",
            "2027-12-28 Tuesday Boxing Day (substitute day)",
            "2027-12-31 Friday closure",
        ])
    }
}

final class WorkingCalendarTOMLTests: XCTestCase {
    private func at(_ line: Int, _ column: Int) -> SourceRange {
        let p = SourcePosition(line: line, column: column, offset: 0)
        return SourceRange(start: p, end: p)
    }

    func testReadsRegionAndClosures() throws {
        let table = TOMLTable(members: [
            .init(key: "region", keyRange: at(20, 1), node: TOMLNode(.string("england-and-wales"), range: at(20, 10))),
            .init(key: "closures", keyRange: at(21, 1), node: TOMLNode(.array([
                TOMLNode(.localDate(LocalDate(year: 2026, month: 12, day: 24)), range: at(21, 13)),
            ]), range: at(21, 12))),
        ])
        let calendar = try WorkingCalendar(calendar: table)
        XCTAssertEqual(calendar.closures, [LocalDate(year: 2026, month: 12, day: 24)])
        XCTAssertEqual(try WorkingCalendar(calendar: TOMLTable()), WorkingCalendar())
    }

    func testProblemsHavePositionsAndNoValues() {
        let table = TOMLTable(members: [
            .init(key: "region", keyRange: at(20, 1), node: TOMLNode(.string("scotland"), range: at(20, 10))),
            .init(key: "closures", keyRange: at(21, 1), node: TOMLNode(.array([
                TOMLNode(.localDate(LocalDate(year: 2026, month: 12, day: 24)), range: at(21, 13)),
                TOMLNode(.string("Boxing"), range: at(21, 27)),
            ]), range: at(21, 12))),
            .init(key: "closure", keyRange: at(22, 1), node: TOMLNode(.boolean(true), range: at(22, 11))),
        ])
        XCTAssertThrowsError(try WorkingCalendar(calendar: table)) { error in
            let lines = (error as? RulesError)?.problems.map(\.description) ?? []
            XCTAssertEqual(lines, [
                "20:1: `region` in [calendar] must be one of: england-and-wales",
                "21:27: each entry of `closures` in [calendar] must be a date written YYYY-MM-DD, without a time",
                "22:1: unknown key `closure` in [calendar]; the keys are `region` and `closures`",
            ])
        }
    }
}
