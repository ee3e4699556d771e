import MaracBase

/// How a spreadsheet writes its dates, e.g. `dd/mm/yyyy` (what UK sheets hold): the order of
/// day, month and year and the one character between them. One or two digits are accepted for
/// the day and month, four for the year. A date written `YYYY-MM-DD` is always understood, and
/// a midnight time after the date (`11/02/1985 00:00`, as Excel adds) is ignored.
public struct SheetDateFormat: Sendable, CustomStringConvertible {
    enum Part: Sendable { case day, month, year }
    let order: [Part]
    let separator: Character
    /// The pattern as the map writes it.
    public let description: String

    /// UK spreadsheets: `dd/mm/yyyy`.
    public static let uk = SheetDateFormat("dd/mm/yyyy")!

    /// A pattern of `dd` (or `d`), `mm` (or `m`) and `yyyy` in any order, separated by one of
    /// `/ - .` or a space; `nil` for anything else.
    public init?(_ pattern: String) {
        let lower = pattern.lowercased()
        guard let separator = lower.first(where: { !"dmy".contains($0) }), "/-. ".contains(separator) else { return nil }
        var order: [Part] = []
        for token in lower.split(separator: separator, omittingEmptySubsequences: false) {
            switch token {
            case "d", "dd": order.append(.day)
            case "m", "mm": order.append(.month)
            case "yyyy": order.append(.year)
            default: return nil
            }
        }
        guard order.count == 3, Set(order.map { "\($0)" }).count == 3 else { return nil }
        self.order = order
        self.separator = separator
        self.description = pattern
    }

    /// The date a cell holds, or `nil` when it is not a real date written this way.
    public func parse(_ text: String) -> LocalDate? {
        var text = Substring(text)
        if separator != " ", let space = text.firstIndex(of: " ") {
            guard Self.isMidnight(text[text.index(after: space)...]) else { return nil }
            text = text[..<space]
        }
        if let iso = LocalDate(isoText: String(text)) { return iso }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var day = 0, month = 0, year = 0
        for (part, digits) in zip(order, parts) {
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
            switch part {
            case .day:
                guard digits.count <= 2 else { return nil }
                day = value
            case .month:
                guard digits.count <= 2 else { return nil }
                month = value
            case .year:
                guard digits.count == 4 else { return nil }
                year = value
            }
        }
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1,
            day <= LocalDate.daysInMonth(year: year, month: month)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// `00:00` or `00:00:00`.
    static func isMidnight(_ text: Substring) -> Bool {
        text == "00:00" || text == "00:00:00"
    }
}
