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

    /// A calendar quarter written `YYYYQN` (`2026Q3`: July to September 2026); `nil` otherwise.
    public init?(quarter text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
            let year = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q)
        else { return nil }
        from = LocalDate(year: year, month: q * 3 - 2, day: 1)
        to = LocalDate(year: year, month: q * 3, day: [31, 30, 30, 31][q - 1])
    }
}
