import MaracJSON

/// How context values behave in tags: their text for `{{name}}` and their truthiness for sections.
extension JSONValue {
    /// Whether `{{#name}}` renders (and `{{^name}}` does not): everything except `null`,
    /// `false`, an empty list and an empty string. Numbers, including 0, are true.
    var mustacheIsTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .array(let items): !items.isEmpty
        case .string(let text): !text.isEmpty
        case .integer, .number, .object: true
        }
    }

    /// The text of a scalar: strings as they are, integers as digits, other numbers in the
    /// shortest form that reads back exactly, `true`/`false`, and `null` as nothing.
    /// Lists and objects have no text (`nil`).
    var mustacheText: String? {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): Self.minimalText(value)
        case .string(let text): text
        case .array, .object: nil
        }
    }

    /// `2` for 2.0, `1.21` for 1.21, `1e+20` for 1e20.
    private static func minimalText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
