import MaracBase

/// The primitives of the index file: unsigned LEB128 varints, zigzag signed varints, fixed
/// little-endian 64-bit words, length-prefixed UTF-8 strings, and dates as one varint.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func count(_ value: Int) { varint(UInt64(value)) }

    mutating func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func word(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// `nil` as 0, otherwise the length plus one.
    mutating func optionalString(_ value: String?) {
        guard let value else { return varint(0) }
        count(value.utf8.count + 1)
        bytes.append(contentsOf: value.utf8)
    }

    /// `nil` as 0, otherwise YYYYMMDD.
    mutating func date(_ value: LocalDate?) {
        varint(value.map { UInt64($0.year * 10000 + $0.month * 100 + $0.day) } ?? 0)
    }

    /// `nil` as 0, `false` 1, `true` 2.
    mutating func optionalBool(_ value: Bool?) { byte(value.map { $0 ? 2 : 1 } ?? 0) }

    mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    /// `nil` as 0, otherwise 1 and the value (zigzag).
    mutating func optionalInt(_ value: Int?) {
        guard let value else { return byte(0) }
        byte(1)
        signed(Int64(value))
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// One of `choices` (its place, from 1), `nil` as 0.
    mutating func choice<T: Equatable>(_ value: T?, in choices: [T]) {
        byte(value.map { UInt8(choices.firstIndex(of: $0)! + 1) } ?? 0)
    }
}

/// Reads what `ByteWriter` wrote; any read past the end or malformed value throws.
struct ByteReader {
    struct Malformed: Error {}

    let bytes: [UInt8]
    var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed() }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count, no larger than the bytes left (every counted item takes at least one byte).
    mutating func count() throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw Malformed() }
        return Int(value)
    }

    mutating func signed() throws(Malformed) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func word() throws(Malformed) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
        offset += 8
        return value
    }

    private mutating func text(length: Int) throws(Malformed) -> String {
        guard length <= bytes.count - offset else { throw Malformed() }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func string() throws(Malformed) -> String { try text(length: count()) }

    mutating func optionalString() throws(Malformed) -> String? {
        let length = try count()
        return length == 0 ? nil : try text(length: length - 1)
    }

    mutating func date() throws(Malformed) -> LocalDate? {
        let v = try varint()
        if v == 0 { return nil }
        let year = Int(v / 10000), month = Int(v / 100 % 100), day = Int(v % 100)
        guard (1...12).contains(month), (1...31).contains(day) else { throw Malformed() }
        return LocalDate(year: year, month: month, day: day)
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    /// A non-negative number (not a count of what follows).
    mutating func number() throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(Int.max) else { throw Malformed() }
        return Int(value)
    }

    mutating func optionalInt() throws(Malformed) -> Int? {
        try bool() ? Int(try signed()) : nil
    }

    mutating func strings() throws(Malformed) -> [String] {
        let n = try count()
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try string()) }
        return values
    }

    /// One of `choices`, as `ByteWriter.choice` wrote it.
    mutating func choice<T>(in choices: [T]) throws(Malformed) -> T? {
        let n = Int(try byte())
        guard n <= choices.count else { throw Malformed() }
        return n == 0 ? nil : choices[n - 1]
    }

    /// Skips a string; returns where its bytes are.
    mutating func skipString() throws(Malformed) -> Range<Int> {
        let length = try count()
        guard length <= bytes.count - offset else { throw Malformed() }
        defer { offset += length }
        return offset..<(offset + length)
    }

    mutating func optionalBool() throws(Malformed) -> Bool? {
        switch try byte() {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw Malformed()
        }
    }
}
