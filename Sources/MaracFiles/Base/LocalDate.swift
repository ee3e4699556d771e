
/// A calendar date without time zone (TOML "local date", e.g. `2026-11-19`).

public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
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
