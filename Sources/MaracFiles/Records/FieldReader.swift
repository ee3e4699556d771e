/// Reads typed fields out of one TOML table of a record, noting problems the schema cannot
/// see (a date written in quotes) as diagnostics at the field's position.
///
/// Wrong types are left to the schema, which reports them; the reader then yields `nil`.
struct FieldReader {
    let table: TOMLTable
    let file: String
    /// The table's dotted place in the file, for messages (`victim`, `referral[2]`).
    let place: String
    /// Where the table starts (its header for a `[[table]]` entry).
    let position: SourcePosition?

    init(_ table: TOMLTable, file: String, place: String = "", position: SourcePosition? = nil) {
        self.table = table
        self.file = file
        self.place = place
        self.position = position
    }

    func fieldName(_ key: String) -> String { place.isEmpty ? key : "\(place).\(key)" }

    func string(_ key: String) -> String? { table[key]?.string }
    func bool(_ key: String) -> Bool? { table[key]?.boolean }
    func int(_ key: String) -> Int? { table[key]?.integer.map { Int($0) } }
    func strings(_ key: String) -> [String] { table[key]?.array?.compactMap(\.string) ?? [] }

    /// A TOML date; a date written as a quoted string is reported and still read.
    func date(_ key: String, _ problems: inout [Diagnostic]) -> LocalDate? {
        guard let node = table[key] else { return nil }
        if let date = node.localDate { return date }
        if let text = node.string, let date = LocalDate(isoText: text) {
            problems.append(Diagnostic(
                file: file, position: node.range.start,
                message: "\(fieldName(key)) is written in quotes; write the date without quotes (YYYY-MM-DD) so it is read as a date",
                rule: "date-quoted"))
            return date
        }
        return nil
    }

    /// The array of tables under `key` (e.g. `[[referral]]`), each with its reader.
    func tables(_ key: String) -> [FieldReader] {
        guard let items = table[key]?.array else { return [] }
        return items.enumerated().compactMap { index, node in
            node.table.map {
                FieldReader($0, file: file, place: "\(fieldName(key))[\(index + 1)]", position: node.range.start)
            }
        }
    }

    /// The sub-table under `key`.
    func subtable(_ key: String) -> FieldReader? {
        guard let node = table[key], let sub = node.table else { return nil }
        return FieldReader(sub, file: file, place: fieldName(key), position: node.range.start)
    }

    /// Where `key` is written, or else where the table itself starts.
    func position(of key: String) -> SourcePosition? {
        table[member: key]?.keyRange.start ?? position
    }
}

extension LocalDate {
    /// Parses `YYYY-MM-DD` (a real calendar date), else `nil`.
    public init?(isoText text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= LocalDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
