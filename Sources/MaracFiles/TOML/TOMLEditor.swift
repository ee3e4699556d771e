/// Edits a TOML record the way a careful person would in their editor: only the lines or the
/// value the change needs are touched; every other byte (comments, blank lines, key order,
/// quoting, indentation, CR LF or LF line ends) is kept.
///
/// An editor is a value: each operation returns the new bytes (or, with the `...ing` forms, a
/// new editor holding them, for a chain of edits) and leaves the original alone. Every result
/// is decoded again and compared with the document the edit should produce; if they differ the
/// operation throws `TOMLEditError.Reason.invalidResult` instead of returning the text.
///
/// Paths address keys by name and arrays (of tables, or inline) by index:
/// `["referral", 1, "idva_referred"]`. Errors name the path, never a value.
public struct TOMLEditor: Sendable {
    /// The document's UTF-8 bytes.
    public let bytes: [UInt8]
    /// The decoded document.
    public let table: TOMLTable
    let statements: [TOMLStatement]
    /// The line end new lines are written with: the one the document's first line uses.
    let newline: [UInt8]

    /// Decodes a document for editing.
    public init(bytes: [UInt8]) throws(TOMLError) {
        (table, statements) = try TOMLDecoder.decodeWithStatements(bytes: bytes)
        self.bytes = bytes
        newline = Self.lineEnd(of: bytes)
    }

    /// Decodes a document for editing.
    public init(_ text: String) throws(TOMLError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// The document as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: operations returning bytes

    /// Sets the value at `path`: an existing value's text is replaced in place (left as it is
    /// when it already holds this value); a missing key is added as a `key = value` line at the
    /// end of its table's section, and missing tables are created as new `[table]` sections.
    public func setValue(_ value: TOMLValue, at path: [TOMLPathComponent]) throws(TOMLEditError) -> [UInt8] {
        try settingValue(value, at: path).bytes
    }

    /// Removes the `key = value` line(s) at `path`, with the line's comment and line end.
    /// Refuses keys that aren't a line of their own (inside an inline table, a dotted key that
    /// alone defines its table) and tables written as sections.
    public func removeKey(at path: [TOMLPathComponent]) throws(TOMLEditError) -> [UInt8] {
        try removingKey(at: path).bytes
    }

    /// Appends a `[[path]]` entry holding `table`, written canonically with a blank line before
    /// it: after the last existing entry of that array, or at the end of the enclosing table's
    /// sections (the end of the file for a top-level array). Keys naming an array of tables
    /// mean its last entry, as in a `[[header]]`.
    public func appendArrayTable(_ table: TOMLTable, at path: [TOMLPathComponent]) throws(TOMLEditError) -> [UInt8] {
        try appendingArrayTable(table, at: path).bytes
    }

    /// Appends a `[[path]]` entry; see `appendArrayTable(_:at:)` with path components.
    public func appendArrayTable(_ table: TOMLTable, at path: [String]) throws(TOMLEditError) -> [UInt8] {
        try appendingArrayTable(table, at: path.map(TOMLPathComponent.key)).bytes
    }

    /// Removes entry `index` of the array of tables at `path`: its `[[header]]`, its lines and
    /// its sub-tables' sections, up to the next header that is not inside it.
    public func removeArrayTableEntry(at path: [TOMLPathComponent], index: Int) throws(TOMLEditError) -> [UInt8] {
        try removingArrayTableEntry(at: path, index: index).bytes
    }

    /// Removes entry `index` of the array of tables at `path`; see the path-component form.
    public func removeArrayTableEntry(at path: [String], index: Int) throws(TOMLEditError) -> [UInt8] {
        try removingArrayTableEntry(at: path.map(TOMLPathComponent.key), index: index).bytes
    }

    // MARK: helpers

    static func lineEnd(of bytes: [UInt8]) -> [UInt8] {
        guard let i = bytes.firstIndex(of: TOMLByte.newline) else { return [TOMLByte.newline] }
        return i > 0 && bytes[i - 1] == TOMLByte.carriageReturn ? [TOMLByte.carriageReturn, TOMLByte.newline] : [TOMLByte.newline]
    }
}
