
/// The `format` values checked as assertions (RFC 3339 dates and times, UUIDs, IPv4 addresses).
/// Any other format is a compile error rather than being silently ignored.

enum SchemaFormat: String, Sendable, CaseIterable {
    case date
    case dateTime = "date-time"
    case time
    case uuid
    case ipv4

    /// What a valid value looks like, for violation messages.
    var expectation: String {
        switch self {
        case .date: "a date (YYYY-MM-DD)"
        case .dateTime: "a date and time (YYYY-MM-DDThh:mm:ss with a time zone, e.g. Z or +01:00)"
        case .time: "a time (hh:mm:ss with a time zone, e.g. Z or +01:00)"
        case .uuid: "a UUID (8-4-4-4-12 hexadecimal digits)"
        case .ipv4: "an IPv4 address (four numbers 0-255 separated by dots)"
        }
    }

    func accepts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = FormatScanner(bytes: bytes)
            let ok: Bool
            switch self {
            case .date: ok = scanner.date()
            case .dateTime: ok = scanner.date() && (scanner.eat(UInt8(ascii: "T")) || scanner.eat(UInt8(ascii: "t"))) && scanner.time()
            case .time: ok = scanner.time()
            case .uuid: ok = scanner.uuid()
            case .ipv4: ok = scanner.ipv4()
            }
            return ok && scanner.atEnd
        }
    }
}

private struct FormatScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func eat(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for _ in 0..<count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return value
    }

    /// RFC 3339 full-date.
    mutating func date() -> Bool {
        guard let year = digits(4), eat(UInt8(ascii: "-")), let month = digits(2), eat(UInt8(ascii: "-")),
              let day = digits(2), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// RFC 3339 full-time: a time with seconds and a zone offset; a leap second only at 23:59:60 UTC.
    mutating func time() -> Bool {
        guard let hour = digits(2), eat(UInt8(ascii: ":")), let minute = digits(2), eat(UInt8(ascii: ":")),
              let second = digits(2), hour <= 23, minute <= 59, second <= 60 else { return false }
        if eat(UInt8(ascii: ".")) {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start else { return false }
        }
        var offset = 0
        if eat(UInt8(ascii: "Z")) || eat(UInt8(ascii: "z")) {
            offset = 0
        } else {
            let sign: Int
            if eat(UInt8(ascii: "+")) { sign = 1 } else if eat(UInt8(ascii: "-")) { sign = -1 } else { return false }
            guard let offsetHour = digits(2), eat(UInt8(ascii: ":")), let offsetMinute = digits(2),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            offset = sign * (offsetHour * 60 + offsetMinute)
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offset) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    mutating func uuid() -> Bool {
        for (i, length) in [8, 4, 4, 4, 12].enumerated() {
            if i > 0, !eat(UInt8(ascii: "-")) { return false }
            for _ in 0..<length {
                guard index < bytes.count, isHex(bytes[index]) else { return false }
                index += 1
            }
        }
        return true
    }

    mutating func ipv4() -> Bool {
        for part in 0..<4 {
            if part > 0, !eat(UInt8(ascii: ".")) { return false }
            let start = index
            var value = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - start < 3 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            let length = index - start
            guard length > 0, value <= 255, !(length > 1 && bytes[start] == UInt8(ascii: "0")) else { return false }
        }
        return true
    }

    func isHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
