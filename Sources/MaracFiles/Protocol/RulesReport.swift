import MaracJSON

extension RuleValue {
    /// The value in words for rule `id`: "on", "off", "14 ticks", "1 working day".
    public func text(for id: RuleID) -> String {
        switch self {
        case .off: "off"
        case .on: "on"
        case .count(let n):
            if case .count(let unit) = id.kind { "\(n) \(unit)" } else { String(n) }
        case .period(let period): period.description
        }
    }
}

extension EffectiveRules {
    /// The table `mfile rules` prints: a heading line, a column header, then one line a rule
    /// in stable order (rule, value, from, source). With `descriptions`, each rule is followed
    /// by an indented line saying what it means.
    public func textLines(descriptions: Bool = false) -> [String] {
        let header = ("RULE", "VALUE", "FROM", "SOURCE")
        let rows = listed.map { entry in
            (entry.id.rawValue, entry.value.text(for: entry.id), entry.origin.rawValue,
             entry.source ?? "-")
        }
        let idWidth = rows.map(\.0.count).max().map { max($0, header.0.count) } ?? header.0.count
        let valueWidth = rows.map(\.1.count).max().map { max($0, header.1.count) } ?? header.1.count
        let originWidth = max(EffectiveRules.Origin.override.rawValue.count, header.2.count)
        func line(_ row: (String, String, String, String)) -> String {
            padded(row.0, idWidth) + "  " + padded(row.1, valueWidth) + "  "
                + padded(row.2, originWidth) + "  " + row.3
        }
        var lines = ["Protocol profile: \(rules.profile) (\(rules.area))", line(header)]
        for (entry, row) in zip(listed, rows) {
            lines.append(line(row))
            if descriptions { lines.append("    " + entry.id.summary) }
        }
        return lines
    }

    /// The same table as JSON: `{"profile", "area", "rules": [{"id", "value", "unit", "text",
    /// "origin", "source", "description"}]}`. `value` is `true`/`false` for a switch, the
    /// number for a number or time limit, `false` when off; `unit` is the count's unit or
    /// the time unit ("working-days", "days", "hours", "months"), `null` for a switch or off.
    public func json() -> JSONValue {
        .object([
            ("profile", .string(rules.profile)),
            ("area", .string(rules.area)),
            ("rules", .array(listed.map(\.json))),
        ])
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

extension EffectiveRules.Entry {
    /// One rule as a JSON object (see `EffectiveRules.json()`).
    public var json: JSONValue {
        let value: JSONValue
        let unit: JSONValue
        switch self.value {
        case .off:
            value = .bool(false)
            unit = .null
        case .on:
            value = .bool(true)
            unit = .null
        case .count(let n):
            value = .integer(Int64(n))
            if case .count(let name) = id.kind { unit = .string(name) } else { unit = .null }
        case .period(let period):
            value = .integer(Int64(period.amount))
            unit = .string(period.unit.rawValue)
        }
        return .object([
            ("id", .string(id.rawValue)),
            ("value", value),
            ("unit", unit),
            ("text", .string(self.value.text(for: id))),
            ("origin", .string(origin.rawValue)),
            ("source", source.map(JSONValue.string) ?? .null),
            ("description", .string(id.summary)),
        ])
    }
}
