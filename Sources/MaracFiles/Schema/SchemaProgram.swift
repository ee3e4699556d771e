import Foundation

/// A compiled schema: every reachable subschema as a node, refs resolved to node indices.
/// Immutable once built, so one program is shared by all threads validating with it.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let root: Int

    init(nodes: [SchemaNode], root: Int) {
        self.nodes = nodes
        self.root = root
    }
}

/// One compiled subschema: the checks its keywords make, cheapest first.
struct SchemaNode: Sendable {
    var location: String
    var checks: [SchemaCheck]
}

/// One keyword (or a group of keywords that work together) ready to run.
struct SchemaCheck: Sendable {
    /// The keyword named in violations.
    var keyword: String
    /// The keyword's absolute location, `uri#/pointer/keyword`.
    var location: String
    var kind: Kind

    enum Kind: Sendable {
        case never
        case type(JSONTypes)
        /// Strings by their canonical form, each with the exact variants allowed.
        case enumeration(strings: [String: [String]], others: [JSONValue], allowed: String)
        case const(JSONValue, shown: String)
        case required([String])
        case members(MemberRules)
        case minProperties(Int)
        case maxProperties(Int)
        case propertyNames(Int)
        case dependentRequired([(key: String, required: [String])])
        case dependentSchemas([(key: String, schema: Int)])
        case items(prefix: [Int], rest: Int?, restLocation: String)
        case contains(schema: Int, min: Int, max: Int?)
        case minItems(Int)
        case maxItems(Int)
        case uniqueItems
        case minimum(SchemaNumber)
        case maximum(SchemaNumber)
        case exclusiveMinimum(SchemaNumber)
        case exclusiveMaximum(SchemaNumber)
        case multipleOf(SchemaNumber)
        case minLength(Int)
        case maxLength(Int)
        case pattern(SchemaPattern)
        case format(SchemaFormat)
        case ref(Int)
        case allOf([Int])
        case anyOf([Int])
        case oneOf([Int])
        case not(Int)
        case conditional(if: Int, then: Int?, else: Int?)
    }
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema, applied in one
/// pass over an object's members.
struct MemberRules: Sendable {
    var properties: [String: (name: String, schema: Int)]
    var patterns: [(pattern: SchemaPattern, schema: Int)]
    /// The `additionalProperties` schema; `additionalForbidden` when it is `false`.
    var additional: Int?
    var additionalForbidden: Bool
    var additionalLocation: String
}

/// The JSON types named by `type`.
struct JSONTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = JSONTypes(rawValue: 1)
    static let boolean = JSONTypes(rawValue: 2)
    static let integer = JSONTypes(rawValue: 4)
    static let number = JSONTypes(rawValue: 8)
    static let string = JSONTypes(rawValue: 16)
    static let array = JSONTypes(rawValue: 32)
    static let object = JSONTypes(rawValue: 64)

    static let names: [(String, JSONTypes)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]
}

/// A number written in a schema, kept exact when it is an integer.
enum SchemaNumber: Sendable, CustomStringConvertible {
    case integer(Int64)
    case double(Double)

    var doubleValue: Double {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        }
    }

    var description: String {
        switch self {
        case .integer(let i): String(i)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        }
    }
}

/// A `pattern` regular expression, compiled once with the schema.
struct SchemaPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from several threads.
    let regex: NSRegularExpression
    let source: String

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source, options: []) else { return nil }
        self.regex = regex
        self.source = source
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
