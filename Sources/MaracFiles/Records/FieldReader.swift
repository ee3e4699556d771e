import MaracBase
import MaracTOML

/// Reads typed fields out of one TOML table of a record, noting problems the schema cannot
/// see (a date written in quotes) as diagnostics at the field's position.
///
/// Wrong types are left to the schema, which reports them; the reader then yields `nil`.
package struct FieldReader {
    package let table: TOMLTable
    let file: String
    /// Where the table starts (its header for a `[[table]]` entry).
    package let position: SourcePosition?
    /// The place of the table holding this one ("" for the file's own table or one in it).
    private let outerPlace: String
    /// The key this table is under ("" for the file's own table).
    private let key: String
    /// The table's number (from 1) in its array of tables; 0 when it is not in one.
    package let number: Int

    package init(_ table: TOMLTable, file: String, position: SourcePosition? = nil) {
        self.init(table, file: file, outerPlace: "", key: "", number: 0, position: position)
    }

    private init(_ table: TOMLTable, file: String, outerPlace: String, key: String, number: Int, position: SourcePosition?) {
        self.table = table
        self.file = file
        self.outerPlace = outerPlace
        self.key = key
        self.number = number
        self.position = position
    }

    /// The table's dotted place in the file, for messages (`victim`, `referral[2]`); written out
    /// only when asked for, as most tables never need it.
    package var place: String {
        let field = outerPlace.isEmpty ? key : "\(outerPlace).\(key)"
        return number == 0 ? field : "\(field)[\(number)]"
    }

    func fieldName(_ key: String) -> String {
        let place = place
        return place.isEmpty ? key : "\(place).\(key)"
    }

    package func string(_ key: String) -> String? { table[key]?.string }
    func bool(_ key: String) -> Bool? { table[key]?.boolean }
    func int(_ key: String) -> Int? { table[key]?.integer.map { Int($0) } }
    package func strings(_ key: String) -> [String] { table[key]?.array?.compactMap(\.string) ?? [] }

    /// A TOML date; a date written as a quoted string is reported and still read.
    func date(_ key: String, _ problems: inout [Diagnostic]) -> LocalDate? {
        guard let node = table[key] else { return nil }
        if let date = node.localDate { return date }
        if let text = node.string, let date = LocalDate(isoText: text) {
            problems.append(Diagnostic(
                file: file, position: node.range.start,
                message: "\(fieldName(key)) is written in quotes; write the date without quotes (YYYY-MM-DD) so it is read as a date",
                rule: .dateQuoted))
            return date
        }
        return nil
    }

    /// A TOML local time (`09:58:00`), or a time written as text `HH:MM` or `HH:MM:SS` (the
    /// schema's pattern); `nil` otherwise.
    func time(_ key: String) -> LocalTime? {
        guard let node = table[key] else { return nil }
        if case .localTime(let time) = node.value { return time }
        guard let text = node.string else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) : 0
        guard let second, (0...60).contains(second) else { return nil }
        return LocalTime(hour: hour, minute: minute, second: second)
    }

    /// The array of tables under `key` (e.g. `[[referral]]`), each with its reader.
    func tables(_ key: String) -> [FieldReader] {
        guard let items = table[key]?.array else { return [] }
        let place = place
        return items.enumerated().compactMap { index, node in
            node.table.map {
                FieldReader($0, file: file, outerPlace: place, key: key, number: index + 1, position: node.range.start)
            }
        }
    }

    /// The sub-table under `key`.
    package func subtable(_ key: String) -> FieldReader? {
        guard let node = table[key], let sub = node.table else { return nil }
        return FieldReader(sub, file: file, outerPlace: place, key: key, number: 0, position: node.range.start)
    }

    /// Where `key` is written, or else where the table itself starts.
    package func position(of key: String) -> SourcePosition? {
        table[member: key]?.keyRange.start ?? position
    }

    /// Whether `key` is written, whatever its value.
    func has(_ key: String) -> Bool { table[key] != nil }

    /// A text as the papers print it: a string as written, a TOML time as `HH:MM`.
    func text(_ key: String) -> String? {
        guard let node = table[key] else { return nil }
        if case .localTime(let time) = node.value {
            return (time.hour < 10 ? "0" : "") + String(time.hour) + ":" + (time.minute < 10 ? "0" : "") + String(time.minute)
        }
        return node.string
    }
}
