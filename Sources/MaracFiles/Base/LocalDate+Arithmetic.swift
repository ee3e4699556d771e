/// Day of the week, numbered as ISO 8601 does (Monday 1 ... Sunday 7).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    /// The English name, e.g. "Monday".
    public var description: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }
}

/// Date arithmetic on the proleptic Gregorian calendar, through a day number
/// (days since 1970-01-01; negative before it). No time zones, no Foundation `Calendar`.
extension LocalDate {
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether month and day name a real day (e.g. not 2026-02-30).
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= LocalDate.daysInMonth(year: year, month: month)
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (H. Hinnant's `civil_from_days`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public var weekday: Weekday {
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3)
        return Weekday(rawValue: index + 1)!
    }

    /// The date `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// Whole years from this date (a date of birth) to `date`: the age on `date`. A 29 February
    /// birthday is reached on 1 March in other years.
    public func age(on date: LocalDate) -> Int {
        date.year - year - ((date.month, date.day) < (month, day) ? 1 : 0)
    }

    /// The same day `months` months later (earlier when negative); a day past the end of the
    /// target month becomes its last day (2026-01-31 + 1 month = 2026-02-28).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        return LocalDate(
            year: newYear, month: newMonth,
            day: min(day, LocalDate.daysInMonth(year: newYear, month: newMonth)))
    }

    /// Calendar days from `self` to `other`: positive when `other` is later.
    public func days(to other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The first day of the month on `weekday` (e.g. the first Monday of May).
    public static func first(_ weekday: Weekday, year: Int, month: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1)
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset)
    }

    /// The last day of the month on `weekday` (e.g. the last Monday of August).
    public static func last(_ weekday: Weekday, year: Int, month: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: daysInMonth(year: year, month: month))
        let offset = (last.weekday.rawValue - weekday.rawValue + 7) % 7
        return last.adding(days: -offset)
    }
}
