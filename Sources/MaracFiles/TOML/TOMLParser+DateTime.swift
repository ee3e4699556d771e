import MaracBase

/// Dates and times (RFC 3339 as TOML uses it): offset date-times, local date-times, local dates
/// and local times, with every field range-checked.
extension TOMLParser {
    static var dateTimeForm: String {
        "invalid date or time: write dates as YYYY-MM-DD, times as HH:MM:SS, and both as YYYY-MM-DDTHH:MM:SS"
    }

    func looksLikeDate(at i: Int) -> Bool {
        i + 4 < end && TOMLByte.isDigit(bytes[i]) && TOMLByte.isDigit(bytes[i + 1])
            && TOMLByte.isDigit(bytes[i + 2]) && TOMLByte.isDigit(bytes[i + 3]) && bytes[i + 4] == TOMLByte.minus
    }

    func looksLikeTime(at i: Int) -> Bool {
        i + 2 < end && TOMLByte.isDigit(bytes[i]) && TOMLByte.isDigit(bytes[i + 1]) && bytes[i + 2] == TOMLByte.colon
    }

    /// Reads a date, then the time and offset if they follow.
    mutating func parseDateOrDateTime() throws(TOMLError) -> TOMLValue {
        let start = pos
        guard end - pos >= 10, let year = digits(4, at: pos), bytes[pos + 4] == TOMLByte.minus,
              let month = digits(2, at: pos + 5), bytes[pos + 7] == TOMLByte.minus,
              let day = digits(2, at: pos + 8)
        else { throw fail("invalid date: write dates as YYYY-MM-DD, with two digits for the month and the day", at: start) }
        guard (1...12).contains(month) else { throw fail("invalid date: the month must be 01 to 12", at: start) }
        let days = Self.daysIn(month: month, year: year)
        guard day >= 1 && day <= days else {
            throw fail("invalid date: that month has \(days) days, so the day must be 01 to \(days)", at: start)
        }
        let date = LocalDate(year: year, month: month, day: day)
        pos += 10
        let hasTime: Bool
        if pos < end, bytes[pos] | 0x20 == UInt8(ascii: "t") {
            pos += 1
            hasTime = true
        } else if pos + 1 < end, bytes[pos] == TOMLByte.space, TOMLByte.isDigit(bytes[pos + 1]) {
            pos += 1
            hasTime = true
        } else {
            hasTime = false
        }
        guard hasTime else {
            guard atValueEnd() else { throw fail(Self.dateTimeForm, at: start) }
            return .localDate(date)
        }
        let time = try readTime(valueStart: start)
        if pos < end, bytes[pos] | 0x20 == UInt8(ascii: "z") {
            pos += 1
            try expectDateTimeEnd(start)
            return .offsetDateTime(OffsetDateTime(date: date, time: time, offsetMinutes: nil))
        }
        if pos < end, bytes[pos] == TOMLByte.plus || bytes[pos] == TOMLByte.minus {
            let negative = bytes[pos] == TOMLByte.minus
            guard end - pos >= 6, let hours = digits(2, at: pos + 1), bytes[pos + 3] == TOMLByte.colon,
                  let minutes = digits(2, at: pos + 4)
            else { throw fail("invalid time offset: write it as Z, +HH:MM or -HH:MM", at: pos) }
            guard hours <= 23, minutes <= 59 else {
                throw fail("invalid time offset: hours must be 00 to 23 and minutes 00 to 59", at: pos)
            }
            pos += 6
            try expectDateTimeEnd(start)
            let offset = (hours * 60 + minutes) * (negative ? -1 : 1)
            return .offsetDateTime(OffsetDateTime(date: date, time: time, offsetMinutes: offset))
        }
        try expectDateTimeEnd(start)
        return .localDateTime(LocalDateTime(date: date, time: time))
    }

    /// Reads a local time `HH:MM:SS[.fraction]`.
    mutating func parseLocalTime() throws(TOMLError) -> LocalTime {
        let start = pos
        let time = try readTime(valueStart: start)
        try expectDateTimeEnd(start)
        return time
    }

    private mutating func readTime(valueStart: Int) throws(TOMLError) -> LocalTime {
        let start = pos
        guard end - pos >= 8, let hour = digits(2, at: pos), bytes[pos + 2] == TOMLByte.colon,
              let minute = digits(2, at: pos + 3), bytes[pos + 5] == TOMLByte.colon,
              let second = digits(2, at: pos + 6)
        else { throw fail("invalid time: write times as HH:MM:SS, with the seconds, such as 09:30:00", at: start) }
        guard hour <= 23 else { throw fail("invalid time: the hour must be 00 to 23", at: start) }
        guard minute <= 59 else { throw fail("invalid time: the minutes must be 00 to 59", at: start) }
        guard second <= 59 else { throw fail("invalid time: the seconds must be 00 to 59", at: start) }
        pos += 8
        var nanosecond = 0
        if pos < end, bytes[pos] == TOMLByte.dot {
            pos += 1
            guard pos < end, TOMLByte.isDigit(bytes[pos]) else {
                throw fail("invalid time: a '.' after the seconds must be followed by digits", at: start)
            }
            var scale = 100_000_000
            while pos < end, TOMLByte.isDigit(bytes[pos]) {
                nanosecond += Int(bytes[pos] - 0x30) * scale
                scale /= 10
                pos += 1
            }
        }
        return LocalTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    private func expectDateTimeEnd(_ start: Int) throws(TOMLError) {
        guard atValueEnd() else { throw fail(Self.dateTimeForm, at: start) }
    }

    private func digits(_ count: Int, at i: Int) -> Int? {
        var value = 0
        for k in i..<(i + count) {
            guard TOMLByte.isDigit(bytes[k]) else { return nil }
            value = value * 10 + Int(bytes[k] - 0x30)
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
