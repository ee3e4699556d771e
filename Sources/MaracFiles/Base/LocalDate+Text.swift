import Foundation

extension LocalDate {
    /// Parses `YYYY-MM-DD` (a real calendar date), else `nil`.
    public init?(isoText text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= LocalDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

extension LocalDate {
    /// Today's date where the machine is (UK users: the local calendar date).
    public static func today() -> LocalDate {
        let components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: components.year!, month: components.month!, day: components.day!)
    }
}
