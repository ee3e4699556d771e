import MaracBase

/// The container inside a bundle: a POSIX ustar archive of regular files, so that a recipient
/// without `mfile` can still open it (`age -d bundle.age | tar -x`).
///
/// Only what bundles need is written and accepted: regular files with relative paths of at
/// most 100 bytes, no links, no folders, no `..`. Every header's checksum is checked.

public enum TarArchive {
    /// One file in the archive.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// Why an archive could not be read (messages name archive paths only).
    public struct Failure: UserFacingError, CustomStringConvertible {
        public var message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    static let block = 512

    /// Whether `path` is a name bundles may hold: relative, no `..` or empty parts, ASCII
    /// letters, digits and `-_./` only, at most 100 bytes.
    public static func isSafePath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= 100, bytes.first != UInt8(ascii: "/") else { return false }
        guard bytes.allSatisfy({ byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
        }) else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// The archive of `entries`, in order. Times are fixed (0) so the same files give the same bytes.
    public static func write(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            precondition(isSafePath(entry.path), "bundle paths are made by mfile and always safe")
            var header = [UInt8](repeating: 0, count: block)
            put(Array(entry.path.utf8), at: 0, in: &header)
            put(octal(0o600, width: 8), at: 100, in: &header)
            put(octal(0, width: 8), at: 108, in: &header)
            put(octal(0, width: 8), at: 116, in: &header)
            put(octal(entry.bytes.count, width: 12), at: 124, in: &header)
            put(octal(0, width: 12), at: 136, in: &header)
            header[156] = UInt8(ascii: "0")
            put(Array("ustar\0".utf8), at: 257, in: &header)
            put(Array("00".utf8), at: 263, in: &header)
            for index in 148..<156 { header[index] = UInt8(ascii: " ") }
            let sum = header.reduce(0) { $0 + Int($1) }
            put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148, in: &header)
            out += header
            out += entry.bytes
            let padding = (block - entry.bytes.count % block) % block
            out += [UInt8](repeating: 0, count: padding)
        }
        out += [UInt8](repeating: 0, count: 2 * block)
        return out
    }

    /// The entries of an archive `write` made; anything else, or a damaged archive, fails.
    public static func read(_ bytes: [UInt8], limits: Limits = .bundle) throws(Failure) -> [Entry] {
        var reader = Reader(limits: limits)
        try reader.feed(bytes[...])
        return try reader.finish()
    }

    /// How much an archive may hold: a bundle's size is bounded before any of it is kept.
    public struct Limits: Sendable {
        /// The largest file, in bytes.
        public var fileBytes: Int
        /// All files together, in bytes.
        public var totalBytes: Int
        /// How many files.
        public var files: Int

        public init(fileBytes: Int, totalBytes: Int, files: Int) {
            self.fileBytes = fileBytes
            self.totalBytes = totalBytes
            self.files = files
        }

        /// What a case bundle may hold: a case's papers and record data are far smaller.
        public static let bundle = Limits(fileBytes: 16 << 20, totalBytes: 64 << 20, files: 2000)

        /// `bytes` as an administrator reads it (`16 MiB`).
        public static func describe(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
        }
    }

    /// Reads an archive as it arrives, chunk by chunk, keeping only the entries (each within
    /// the limits) and at most one block of what is still to come, so a hostile archive is
    /// refused as soon as it goes over a limit, before the rest of it is read.
    public struct Reader: Sendable {
        public let limits: Limits
        private var pending: [UInt8] = []
        private var entries: [Entry] = []
        private var paths = Set<String>()
        private var total = 0
        /// The entry being read: its path, size and bytes so far.
        private var current: (path: String, size: Int, bytes: [UInt8])?
        /// Zero padding still to skip after the current entry.
        private var padding = 0
        private var ended = false
        private var zeroBlocks = 0

        public init(limits: Limits) { self.limits = limits }

        public mutating func feed(_ chunk: ArraySlice<UInt8>) throws(Failure) {
            var chunk = chunk
            while !chunk.isEmpty {
                if ended {
                    guard chunk.allSatisfy({ $0 == 0 }) else { throw Failure("the archive has data after its end marker") }
                    return
                }
                if current != nil {
                    // Appended in place: `current` keeps the only reference to its bytes.
                    let take = min(current!.size - current!.bytes.count, chunk.count)
                    current!.bytes += chunk.prefix(take)
                    chunk = chunk.dropFirst(take)
                    if current!.bytes.count == current!.size, let entry = current {
                        current = nil
                        entries.append(Entry(path: entry.path, bytes: entry.bytes))
                        padding = (block - entry.size % block) % block
                    }
                    continue
                }
                if padding > 0 {
                    let skip = min(padding, chunk.count)
                    guard chunk.prefix(skip).allSatisfy({ $0 == 0 }) else { throw Failure("the archive's padding holds data") }
                    padding -= skip
                    chunk = chunk.dropFirst(skip)
                    continue
                }
                let need = block - pending.count
                pending += chunk.prefix(need)
                chunk = chunk.dropFirst(need)
                if pending.count == block {
                    try header(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }

        /// The entries, once the whole archive (with its end marker) has been fed.
        public func finish() throws(Failure) -> [Entry] {
            guard ended, current == nil, pending.isEmpty || pending.allSatisfy({ $0 == 0 }) else {
                throw Failure(zeroBlocks == 1 ? "the archive is cut short (incomplete end marker)" : "the archive is cut short (no end marker)")
            }
            return entries
        }

        private mutating func header(_ header: [UInt8]) throws(Failure) {
            if header.allSatisfy({ $0 == 0 }) {
                zeroBlocks += 1
                if zeroBlocks == 2 { ended = true }
                return
            }
            guard zeroBlocks == 0 else { throw Failure("the archive is cut short (incomplete end marker)") }
            let number = entries.count + 1
            guard number <= limits.files else { throw Failure("the archive holds more than \(limits.files) files, more than any case bundle") }
            guard Array(header[257..<263]) == Array("ustar\0".utf8) else { throw Failure("entry \(number) is not a ustar header") }
            guard let stored = parseOctal(header[148..<156]) else { throw Failure("entry \(number) has an unreadable checksum") }
            var check = header
            for index in 148..<156 { check[index] = UInt8(ascii: " ") }
            guard check.reduce(0, { $0 + Int($1) }) == stored else { throw Failure("entry \(number) fails its header checksum") }
            guard header[156] == UInt8(ascii: "0") || header[156] == 0 else { throw Failure("entry \(number) is not a regular file") }
            guard header[345] == 0 else { throw Failure("entry \(number) uses a path prefix, which bundles never do") }
            let nameBytes = header[0..<100].prefix { $0 != 0 }
            guard let path = String(validating: Array(nameBytes), as: UTF8.self), isSafePath(path) else {
                throw Failure("entry \(number) has a path a bundle may not hold")
            }
            guard let size = parseOctal(header[124..<136]) else { throw Failure("\(path): unreadable size") }
            guard size <= limits.fileBytes else {
                throw Failure("\(path) is larger than \(Limits.describe(limits.fileBytes)), more than any paper or record a bundle holds")
            }
            total += size
            guard total <= limits.totalBytes else {
                throw Failure("the archive holds more than \(Limits.describe(limits.totalBytes)), more than any case bundle")
            }
            guard paths.insert(path).inserted else { throw Failure("\(path) appears twice") }
            if size == 0 {
                entries.append(Entry(path: path, bytes: []))
            } else {
                current = (path, size, [])
                current!.bytes.reserveCapacity(size)
            }
        }
    }

    private static func put(_ value: [UInt8], at offset: Int, in header: inout [UInt8]) {
        for (index, byte) in value.enumerated() { header[offset + index] = byte }
    }

    /// `value` in octal, zero-padded to `width - 1` digits and a NUL.
    private static func octal(_ value: Int, width: Int) -> [UInt8] {
        let digits = String(value, radix: 8)
        return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
    }

    fileprivate static func parseOctal(_ field: ArraySlice<UInt8>) -> Int? {
        var value = 0
        var seen = false
        for byte in field {
            if byte == 0 || byte == UInt8(ascii: " ") {
                if seen { break } else { continue }
            }
            guard (48...55).contains(byte) else { return nil }
            value = value * 8 + Int(byte - 48)
            seen = true
            if value > Int(Int32.max) { return nil }
        }
        return seen ? value : nil
    }
}
