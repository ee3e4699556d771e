import MaracBase
import MaracRecords

/// One meeting a MARAC's schedule plans: its date, its referral cut-off and agenda window.
public struct ScheduledMeeting: Sendable, Hashable {
    /// The MARAC's id in marac.toml.
    public var marac: String
    /// The meeting day, on a working day.
    public var date: LocalDate
    /// The day the frequency gives, when it was not a working day and the meeting moved.
    public var movedFrom: LocalDate?
    /// Why `movedFrom` is not a working day ("Christmas Day", "closure", ...).
    public var movedReason: String?
    /// The last day a referral can be accepted and still go to this meeting; later ones go to
    /// the next.
    public var referralCutoff: LocalDate
    /// When the agenda may go out (`nil` when the profile has no agenda rule).
    public var agendaWindow: AgendaWindow?

    /// `<date>-<marac>`, the meeting file's id.
    public var id: String { "\(date)-\(marac)" }
}

/// The meeting dates of a MARAC from its `frequency` and `first_meeting` in marac.toml.
///
/// - weekly / fortnightly: every 7 / 14 days from the first meeting;
/// - monthly: the same weekday of the same week of the month as the first meeting (first
///   meeting on the first Thursday: the first Thursday of every month); a first meeting in the
///   fifth week (day 29-31) means the last such weekday of each month.
///
/// A meeting day that is not a working day (a bank holiday or a closure) moves to the next
/// working day. The referral cut-off is `referral_cutoff_days` working days before the meeting
/// when the MARAC sets it; otherwise the day the agenda window opens (the earliest day the
/// agenda may go out, or its latest day when the profile sets no earliest); otherwise the
/// meeting day itself.
public enum MeetingSchedule {
    /// The day the frequency gives for meeting number `index` (0: the first meeting; negative:
    /// the meetings the frequency puts before it), before moving off non-working days.
    public static func nominalDate(
        _ index: Int, frequency: Configuration.Marac.Frequency, first: LocalDate
    ) -> LocalDate {
        switch frequency {
        case .weekly: return first.adding(days: 7 * index)
        case .fortnightly: return first.adding(days: 14 * index)
        case .monthly:
            let month = LocalDate(year: first.year, month: first.month, day: 1).adding(months: index)
            let week = (first.day - 1) / 7 + 1
            if week >= 5 { return .last(first.weekday, year: month.year, month: month.month) }
            return LocalDate.first(first.weekday, year: month.year, month: month.month).adding(days: 7 * (week - 1))
        }
    }

    /// The meeting number `index` of `marac` with its cut-off and agenda window.
    public static func meeting(
        _ index: Int, marac: Configuration.Marac, frequency: Configuration.Marac.Frequency, first: LocalDate,
        rules: ProtocolRules, calendar: WorkingCalendar
    ) -> ScheduledMeeting {
        let nominal = nominalDate(index, frequency: frequency, first: first)
        var date = nominal
        while !calendar.isWorkingDay(date) { date = date.adding(days: 1) }
        return ScheduledMeeting(
            marac: marac.id, date: date,
            movedFrom: date == nominal ? nil : nominal,
            movedReason: date == nominal ? nil : calendar.nonWorkingReason(nominal),
            referralCutoff: referralCutoff(meeting: date, marac: marac, rules: rules, calendar: calendar),
            agendaWindow: rules.agendaWindow(meeting: date, calendar: calendar))
    }

    /// A meeting of MARAC `marac` held on `date` (a recorded one, wherever the schedule puts
    /// its own), with its referral cut-off and agenda window.
    public static func meeting(
        on date: LocalDate, marac: String, configuration: Configuration, rules: ProtocolRules, calendar: WorkingCalendar
    ) -> ScheduledMeeting {
        ScheduledMeeting(
            marac: marac, date: date,
            referralCutoff: referralCutoff(meeting: date, marac: configuration.marac(marac), rules: rules, calendar: calendar),
            agendaWindow: rules.agendaWindow(meeting: date, calendar: calendar))
    }

    /// The referral cut-off of a meeting on `meeting` (see the type's description).
    public static func referralCutoff(
        meeting: LocalDate, marac: Configuration.Marac?, rules: ProtocolRules, calendar: WorkingCalendar
    ) -> LocalDate {
        if let days = marac?.referralCutoffDays { return calendar.adding(workingDays: -days, to: meeting) }
        if let window = rules.agendaWindow(meeting: meeting, calendar: calendar) { return window.earliest ?? window.latest }
        return meeting
    }

    /// The meetings of `marac` dated `from` through `through` (both included), in date order.
    /// Empty when the MARAC has no frequency or first meeting; never before the first meeting.
    public static func meetings(
        of marac: Configuration.Marac, from: LocalDate, through: LocalDate, rules: ProtocolRules,
        calendar: WorkingCalendar
    ) -> [ScheduledMeeting] {
        guard let frequency = marac.frequency, let first = marac.firstMeeting, from <= through else { return [] }
        var result: [ScheduledMeeting] = []
        // Start a little before `from` so a meeting moved forward into the range is kept.
        var index = max(0, startIndex(frequency: frequency, first: first, near: from) - 1)
        while true {
            let meeting = meeting(index, marac: marac, frequency: frequency, first: first, rules: rules, calendar: calendar)
            if meeting.date > through, nominalDate(index, frequency: frequency, first: first) > through { break }
            if meeting.date >= from, meeting.date <= through { result.append(meeting) }
            index += 1
        }
        return result
    }

    /// The meetings of every MARAC of a configuration in `from...through`, by date then MARAC.
    public static func meetings(
        of configuration: Configuration, from: LocalDate, through: LocalDate, rules: ProtocolRules,
        calendar: WorkingCalendar
    ) -> [ScheduledMeeting] {
        configuration.maracs
            .flatMap { meetings(of: $0, from: from, through: through, rules: rules, calendar: calendar) }
            .sorted { ($0.date, $0.marac) < ($1.date, $1.marac) }
    }

    /// A meeting index whose date is near `date` (never after it by more than one step).
    static func startIndex(frequency: Configuration.Marac.Frequency, first: LocalDate, near date: LocalDate) -> Int {
        switch frequency {
        case .weekly: return first.days(to: date) / 7
        case .fortnightly: return first.days(to: date) / 14
        case .monthly: return (date.year - first.year) * 12 + (date.month - first.month)
        }
    }
}
