import MaracJSON

extension RuleID {
    /// The JSON Schema of one rule's value in `[rules]`: exactly what `ProtocolRules.effective`
    /// accepts (a test checks the two agree on sample values, and that
    /// `schema/marac.schema.json` holds this schema).
    public var valueSchema: JSONValue {
        let description = JSONValue.string(summary)
        let off: JSONValue = .object([("const", .bool(false))])
        let number: JSONValue = .object([("type", .string("integer")), ("minimum", .integer(0))])
        switch kind {
        case .toggle:
            return .object([("description", description), ("type", .string("boolean"))])
        case .count:
            return .object([("description", description), ("anyOf", .array([number, off]))])
        case .period(let units):
            let text: JSONValue = .object([("type", .string("string")), ("pattern", .string(RuleID.periodPattern(units)))])
            return .object([("description", description), ("anyOf", .array([number, text, off]))])
        }
    }

    /// The pattern of a time limit written as text: up to four digits, one space, a unit.
    public static func periodPattern(_ units: [TimeUnit]) -> String {
        "^[0-9]{1,4} (" + units.flatMap(\.spellings).joined(separator: "|") + ")$"
    }

    /// The JSON Schema of marac.toml's `[rules]` table: every rule `mfile rules` lists, and
    /// nothing else.
    public static var rulesSchema: JSONValue {
        .object([
            ("description", .string("Local changes to the profile's rules: a rule id and its new value, or false to switch a rule off. `mfile rules --describe` lists every rule.")),
            ("type", .string("object")),
            ("properties", .object(checked.map { ($0.rawValue, $0.valueSchema) })),
            ("additionalProperties", .bool(false)),
        ])
    }
}
