/// The few edits transfers and disclosures make to a case file, each keeping every other byte
/// as it was (comments, blank lines, key order, quoting, line ends): a top-level text value
/// replaced in place, and a new `[[table]]` entry appended at the end of the file.
///
/// Each result is decoded again and checked to hold exactly the change; anything else is
/// refused and the file is left alone. (The general format-preserving `TOMLEditor` does the
/// same for any path; these two edits are all a transfer needs.)
public struct CaseFileEdit: Sendable {
    public private(set) var bytes: [UInt8]

    /// Why an edit could not be made. Messages name keys, never values.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    private func decoded() throws(Failure) -> TOMLTable {
        do {
            return try TOMLDecoder.decode(bytes: bytes)
        } catch {
            throw Failure("the file is not valid TOML (line \(error.position.line)); fix it with 'mfile lint' first")
        }
    }

    /// The line end the file uses (CR LF if its first line ends so).
    private var lineEnd: String {
        guard let newline = bytes.firstIndex(of: 10) else { return "\n" }
        return newline > 0 && bytes[newline - 1] == 13 ? "\r\n" : "\n"
    }

    /// Replaces the text value of top-level `key` (written `key = "..."`) with `value`.
    public mutating func setText(_ key: String, _ value: String) throws(Failure) {
        let before = try decoded()
        guard let node = before[key], node.string != nil else {
            throw Failure("the file has no text value '\(key)' at the top level")
        }
        if node.string == value { return }
        let range = node.range.bytes
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw Failure("'\(key)' could not be located") }
        var edited = bytes
        edited.replaceSubrange(range, with: Array(TOMLEncoder.inline(.string(value)).utf8))
        let after: TOMLTable
        do { after = try TOMLDecoder.decode(bytes: edited) } catch { throw Failure("changing '\(key)' would break the file") }
        guard after[key]?.string == value, after.keys == before.keys else {
            throw Failure("changing '\(key)' would change more than '\(key)'")
        }
        bytes = edited
    }

    /// Appends a `[[name]]` entry with `members` (plain values only) at the end of the file.
    public mutating func appendEntry(_ name: String, _ members: [(String, TOMLValue)]) throws(Failure) {
        let before = try decoded()
        let existing = before[name]?.array?.count ?? 0
        if let node = before[name], node.array == nil || (existing > 0 && node.array?.allSatisfy({ $0.table != nil }) != true) {
            throw Failure("'\(name)' is written in a way an entry cannot be added to; add it by hand")
        }
        let end = lineEnd
        var text = ""
        if let last = bytes.last, last != 10 { text += end }
        if !bytes.isEmpty { text += end }
        text += "[[\(TOMLEncoder.key(name))]]" + end
        for (key, value) in members {
            text += TOMLEncoder.key(key) + " = " + TOMLEncoder.inline(value).replacingOccurrences(of: "\n", with: end) + end
        }
        let edited = bytes + Array(text.utf8)
        let after: TOMLTable
        do { after = try TOMLDecoder.decode(bytes: edited) } catch { throw Failure("adding a [[\(name)]] entry would break the file; add it by hand") }
        guard let entries = after[name]?.array, entries.count == existing + 1,
            entries.last?.table?.keys == members.map(\.0), after.keys.filter({ $0 != name }) == before.keys.filter({ $0 != name })
        else {
            throw Failure("adding a [[\(name)]] entry would change more than that entry; add it by hand")
        }
        bytes = edited
    }
}
