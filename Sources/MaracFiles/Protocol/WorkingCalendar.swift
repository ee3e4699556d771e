import MaracBase

/// Which days count as working days for a MARAC team: not a Saturday or Sunday, not an England
/// and Wales bank holiday, not one of the repository's own closures (`[calendar] closures`).
public struct WorkingCalendar: Sendable, Hashable {
    /// Extra non-working days of this repository (e.g. 2026-12-24).
    public var closures: Set<LocalDate>

    public init(closures: [LocalDate] = []) {
        self.closures = Set(closures)
    }

    /// A weekday on which the team does not work, and why.
    public struct NonWorkingDay: Sendable, Hashable, CustomStringConvertible {
        public var date: LocalDate
        /// The bank holiday's name (e.g. "Christmas Day (substitute day)"), or "closure".
        public var reason: String

        public init(date: LocalDate, reason: String) {
            self.date = date
            self.reason = reason
        }

        public var description: String { "\(date) \(date.weekday) \(reason)" }
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        nonWorkingReason(date) == nil
    }

    /// Why `date` is not a working day ("Saturday", "Sunday", a bank holiday's name,
    /// "closure"), or `nil` for a working day. A bank holiday that is also a closure gives
    /// the holiday's name.
    public func nonWorkingReason(_ date: LocalDate) -> String? {
        if date.weekday.isWeekend { return date.weekday.description }
        if let holiday = EnglandAndWalesBankHolidays.holiday(on: date) { return holiday.name }
        if closures.contains(date) { return "closure" }
        return nil
    }

    /// The date `n` working days after `date` (before it when `n` is negative): each step moves
    /// to the next (previous) working day, so for `n != 0` the result is always a working day.
    /// `date` itself need not be one. `n == 0` returns `date` unchanged.
    ///
    /// "The agenda goes out 5 working days before the meeting" is
    /// `adding(workingDays: -5, to: meeting)`; "the IDVA is told within 1 working day" is
    /// `adding(workingDays: 1, to: accepted)`.
    public func adding(workingDays n: Int, to date: LocalDate) -> LocalDate {
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The number of working days after `start` up to and including `end` (exclusive of the
    /// start, inclusive of the end), so that for a working day `end`,
    /// `workingDays(from: adding(workingDays: -n, to: end), to: end) == n`.
    /// Same day: 0. When `end` is before `start` the count is negative:
    /// `-workingDays(from: end, to: start)`.
    public func workingDays(from start: LocalDate, to end: LocalDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }

    /// Every Monday-to-Friday of `year` that is not a working day, with its reason, in date
    /// order (for `mfile calendar --year`).
    public func nonWorkingWeekdays(in year: Int) -> [NonWorkingDay] {
        var days: [NonWorkingDay] = []
        for holiday in EnglandAndWalesBankHolidays.holidays(in: year) where !holiday.date.weekday.isWeekend {
            days.append(NonWorkingDay(date: holiday.date, reason: holiday.name))
        }
        for closure in closures where closure.year == year && !closure.weekday.isWeekend {
            if !days.contains(where: { $0.date == closure }) {
                days.append(NonWorkingDay(date: closure, reason: "closure"))
            }
        }
        return days.sorted { $0.date < $1.date }
    }
}
