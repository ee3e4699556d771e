/// One line-level statement of a TOML document as written: a `key = value` (which may span
/// lines when its value does) or a `[table]` / `[[array of tables]]` header.
///
/// Offsets are byte offsets into the document. Blank lines and comment-only lines are not
/// statements. The editor uses statements to find whole lines and the sections they belong to.
struct TOMLStatement: Sendable {
    enum Kind: Sendable { case keyValue, table, arrayTable }

    var kind: Kind
    /// A header's path (segment names); empty for a `key = value`, to keep recording cheap.
    var keys: [String]
    /// How many segments the key has (more than one for a dotted key).
    var keyCount: Int
    /// Where the line begins (before any indentation).
    var lineStart: Int
    /// The first byte after the indentation: the key, or the header's `[`.
    var start: Int
    /// Just past the value or the header's closing bracket (before blanks and a comment).
    var contentEnd: Int
    /// Just past the line's end: after its newline, or the end of the text.
    var end: Int
    /// Where the key's last segment begins (matches `TOMLTable.Member.keyRange`).
    var keyStart: Int

    var isHeader: Bool { kind != .keyValue }
}

extension TOMLDecoder {
    /// Decodes UTF-8 bytes, also returning the document's statements in order.
    static func decodeWithStatements(bytes: [UInt8]) throws(TOMLError) -> (TOMLTable, [TOMLStatement]) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(TOMLError) -> (TOMLTable, [TOMLStatement]) in
                var parser = TOMLParser(bytes: buffer)
                if let bad = UTF8Validation.firstInvalidByte(in: buffer) {
                    throw parser.fail(
                        "this file is not valid UTF-8 text: save it with the UTF-8 encoding", at: bad)
                }
                parser.recordsStatements = true
                let table = try parser.parseDocument()
                return (table, parser.statements)
            }
        }
        return try result.get()
    }
}
