import MaracFiles

/// A small strict JSON reader for test data, keeping object key order and telling booleans
/// from numbers (which Foundation's JSONSerialization blurs on Linux).
struct TestJSONParser {
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "invalid JSON at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var index = 0

    static func parse(_ text: String) throws -> JSONValue {
        var parser = TestJSONParser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw Failure(offset: parser.index) }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() throws -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw Failure(offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(key: String, value: JSONValue)] = []
            skipSpace()
            if peek("}") { index += 1; return .object(members) }
            repeat {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(":")
                members.append((key, try value()))
                skipSpace()
            } while consume(",")
            try expect("}")
            return .object(members)
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if peek("]") { index += 1; return .array(items) }
            repeat { items.append(try value()); skipSpace() } while consume(",")
            try expect("]")
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func number() throws -> JSONValue {
        let start = index
        var isInteger = true
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) {
            if "eE.".utf8.contains(bytes[index]) { isInteger = false }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text) else { throw Failure(offset: start) }
        return .number(double)
    }

    private mutating func string() throws -> String {
        try expect("\"")
        var scalars = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        while true {
            guard index < bytes.count else { throw Failure(offset: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte != UInt8(ascii: "\\") {
                // Copy one UTF-8 sequence.
                let start = index
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars)
                continue
            }
            index += 1
            guard index < bytes.count else { throw Failure(offset: index) }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count,
                      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                else { throw Failure(offset: index) }
                index += 4
                if (0xD800..<0xDC00).contains(code) { pendingHigh = code; continue }
                if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                    pendingHigh = nil
                    scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))!)
                    continue
                }
                guard let scalar = Unicode.Scalar(code) else { throw Failure(offset: index) }
                scalars.append(scalar)
            default: scalars.append(Unicode.Scalar(escape))
            }
        }
        return String(scalars)
    }

    private func peek(_ character: Unicode.Scalar) -> Bool {
        index < bytes.count && bytes[index] == UInt8(character.value)
    }

    private mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard peek(character) else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ character: Unicode.Scalar) throws {
        guard consume(character) else { throw Failure(offset: index) }
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw Failure(offset: index) }
            index += 1
        }
    }
}
