import MaracBase

/// The days a report covers, first and last included.
public struct ReportPeriod: Sendable, Hashable {
    public var from: LocalDate
    public var to: LocalDate

    /// `nil` when `from` is after `to`.
    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }
}
