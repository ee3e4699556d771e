/// The free text of one table of a record file, which only the papers print: who chaired, what
/// an action asks, why consent was not sought. It is read from the file with the record but
/// kept apart from the record's facts: the index keeps none of it, so a record rebuilt from
/// the index has none, and no check or message reads it.
public struct FreeText: Sendable, Equatable {
    private struct Field: Sendable, Equatable {
        var key: String
        var value: String
    }

    /// The few fields of one table, looked up by a scan.
    private var fields: [Field] = []

    /// The fields `keys` of `reader`'s table that are written (see `FieldReader.text`).
    init(_ reader: FieldReader, _ keys: [String]) {
        for key in keys {
            if let value = reader.text(key) { fields.append(Field(key: key, value: value)) }
        }
    }

    /// Fields set by hand (tests, and records made in memory).
    package init(_ fields: [String: String]) {
        self.fields = fields.sorted { $0.key < $1.key }.map { Field(key: $0.key, value: $0.value) }
    }

    mutating func set(_ key: String, _ value: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = value } else { fields.append(Field(key: key, value: value)) }
    }

    /// The text of field `key`, if it is written.
    package subscript(key: String) -> String? { fields.first { $0.key == key }?.value }
}
