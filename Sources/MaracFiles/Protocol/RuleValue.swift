import MaracBase

/// The unit of a time limit. Working days skip weekends, bank holidays and closures;
/// days are calendar days.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    case workingDays = "working-days"
    case days
    case hours
    case months

    /// "working day(s)", "day(s)", "hour(s)", "month(s)".
    public func name(count: Int) -> String {
        let singular = switch self {
        case .workingDays: "working day"
        case .days: "day"
        case .hours: "hour"
        case .months: "month"
        }
        return count == 1 ? singular : singular + "s"
    }

    /// How the unit may be written in marac.toml's `[rules]`.
    public var spellings: [String] {
        switch self {
        case .workingDays: ["working day", "working days", "working-day", "working-days"]
        case .days: ["day", "days"]
        case .hours: ["hour", "hours"]
        case .months: ["month", "months"]
        }
    }
}

/// A time limit: an amount and its unit ("1 working day", "24 hours", "12 months").
public struct RulePeriod: Sendable, Hashable, CustomStringConvertible {
    public var amount: Int
    public var unit: TimeUnit

    public init(_ amount: Int, _ unit: TimeUnit) {
        self.amount = amount
        self.unit = unit
    }

    public var description: String { "\(amount) \(unit.name(count: amount))" }

    /// The last day on which something due this long after `date` is on time. Records hold
    /// dates, not times, so hours round up to whole days (24 hours after a referral received
    /// on the 3rd: by the 4th).
    public func deadline(after date: LocalDate, in calendar: WorkingCalendar) -> LocalDate {
        switch unit {
        case .workingDays: calendar.adding(workingDays: amount, to: date)
        case .days: date.adding(days: amount)
        case .hours: date.adding(days: (amount + 23) / 24)
        case .months: date.adding(months: amount)
        }
    }

    /// The date this long before `date` ("5 working days before the meeting").
    public func date(before date: LocalDate, in calendar: WorkingCalendar) -> LocalDate {
        switch unit {
        case .workingDays: calendar.adding(workingDays: -amount, to: date)
        case .days: date.adding(days: -amount)
        case .hours: date.adding(days: -((amount + 23) / 24))
        case .months: date.adding(months: -amount)
        }
    }
}

/// The value of one protocol rule.
public enum RuleValue: Sendable, Hashable {
    /// The rule does not apply (the protocol does not have it, or `false` in marac.toml).
    case off
    /// A switch that is on.
    case on
    /// A number: ticks, a score, a count of incidents or cases, minutes, years.
    case count(Int)
    /// A time limit or window.
    case period(RulePeriod)

    public var isOn: Bool { self != .off }

    public var count: Int? { if case .count(let n) = self { n } else { nil } }

    public var period: RulePeriod? { if case .period(let p) = self { p } else { nil } }
}

/// What kind of value a rule takes.
public enum RuleKind: Sendable, Hashable {
    /// On or off.
    case toggle
    /// A whole number of `unit` ("ticks", "points", "cases", "minutes", ...).
    case count(unit: String)
    /// A time limit in one of `units` (the first is used for a bare number when the profile
    /// has the rule off).
    case period(units: [TimeUnit])
}
