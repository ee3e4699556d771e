import MaracJSON

/// How values compare with what checks require: types, numbers, duplicates.
extension SchemaEvaluator {
    static func matches(_ value: SchemaView<Value>, _ types: JSONTypes) -> Bool {
        switch value {
        case .null: types.contains(.null)
        case .boolean: types.contains(.boolean)
        case .integer: !types.isDisjoint(with: [.integer, .number])
        case .number(let d): types.contains(.number) || (types.contains(.integer) && d.isFinite && d == d.rounded())
        case .string, .text: types.contains(.string)
        case .array: types.contains(.array)
        case .object: types.contains(.object)
        }
    }

    static func describe(_ types: JSONTypes) -> String {
        var names: [String] = []
        if types.contains(.string) { names.append("text") }
        if types.contains(.number) { names.append("a number") } else if types.contains(.integer) { names.append("a whole number") }
        if types.contains(.boolean) { names.append("true or false") }
        if types.contains(.array) { names.append("a list") }
        if types.contains(.object) { names.append("a table of fields") }
        if types.contains(.null) { names.append("null") }
        return names.isEmpty ? "of no type at all" : names.joined(separator: " or ")
    }

    /// The order of a numeric value against a schema number; nil for values that are not numbers.
    static func compare(_ value: SchemaView<Value>, _ limit: SchemaNumber) -> Int? {
        switch (value, limit) {
        case let (.integer(x), .integer(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.integer(x), .double(y)): return compare(Double(x), y)
        case let (.number(x), _): return compare(x, limit.doubleValue)
        default: return nil
        }
    }

    private static func compare(_ x: Double, _ y: Double) -> Int { x < y ? -1 : x > y ? 1 : 0 }

    static func isMultiple(_ value: SchemaView<Value>, of divisor: SchemaNumber) -> Bool? {
        switch (value, divisor) {
        case let (.integer(x), .integer(y)): return x % y == 0
        case let (.integer(x), .double(y)): return isMultiple(Double(x), y)
        case let (.number(x), _): return isMultiple(x, divisor.doubleValue)
        default: return nil
        }
    }

    private static func isMultiple(_ x: Double, _ y: Double) -> Bool {
        let quotient = x / y
        guard quotient.isFinite else { return x.truncatingRemainder(dividingBy: y) == 0 }
        let rounded = quotient.rounded()
        return quotient == rounded || abs(quotient - rounded) <= 1e-9 * max(1, abs(quotient))
    }

    /// The indices of the first repeated item and its earlier twin.
    static func duplicate(in items: Value.Items) -> (Int, Int)? {
        let strings = items.compactMap { $0.schemaView.string }
        if strings.count == items.count {
            if strings.count > 8 {
                var seen: [String: Int] = [:]
                for (i, s) in strings.enumerated() {
                    if let first = seen[s] { return (first, i) }
                    seen[s] = i
                }
                return nil
            }
            for j in strings.indices {
                for i in 0..<j where JSONSchemaEquality.same(strings[i], strings[j]) { return (i, j) }
            }
            return nil
        }
        let values = items.map(\.jsonValue)
        for j in values.indices {
            for i in 0..<j where JSONSchemaEquality.equal(values[i], values[j]) { return (i, j) }
        }
        return nil
    }
}
