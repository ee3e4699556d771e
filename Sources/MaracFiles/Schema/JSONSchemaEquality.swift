import Foundation
import MaracJSON

/// Equality as JSON Schema defines it for `enum`, `const` and `uniqueItems`: numbers compare by
/// value (`1 == 1.0`), object members compare regardless of order, booleans are not numbers.
enum JSONSchemaEquality {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return same(x, y)
        case let (.integer(x), .integer(y)): return x == y
        case let (.integer(x), .number(y)), let (.number(y), .integer(x)): return Double(x) == y
        case let (.number(x), .number(y)): return x == y
        case let (.array(x), .array(y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { member in y.contains { same($0.key, member.key) && equal($0.value, member.value) } }
        default: return false
        }
    }

    /// `a` against an instance value seen as `view`: scalars compared in place, arrays and
    /// objects through their JSON form.
    static func equal<Value: SchemaInstance>(_ a: JSONValue, _ value: Value, _ view: SchemaView<Value>) -> Bool {
        switch (a, view) {
        case (.null, .null): return true
        case let (.bool(x), .boolean(y)): return x == y
        case let (.string(x), .string(y)): return same(x, y)
        case let (.string(x), .text(value)): return same(x, value.schemaText)
        case let (.integer(x), .integer(y)): return x == y
        case let (.integer(x), .number(y)): return Double(x) == y
        case let (.number(x), .integer(y)): return x == Double(y)
        case let (.number(x), .number(y)): return x == y
        case (.array, .array), (.object, .object): return equal(a, value.jsonValue)
        default: return false
        }
    }

    /// String equality by Unicode code points, as JSON requires (Swift's `==` also equates
    /// canonically equivalent strings, such as a precomposed `é` and `e` + combining accent).
    /// Code points are equal exactly when the UTF-8 bytes are, so this compares bytes.
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let result = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        if let result, let result { return result }
        return a.utf8.elementsEqual(b.utf8)
    }
}

/// How schema values (never instance values) are written in violation messages.
enum SchemaText {
    static func show(_ value: JSONValue) -> String {
        let text: String
        if case .string(let s) = value { text = s } else { text = JSONWriter.write(value) }
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    static func list(_ values: [JSONValue]) -> String {
        let shown = values.prefix(12).map(show).joined(separator: ", ")
        return values.count > 12 ? shown + ", ... (\(values.count) values in all)" : shown
    }

    /// A `patternProperties` name pattern that is a plain prefix (`^local_`) in words: "any
    /// name starting with local_"; `nil` for any other pattern (never shown).
    static func prefixWords(_ pattern: String) -> String? {
        guard pattern.hasPrefix("^"), pattern.count > 1, pattern.count <= 41 else { return nil }
        let prefix = pattern.dropFirst()
        guard prefix.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) else { return nil }
        return "any name starting with \(prefix)"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
