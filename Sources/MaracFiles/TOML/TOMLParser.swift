import MaracBase

/// A recursive-descent TOML 1.0 parser over UTF-8 bytes: the document's lines, keys and headers.
///
/// Values are read in the `TOMLParser+...` extensions; tables are assembled by `TOMLDocumentBuilder`.
struct TOMLParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let firstLineStart: Int
    var pos: Int
    var lines: LineTracker
    var builder = TOMLDocumentBuilder()
    /// Reused buffer for strings that need unescaping.
    var scratch: [UInt8] = []
    /// Whether to note each line's statement in `statements` (for the editor).
    var recordsStatements = false
    /// The document's `key = value` lines and headers, in order, when `recordsStatements` is set.
    var statements: [TOMLStatement] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
        let hasByteOrderMark = end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        firstLineStart = hasByteOrderMark ? 3 : 0
        pos = firstLineStart
        lines = LineTracker(firstLineStart: firstLineStart)
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        while true {
            let lineStart = pos
            skipBlanks()
            guard pos < end else { break }
            let start = pos
            switch bytes[pos] {
            case TOMLByte.newline, TOMLByte.carriageReturn, TOMLByte.hash:
                try endLine(after: "")
            case TOMLByte.openBracket:
                let (keys, isArray) = try parseHeader()
                let contentEnd = pos
                try endLine(after: "the table header")
                if recordsStatements {
                    statements.append(TOMLStatement(
                        kind: isArray ? .arrayTable : .table, keys: keys.names, keyCount: keys.count, lineStart: lineStart,
                        start: start, contentEnd: contentEnd, end: pos, keyStart: keys.last.range.start.offset))
                }
            default:
                let key = try parseKeyValue(into: builder.current)
                let contentEnd = pos
                try endLine(after: "the value")
                if recordsStatements {
                    statements.append(TOMLStatement(
                        kind: .keyValue, keys: [], keyCount: key.count, lineStart: lineStart,
                        start: start, contentEnd: contentEnd, end: pos, keyStart: key.lastStart))
                }
            }
        }
        return builder.finish()
    }

    // MARK: positions and errors

    /// The position of the cursor.
    @inline(__always)
    mutating func mark() -> SourcePosition { lines.position(of: pos, in: bytes) }

    /// An error at `offset` (the cursor by default).
    func fail(_ message: String, at offset: Int? = nil) -> TOMLError {
        TOMLError(message, at: LineTracker.position(of: offset ?? pos, in: bytes, firstLineStart: firstLineStart))
    }

    // MARK: blanks, comments, line ends

    @inline(__always)
    mutating func skipBlanks() {
        while pos < end, bytes[pos] == TOMLByte.space || bytes[pos] == TOMLByte.tab { pos += 1 }
    }

    /// Skips a comment up to (not including) the end of its line.
    mutating func skipComment() throws(TOMLError) {
        pos += 1
        while pos < end {
            let byte = bytes[pos]
            if byte == TOMLByte.newline || byte == TOMLByte.carriageReturn { return }
            if TOMLByte.isControl(byte) { throw fail("control characters are not allowed in comments") }
            pos += 1
        }
    }

    /// Consumes a line feed or CR LF at the cursor, if there is one.
    @inline(__always)
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        guard pos < end else { return false }
        if bytes[pos] == TOMLByte.newline {
            pos += 1
        } else if bytes[pos] == TOMLByte.carriageReturn {
            guard pos + 1 < end, bytes[pos + 1] == TOMLByte.newline else {
                throw fail("a carriage return must be followed by a line feed: save the file with Windows (CR LF) or Unix (LF) line endings")
            }
            pos += 2
        } else {
            return false
        }
        lines.newLine(at: pos)
        return true
    }

    /// Ends a line: blanks, an optional comment, then a newline or the end of the text.
    mutating func endLine(after what: String) throws(TOMLError) {
        skipBlanks()
        if pos < end, bytes[pos] == TOMLByte.hash { try skipComment() }
        guard pos < end else { return }
        if try consumeNewline() { return }
        throw fail("expected the end of the line after \(what): put each key = value and each [table] header on its own line")
    }

    /// Skips blanks, comments and newlines (between array elements).
    mutating func skipBlanksCommentsAndNewlines() throws(TOMLError) {
        while pos < end {
            switch bytes[pos] {
            case TOMLByte.space, TOMLByte.tab: pos += 1
            case TOMLByte.hash: try skipComment()
            case TOMLByte.newline, TOMLByte.carriageReturn: _ = try consumeNewline()
            default: return
            }
        }
    }

    // MARK: keys

    /// Reads `key` or `dotted.key` (and the blanks after it).
    mutating func parseKey() throws(TOMLError) -> TOMLKeyPath {
        var key = TOMLKeyPath(last: try parseKeySegment(first: true))
        try parseDottedKey(&key)
        return key
    }

    /// Reads the `.segment`s after a key's first segment.
    private mutating func parseDottedKey(_ key: inout TOMLKeyPath) throws(TOMLError) {
        while pos < end, bytes[pos] == TOMLByte.dot {
            pos += 1
            skipBlanks()
            key.parents.append(key.last)
            key.last = try parseKeySegment(first: false)
        }
    }

    private mutating func parseKeySegment(first: Bool) throws(TOMLError) -> TOMLKeySegment {
        let start = mark()
        guard pos < end else { throw fail(first ? "expected a key" : "expected a key after '.'") }
        let name: String
        switch bytes[pos] {
        case TOMLByte.quote:
            if startsTripleQuote(TOMLByte.quote) { throw fail("a key can't be a multi-line string: quote it with a single \" on each side") }
            name = try parseBasicString()
        case TOMLByte.apostrophe:
            if startsTripleQuote(TOMLByte.apostrophe) { throw fail("a key can't be a multi-line string: quote it with a single ' on each side") }
            name = try parseLiteralString()
        case let byte where TOMLByte.isBareKey(byte):
            let nameStart = pos
            repeat { pos += 1 } while pos < end && TOMLByte.isBareKey(bytes[pos])
            name = text(nameStart..<pos)
        case TOMLByte.equals where first:
            throw fail("expected a key before '='")
        case let byte where TOMLByte.isControl(byte):
            throw fail(Self.controlOutsideStrings)
        case _ where isCurlyQuote(at: pos):
            throw fail("this key is in curly quotes (“ ” or ‘ ’), as a word processor types them; TOML needs straight quotes, or none: retype them as \" \"")
        default:
            throw fail(first ? "expected a key: use letters, digits, '_' and '-', or put the key in quotes" : "expected a key after '.'")
        }
        let segment = TOMLKeySegment(name: name, range: SourceRange(start: start, end: mark()))
        skipBlanks()
        return segment
    }

    /// Reads `key = value` into `table`; returns how many segments the key has and where its
    /// last segment starts.
    @discardableResult
    mutating func parseKeyValue(into table: Int) throws(TOMLError) -> (count: Int, lastStart: Int) {
        let first = try parseKeySegment(first: true)
        guard pos < end, bytes[pos] == TOMLByte.dot else {
            // A plain key (most are): no key path is made.
            let shape = (count: 1, lastStart: first.range.start.offset)
            let node = try parseValueAfterEquals(depth: builder.depth(of: table) + 1)
            try builder.insert(last: consume first, consume node, into: table)
            return shape
        }
        var keys = TOMLKeyPath(last: first)
        try parseDottedKey(&keys)
        let shape = (count: keys.count, lastStart: keys.last.range.start.offset)
        let node = try parseValueAfterEquals(depth: builder.depth(of: table) + shape.count)
        try builder.insert(consume keys, consume node, into: table)
        return shape
    }

    /// Reads `= value` after a key.
    private mutating func parseValueAfterEquals(depth: Int) throws(TOMLError) -> TOMLNode {
        guard pos < end, bytes[pos] == TOMLByte.equals else { throw fail("expected '=' after the key") }
        pos += 1
        skipBlanks()
        if pos >= end || bytes[pos] == TOMLByte.newline || bytes[pos] == TOMLByte.carriageReturn || bytes[pos] == TOMLByte.hash {
            throw fail("expected a value after '='")
        }
        return try parseValue(depth: depth)
    }

    /// Reads a `[table]` or `[[array of tables]]` header and starts its section; returns its key.
    mutating func parseHeader() throws(TOMLError) -> (key: TOMLKeyPath, isArray: Bool) {
        let start = mark()
        pos += 1
        let isArray = pos < end && bytes[pos] == TOMLByte.openBracket
        if isArray { pos += 1 }
        skipBlanks()
        let keys = try parseKey()
        let closing = isArray ? "expected ']]' to close the [[array of tables]] header" : "expected ']' to close the [table] header"
        guard pos < end, bytes[pos] == TOMLByte.closeBracket else { throw fail(closing) }
        pos += 1
        if isArray {
            guard pos < end, bytes[pos] == TOMLByte.closeBracket else { throw fail(closing) }
            pos += 1
        }
        let range = SourceRange(start: start, end: mark())
        if isArray {
            try builder.appendArrayTable(keys, header: range)
        } else {
            try builder.openTable(keys, header: range)
        }
        return (keys, isArray)
    }

    // MARK: helpers

    @inline(__always)
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    @inline(__always)
    func startsTripleQuote(_ quote: UInt8) -> Bool {
        pos + 2 < end && bytes[pos + 1] == quote && bytes[pos + 2] == quote
    }

    /// Whether the cursor is at a byte that may follow a scalar value.
    @inline(__always)
    func atValueEnd() -> Bool {
        guard pos < end else { return true }
        switch bytes[pos] {
        case TOMLByte.space, TOMLByte.tab, TOMLByte.newline, TOMLByte.carriageReturn, TOMLByte.hash, TOMLByte.comma, TOMLByte.closeBracket, TOMLByte.closeBrace: return true
        default: return false
        }
    }
}
