import MaracBase

/// A time of day without time zone (TOML "local time", e.g. `17:45:00.5`).
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Fractional seconds as written, in nanoseconds (TOML keeps at least millisecond precision).
    public var nanosecond: Int

    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    public static func < (a: LocalTime, b: LocalTime) -> Bool {
        (a.hour, a.minute, a.second, a.nanosecond) < (b.hour, b.minute, b.second, b.nanosecond)
    }

    /// `HH:MM:SS` with the fraction, if any, without trailing zeros.
    public var description: String {
        var text = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if nanosecond > 0 {
            var fraction = pad(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }
}

/// A date and time without time zone (TOML "local date-time").
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }

    public var description: String { "\(date)T\(time)" }
}

/// A date and time at a fixed offset from UTC (TOML "offset date-time").
public struct OffsetDateTime: Sendable, Hashable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime
    /// Minutes east of UTC; `nil` means written as `Z`.
    public var offsetMinutes: Int?

    public init(date: LocalDate, time: LocalTime, offsetMinutes: Int?) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var description: String {
        guard let offset = offsetMinutes else { return "\(date)T\(time)Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(date)T\(time)\(sign)\(pad(magnitude / 60, 2)):\(pad(magnitude % 60, 2))"
    }
}
