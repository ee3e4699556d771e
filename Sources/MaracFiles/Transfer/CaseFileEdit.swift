import MaracBase
import MaracTOML

/// The edits transfers and disclosures make to a case file, through the format-preserving
/// `TOMLEditor`: a top-level text value replaced in place, and a new `[[table]]` entry
/// appended (after that array's last entry, or at the end of the file). Every other byte
/// (comments, blank lines, key order, quoting, line ends) stays as it was, and each result is
/// decoded again and checked by the editor; anything else is refused and nothing changes.
public struct CaseFileEdit: Sendable {
    public private(set) var bytes: [UInt8]

    /// Why an edit could not be made. Messages name keys and paths, never values.
    public struct Failure: UserFacingError, CustomStringConvertible {
        public var message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    private func editor() throws(Failure) -> TOMLEditor {
        do {
            return try TOMLEditor(bytes: bytes)
        } catch {
            throw Failure("the file is not valid TOML (line \(error.position.line)); fix it with 'mfile lint' first")
        }
    }

    /// Replaces the text value of top-level `key` (written `key = "..."`) with `value`.
    public mutating func setText(_ key: String, _ value: String) throws(Failure) {
        let editor = try editor()
        guard editor.table[key]?.string != nil else {
            throw Failure("the file has no text value '\(key)' at the top level")
        }
        do {
            bytes = try editor.setValue(.string(value), at: [.key(key)])
        } catch {
            throw Failure(error.description)
        }
    }

    /// Sets the date at `path` (e.g. `["transfer", 0, "acknowledged"]`), adding the key
    /// after the entry's last key if it is not there.
    public mutating func setDate(at path: [TOMLPathComponent], _ date: LocalDate) throws(Failure) {
        let editor = try editor()
        do {
            bytes = try editor.setValue(.localDate(date), at: path)
        } catch {
            throw Failure(error.description)
        }
    }

    /// Appends a `[[name]]` entry with `members` (plain values only).
    public mutating func appendEntry(_ name: String, _ members: [(String, TOMLValue)]) throws(Failure) {
        let editor = try editor()
        let entry = TOMLTable(members: members.map { key, value in
            TOMLTable.Member(key: key, keyRange: .none, node: TOMLNode(value, range: .none))
        })
        do {
            bytes = try editor.appendArrayTable(entry, at: [.key(name)])
        } catch {
            throw Failure("\(error.description); add the [[\(name)]] entry by hand")
        }
    }
}
