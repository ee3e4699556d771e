
/// Integers (decimal, hexadecimal, octal, binary) and floats, with TOML's underscore rules.

extension TOMLParser {
    /// Reads a number, or a date or time (which also start with digits).
    mutating func parseNumberOrDateTime() throws(TOMLError) -> TOMLValue {
        let start = pos
        if looksLikeDate(at: start) { return try parseDateOrDateTime() }
        if looksLikeTime(at: start) { return .localTime(try parseLocalTime()) }
        var stop = start
        while stop < end, Self.isNumberByte(bytes[stop]) { stop += 1 }
        pos = stop
        do throws(TOMLError) {
            if !atValueEnd() {
                throw fail(bytes[pos] == TOMLByte.colon ? Self.dateTimeForm : Self.invalidNumber, at: start)
            }
            return try numberValue(start..<stop)
        } catch {
            // Only once the number has failed: a date or time typed the usual way?
            if let mistake = dateOrTimeMistake(at: start) { throw fail(mistake, at: start) }
            throw error
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        TOMLByte.isBareKey(byte) || byte == TOMLByte.plus || byte == TOMLByte.dot
    }

    static var invalidNumber: String {
        "invalid number: write integers like 42 or -17 and decimals like 3.14"
    }

    private func numberValue(_ range: Range<Int>) throws(TOMLError) -> TOMLValue {
        var i = range.lowerBound
        let stop = range.upperBound
        let negative = bytes[i] == TOMLByte.minus
        let signed = negative || bytes[i] == TOMLByte.plus
        if signed { i += 1 }
        guard i < stop else { throw fail(Self.invalidNumber, at: range.lowerBound) }
        if stop - i == 3 {
            if matches("inf", at: i) { return .float(negative ? -.infinity : .infinity) }
            if matches("nan", at: i) { return .float(.nan) }
        }
        if !signed, !TOMLByte.isDigit(bytes[i]) { throw fail(Self.unknownValueMessage, at: range.lowerBound) }
        if bytes[i] == UInt8(ascii: "0"), i + 1 < stop {
            let radix: UInt64
            switch bytes[i + 1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 0
            }
            if radix != 0 {
                if signed {
                    throw fail("invalid number: hexadecimal, octal and binary numbers can't have a sign", at: range.lowerBound)
                }
                return .integer(try radixInteger(i + 2..<stop, radix: radix, start: range.lowerBound))
            }
        }
        var isFloat = false
        var hasDash = false
        for j in i..<stop {
            switch bytes[j] {
            case TOMLByte.dot, UInt8(ascii: "e"), UInt8(ascii: "E"): isFloat = true
            case TOMLByte.minus: hasDash = true
            default: break
            }
        }
        if hasDash && !isFloat { throw fail(Self.dateTimeForm, at: range.lowerBound) }
        if isFloat { return .float(try floatValue(i..<stop, start: range.lowerBound)) }
        return .integer(try decimalInteger(i..<stop, negative: negative, start: range.lowerBound))
    }

    private func matches(_ word: StaticString, at i: Int) -> Bool {
        word.withUTF8Buffer { expected in
            for k in 0..<expected.count where bytes[i + k] != expected[k] { return false }
            return true
        }
    }

    private func decimalInteger(_ range: Range<Int>, negative: Bool, start: Int) throws(TOMLError) -> Int64 {
        if bytes[range.lowerBound] == UInt8(ascii: "0"), range.count > 1 {
            throw fail("invalid number: leading zeros are not allowed", at: start)
        }
        let end = try digitRun(range.lowerBound, limit: range.upperBound, start: start)
        guard end == range.upperBound else { throw fail(Self.invalidNumber, at: start) }
        var magnitude: UInt64 = 0
        for j in range where bytes[j] != TOMLByte.underscore {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[j] - 0x30))
            if overflow1 || overflow2 { throw tooLarge(start) }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw tooLarge(start) }
            return Int64(bitPattern: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw tooLarge(start) }
        return Int64(magnitude)
    }

    private func radixInteger(_ range: Range<Int>, radix: UInt64, start: Int) throws(TOMLError) -> Int64 {
        let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
        guard !range.isEmpty else { throw fail("invalid number: write digits after the \(name) prefix", at: start) }
        var magnitude: UInt64 = 0
        var previousWasDigit = false
        for j in range {
            let byte = bytes[j]
            if byte == TOMLByte.underscore {
                guard previousWasDigit, j + 1 < range.upperBound else { throw misplacedUnderscore(start) }
                previousWasDigit = false
                continue
            }
            let digit: UInt64
            if TOMLByte.isDigit(byte) {
                digit = UInt64(byte - 0x30)
            } else if TOMLByte.isHexDigit(byte) {
                digit = UInt64((byte | 0x20) - 0x61 + 10)
            } else {
                throw fail("invalid number: this is not a valid \(name) digit", at: j)
            }
            guard digit < radix else { throw fail("invalid number: this is not a valid \(name) digit", at: j) }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 || sum > UInt64(Int64.max) { throw tooLarge(start) }
            magnitude = sum
            previousWasDigit = true
        }
        return Int64(magnitude)
    }

    private func floatValue(_ range: Range<Int>, start: Int) throws(TOMLError) -> Double {
        let stop = range.upperBound
        var j = range.lowerBound
        guard TOMLByte.isDigit(bytes[j]) else {
            throw fail("invalid number: a decimal point must have digits on both sides", at: start)
        }
        if bytes[j] == UInt8(ascii: "0"), j + 1 < stop, TOMLByte.isDigit(bytes[j + 1]) || bytes[j + 1] == TOMLByte.underscore {
            throw fail("invalid number: leading zeros are not allowed", at: start)
        }
        j = try digitRun(j, limit: stop, start: start)
        if j < stop, bytes[j] == TOMLByte.dot {
            j += 1
            guard j < stop, TOMLByte.isDigit(bytes[j]) else {
                throw fail("invalid number: a decimal point must have digits on both sides", at: start)
            }
            j = try digitRun(j, limit: stop, start: start)
        }
        if j < stop, bytes[j] | 0x20 == UInt8(ascii: "e") {
            j += 1
            if j < stop, bytes[j] == TOMLByte.plus || bytes[j] == TOMLByte.minus { j += 1 }
            guard j < stop, TOMLByte.isDigit(bytes[j]) else {
                throw fail("invalid number: an exponent needs digits, as in 6.02e23", at: start)
            }
            j = try digitRun(j, limit: stop, start: start)
        }
        guard j == stop else { throw fail(Self.invalidNumber, at: start) }
        var digits = ""
        digits.reserveCapacity(stop - start)
        for k in start..<stop where bytes[k] != TOMLByte.underscore {
            digits.unicodeScalars.append(Unicode.Scalar(bytes[k]))
        }
        guard let value = Double(digits) else { throw fail(Self.invalidNumber, at: start) }
        return value
    }

    /// The end of a run of digits starting at `i`, each underscore standing between two digits.
    private func digitRun(_ i: Int, limit: Int, start: Int) throws(TOMLError) -> Int {
        var j = i
        while j < limit {
            let byte = bytes[j]
            if TOMLByte.isDigit(byte) {
                j += 1
            } else if byte == TOMLByte.underscore {
                guard j > i, TOMLByte.isDigit(bytes[j - 1]), j + 1 < limit, TOMLByte.isDigit(bytes[j + 1]) else {
                    throw misplacedUnderscore(start)
                }
                j += 1
            } else {
                break
            }
        }
        return j
    }

    private func misplacedUnderscore(_ start: Int) -> TOMLError {
        fail("invalid number: an underscore must stand between two digits", at: start)
    }

    private func tooLarge(_ start: Int) -> TOMLError {
        fail("this integer is too large: integers must be between -9223372036854775808 and 9223372036854775807", at: start)
    }
}
