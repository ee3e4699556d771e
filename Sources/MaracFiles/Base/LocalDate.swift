
/// A calendar date without time zone (TOML "local date", e.g. `2026-11-19`).

///
/// Kept in 8 bytes (a record holds many dates, and a repository 100,000 records): a year
/// beyond ±2,147,483,647 or a month or day beyond ±32,767, which no date written or worked
/// out reaches, is held at that bound.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedYear: Int32
    private var storedMonth: Int16
    private var storedDay: Int16

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }

    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = Int16(clamping: newValue) }
    }

    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = Int16(clamping: newValue) }
    }

    public init(year: Int, month: Int, day: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = Int16(clamping: month)
        storedDay = Int16(clamping: day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        }
        return String(unsafeUninitializedCapacity: 10) { text in
            text[0] = Self.digit(year / 1000)
            text[1] = Self.digit(year / 100 % 10)
            text[2] = Self.digit(year / 10 % 10)
            text[3] = Self.digit(year % 10)
            text[4] = UInt8(ascii: "-")
            text[5] = Self.digit(month / 10)
            text[6] = Self.digit(month % 10)
            text[7] = UInt8(ascii: "-")
            text[8] = Self.digit(day / 10)
            text[9] = Self.digit(day % 10)
            return 10
        }
    }

    @inline(__always)
    private static func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0") }
}

/// `value` in decimal, zero-padded on the left to `width` digits.
@inline(__always)
package func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
