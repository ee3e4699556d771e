import XCTest
@testable import MaracBase
@testable import MaracProtocol

/// Expected dates are GOV.UK's published England and Wales lists.
final class BankHolidayTests: XCTestCase {
    private static let published: [Int: [(Int, Int)]] = [
        2019: [(1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
        2020: [(1, 1), (4, 10), (4, 13), (5, 8), (5, 25), (8, 31), (12, 25), (12, 28)],
        2021: [(1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
        2022: [(1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)],
        2023: [(1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)],
        2024: [(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
        2025: [(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)],
        2026: [(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)],
        2027: [(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
    ]

    func testPublishedGovUKLists2019To2027() {
        for (year, days) in Self.published.sorted(by: { $0.key < $1.key }) {
            let expected = days.map { LocalDate(year: year, month: $0.0, day: $0.1) }
            XCTAssertEqual(EnglandAndWalesBankHolidays.holidays(in: year).map(\.date), expected, "\(year)")
        }
    }

    func testNamesOfSubstituteAndOneOffDays() {
        func name(_ y: Int, _ m: Int, _ d: Int) -> String? {
            EnglandAndWalesBankHolidays.holiday(on: LocalDate(year: y, month: m, day: d))?.name
        }
        XCTAssertEqual(name(2022, 1, 3), "New Year's Day (substitute day)")
        XCTAssertEqual(name(2022, 12, 26), "Boxing Day")
        XCTAssertEqual(name(2022, 12, 27), "Christmas Day (substitute day)")
        XCTAssertEqual(name(2021, 12, 27), "Christmas Day (substitute day)")
        XCTAssertEqual(name(2021, 12, 28), "Boxing Day (substitute day)")
        XCTAssertEqual(name(2026, 12, 28), "Boxing Day (substitute day)")
        XCTAssertEqual(name(2020, 5, 8), "Early May bank holiday (VE day)")
        XCTAssertEqual(name(2022, 6, 2), "Spring bank holiday")
        XCTAssertEqual(name(2022, 6, 3), "Platinum Jubilee bank holiday")
        XCTAssertEqual(name(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")
        XCTAssertEqual(name(2023, 5, 8), "Bank holiday for the coronation of King Charles III")
        XCTAssertNil(name(2020, 5, 4))
        XCTAssertNil(name(2022, 5, 30))
    }

    func testEveryYear1900To2200IsWellFormed() {
        for year in EnglandAndWalesBankHolidays.supportedYears {
            let holidays = EnglandAndWalesBankHolidays.holidays(in: year)
            let extra = [2022: 2, 2023: 1][year] ?? 0
            XCTAssertEqual(holidays.count, 8 + extra, "\(year)")
            XCTAssertEqual(Set(holidays.map(\.date)).count, holidays.count, "\(year) duplicate")
            for holiday in holidays {
                XCTAssertFalse(holiday.date.weekday.isWeekend, "\(holiday)")
                XCTAssertTrue(holiday.date.isValid)
                // Substitutes for 1 January stay in January; Christmas ones stay in December.
                XCTAssertEqual(holiday.date.year, year, "\(holiday)")
            }
            let christmas = holidays.filter { $0.name.hasPrefix("Christmas") || $0.name.hasPrefix("Boxing") }
            XCTAssertEqual(christmas.count, 2)
            XCTAssertTrue(christmas.allSatisfy { $0.date.month == 12 && (25...28).contains($0.date.day) })
        }
    }
}
