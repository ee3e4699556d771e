import XCTest
@testable import MaracBase

final class LocalDateArithmeticTests: XCTestCase {
    /// A date is kept in 8 bytes; a value no date reaches is held at its bound, never a crash.
    func testADateIsSmallAndOutOfRangeValuesAreHeldAtTheirBound() {
        XCTAssertEqual(MemoryLayout<LocalDate>.size, 8)
        let date = LocalDate(year: 2026, month: 11, day: 30)
        XCTAssertEqual([date.year, date.month, date.day], [2026, 11, 30])
        XCTAssertEqual(date.description, "2026-11-30")
        let far = LocalDate(year: Int.max, month: 40_000, day: -40_000)
        XCTAssertEqual([far.year, far.month, far.day], [Int(Int32.max), Int(Int16.max), Int(Int16.min)])
        XCTAssertLessThan(LocalDate(year: 2026, month: 1, day: 31), LocalDate(year: 2026, month: 2, day: 1))
    }

    private func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day) }

    func testDayNumberEpochAndRoundTrip() {
        XCTAssertEqual(d(1970, 1, 1).dayNumber, 0)
        XCTAssertEqual(d(2000, 3, 1).dayNumber, 11_017)
        XCTAssertEqual(d(1900, 1, 1).dayNumber, -25_567)
        var day = d(1899, 12, 1)
        let end = d(2201, 2, 1)
        var n = day.dayNumber
        while day < end {
            XCTAssertTrue(day.isValid)
            XCTAssertEqual(LocalDate(dayNumber: n), day)
            day = day.adding(days: 1)
            n += 1
            XCTAssertEqual(day.dayNumber, n)
        }
    }

    func testWeekdays() {
        XCTAssertEqual(d(1970, 1, 1).weekday, .thursday)
        XCTAssertEqual(d(1900, 1, 1).weekday, .monday)
        XCTAssertEqual(d(2026, 11, 23).weekday, .monday)
        XCTAssertEqual(d(2026, 12, 25).weekday, .friday)
        XCTAssertEqual(d(2000, 2, 29).weekday, .tuesday)
        XCTAssertEqual(d(2200, 12, 31).weekday, .wednesday)
    }

    func testLeapYears() {
        XCTAssertTrue(LocalDate.isLeapYear(2000))
        XCTAssertFalse(LocalDate.isLeapYear(1900))
        XCTAssertFalse(LocalDate.isLeapYear(2100))
        XCTAssertTrue(LocalDate.isLeapYear(2028))
        XCTAssertFalse(d(2026, 2, 29).isValid)
        XCTAssertTrue(d(2028, 2, 29).isValid)
    }

    func testAddingDaysAndDaysBetween() {
        XCTAssertEqual(d(2026, 12, 31).adding(days: 1), d(2027, 1, 1))
        XCTAssertEqual(d(2028, 3, 1).adding(days: -1), d(2028, 2, 29))
        XCTAssertEqual(d(2026, 1, 1).days(to: d(2027, 1, 1)), 365)
        XCTAssertEqual(d(2028, 1, 1).days(to: d(2029, 1, 1)), 366)
        XCTAssertEqual(d(2026, 11, 19).days(to: d(2026, 11, 10)), -9)
    }

    func testAddingMonthsClampsToMonthEnd() {
        XCTAssertEqual(d(2026, 1, 31).adding(months: 1), d(2026, 2, 28))
        XCTAssertEqual(d(2028, 1, 31).adding(months: 1), d(2028, 2, 29))
        XCTAssertEqual(d(2026, 11, 19).adding(months: 12), d(2027, 11, 19))
        XCTAssertEqual(d(2026, 3, 15).adding(months: -3), d(2025, 12, 15))
        XCTAssertEqual(d(2026, 1, 15).adding(months: -13), d(2024, 12, 15))
        XCTAssertEqual(d(2024, 2, 29).adding(months: 12), d(2025, 2, 28))
    }

    func testNthWeekdayOfMonth() {
        XCTAssertEqual(LocalDate.first(.monday, year: 2026, month: 5), d(2026, 5, 4))
        XCTAssertEqual(LocalDate.last(.monday, year: 2026, month: 5), d(2026, 5, 25))
        XCTAssertEqual(LocalDate.last(.monday, year: 2026, month: 8), d(2026, 8, 31))
        XCTAssertEqual(LocalDate.first(.monday, year: 2023, month: 5), d(2023, 5, 1))
    }

    func testEaster() {
        let known: [(Int, Int, Int)] = [
            (1900, 4, 15), (1961, 4, 2), (2000, 4, 23), (2008, 3, 23), (2011, 4, 24), (2019, 4, 21),
            (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2200, 4, 6),
        ]
        for (y, m, day) in known {
            XCTAssertEqual(LocalDate.easterSunday(year: y), d(y, m, day), "Easter \(y)")
        }
    }
}
