import MaracBase

/// The days on which a meeting's agenda may go out under the protocol.
public struct AgendaWindow: Sendable, Hashable {
    /// The first day it may go out (`nil`: no earliest day, the protocol sets no maximum).
    public var earliest: LocalDate?
    /// The last day it may go out and still be on time.
    public var latest: LocalDate

    public init(earliest: LocalDate?, latest: LocalDate) {
        self.earliest = earliest
        self.latest = latest
    }

    /// Whether circulating on `date` keeps to the window.
    public func contains(_ date: LocalDate) -> Bool {
        date <= latest && earliest.map { date >= $0 } ?? true
    }
}

extension ProtocolRules {
    /// The agenda window of a meeting on `meeting`: `agenda_window_min_days` before it is the
    /// latest day, `agenda_window_max_days` before it the earliest. `nil` when the minimum is
    /// off. West Midlands, meeting Thursday 2026-11-19: Monday 9 to Thursday 12 November.
    /// Where a maximum would open the window after its latest day (eight calendar days against
    /// five working days across bank holidays), the minimum wins: the window is its latest
    /// day alone.
    public func agendaWindow(meeting: LocalDate, calendar: WorkingCalendar) -> AgendaWindow? {
        guard let minimum = agendaWindowMin else { return nil }
        let latest = minimum.date(before: meeting, in: calendar)
        let earliest = agendaWindowMax?.date(before: meeting, in: calendar)
        return AgendaWindow(earliest: earliest.map { min($0, latest) }, latest: latest)
    }
}
