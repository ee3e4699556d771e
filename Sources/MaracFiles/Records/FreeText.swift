/// The free text of one table of a record file, which only the papers print: who chaired, what
/// an action asks, why consent was not sought. It is read from the file with the record but
/// kept apart from the record's facts: the index keeps none of it, so a record rebuilt from
/// the index has none, and no check or message reads it.
public struct FreeText: Sendable, Equatable {
    private var fields: [String: String] = [:]

    /// The fields `keys` of `reader`'s table that are written (see `FieldReader.text`).
    init(_ reader: FieldReader, _ keys: [String]) {
        for key in keys {
            if let value = reader.text(key) { fields[key] = value }
        }
    }

    /// A field set by hand (tests, and records made in memory).
    package init(_ fields: [String: String]) {
        self.fields = fields
    }

    mutating func set(_ key: String, _ value: String) { fields[key] = value }

    /// The text of field `key`, if it is written.
    package subscript(key: String) -> String? { fields[key] }
}
