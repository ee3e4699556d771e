import Foundation
import MaracJSON

/// A compiled schema: every reachable subschema as a node, refs resolved to node indices.
/// Immutable once built, so one program is shared by all threads validating with it.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let sites: [CheckSite]
    /// The `$dynamicAnchor`s of each schema resource: name to node.
    let resources: [[String: Int]]
    /// Whether any `$dynamicRef` needs the dynamic scope (the resources entered so far) tracked.
    let tracksDynamicScope: Bool
    let root: Int
    /// The rules the checks refer to (`Kept`), alive as long as the program; never changed.
    nonisolated(unsafe) private let rules: [AnyObject]

    init(nodes: [SchemaNode], sites: [CheckSite], resources: [[String: Int]], tracksDynamicScope: Bool, root: Int,
         rules: [AnyObject]) {
        self.nodes = nodes
        self.sites = sites
        self.resources = resources
        self.tracksDynamicScope = tracksDynamicScope
        self.root = root
        self.rules = rules
    }
}

/// A rule a check refers to without counting references, so that a check is plain data and
/// copying one while validating costs nothing. The `SchemaProgram` keeps every rule alive.
struct Kept<Rule: AnyObject>: @unchecked Sendable {
    private let reference: Unmanaged<Rule>

    /// Refers to `rule`, which `owners` (the program's rules) keeps alive.
    init(_ rule: Rule, keptBy owners: inout [AnyObject]) {
        owners.append(rule)
        reference = .passUnretained(rule)
    }

    /// `body` given the rule, borrowed.
    @inline(__always)
    func with<Result>(_ body: (Rule) throws -> Result) rethrows -> Result {
        try reference._withUnsafeGuaranteedRef(body)
    }
}

/// A list a check keeps (subschemas, names).
final class SchemaList<Element>: @unchecked Sendable {
    let items: [Element]
    init(_ items: [Element]) { self.items = items }
}

/// The value `const` requires, and how messages show it.
final class ConstRule: @unchecked Sendable {
    let value: JSONValue
    let shown: String
    init(_ value: JSONValue, shown: String) {
        self.value = value
        self.shown = shown
    }
}

/// What a violation names: the keyword and its absolute location, `uri#/pointer/keyword`.
/// Kept apart from the checks so that running a check touches no strings.
struct CheckSite: Sendable {
    var keyword: String
    var location: String
    /// The `title` and `description` of the schema object holding the keyword: what a
    /// `type`, `pattern` or `format` failure says is expected, in words.
    var title: String? = nil
    var description: String? = nil
}

/// One compiled subschema: the checks its keywords make, cheapest first.
struct SchemaNode: Sendable {
    var location: String
    var checks: [SchemaCheck]
    /// The schema resource (index into `SchemaProgram.resources`) the node belongs to.
    var resource = 0
    /// Whether a check needs to know which members or items the other checks evaluated
    /// (`unevaluatedProperties`, `unevaluatedItems`); only such nodes collect that.
    var usesUnevaluated = false
}

/// One keyword (or a group of keywords that work together) ready to run: plain data, its
/// rules kept by the program.
struct SchemaCheck: Sendable {
    var kind: Kind
    /// The index of its `CheckSite`.
    var site: Int

    enum Kind: Sendable {
        case never
        case type(JSONTypes)
        /// Strings by their canonical form, each with the exact variants allowed.
        case enumeration(Kept<EnumRule>)
        case const(Kept<ConstRule>)
        case required(Kept<SchemaList<String>>)
        case members(Kept<MemberRules>)
        case minProperties(Int)
        case maxProperties(Int)
        case propertyNames(Int)
        case dependentRequired(Kept<SchemaList<(key: String, required: [String])>>)
        case dependentSchemas(Kept<SchemaList<(key: String, schema: Int)>>)
        /// `prefixItems` and `items`; `restForbidden` when `items` is `false`.
        case items(prefix: Kept<SchemaList<Int>>, rest: Int?, restForbidden: Bool, restSite: Int)
        case contains(schema: Int, min: Int, max: Int?, minSite: Int, maxSite: Int)
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
        case pattern(Kept<SchemaPattern>)
        case format(SchemaFormat)
        case ref(Int)
        /// `initial` is the statically resolved target; with `anchor`, the outermost resource
        /// in the dynamic scope holding that `$dynamicAnchor` takes its place.
        case dynamicRef(initial: Int, anchor: Kept<SchemaList<String>>?)
        case allOf(Kept<SchemaList<Int>>)
        case anyOf(Kept<SchemaList<Int>>)
        case oneOf(Kept<SchemaList<Int>>)
        case not(Int)
        case conditional(if: Int, then: Int?, else: Int?)
        /// Always the last checks of a node; `forbidden` when the schema is `false`.
        case unevaluatedProperties(schema: Int, forbidden: Bool)
        case unevaluatedItems(schema: Int, forbidden: Bool)
    }
}

/// The values an `enum` allows.
final class EnumRule: Sendable {
    /// Strings by their canonical form, each with the exact variants allowed.
    let strings: [String: [String]]
    let others: [JSONValue]
    /// The values as listed in messages.
    let allowed: String
    /// The string values in schema order (what "did you mean" chooses from).
    let names: [String]

    init(strings: [String: [String]], others: [JSONValue], allowed: String, names: [String]) {
        self.strings = strings
        self.others = others
        self.allowed = allowed
        self.names = names
    }
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema, applied in one
/// pass over an object's members.
final class MemberRules: Sendable {
    /// `properties` in schema order; `index` finds them by name when there are many.
    let properties: [(name: String, schema: Int)]
    let index: [String: Int]
    let patterns: [(pattern: Kept<SchemaPattern>, schema: Int)]
    /// The `additionalProperties` schema; `additionalForbidden` when it is `false`.
    let additional: Int?
    let additionalForbidden: Bool
    let additionalSite: Int

    init(properties: [(name: String, schema: Int)], patterns: [(pattern: Kept<SchemaPattern>, schema: Int)],
         additional: Int?, additionalForbidden: Bool, additionalSite: Int) {
        self.properties = properties
        var index: [String: Int] = [:]
        for (i, property) in properties.enumerated() where index[property.name] == nil { index[property.name] = i }
        self.index = index
        self.patterns = patterns
        self.additional = additional
        self.additionalForbidden = additionalForbidden
        self.additionalSite = additionalSite
    }

    /// The field names allowed, as a message lists them: each property, then each
    /// `patternProperties` prefix as "any name starting with ...".
    var allowedNames: [String] {
        properties.map(\.name) + patterns.compactMap { entry in entry.pattern.with { SchemaText.prefixWords($0.source) } }
    }

    /// The schema of the property named `name` (compared by code points, as JSON requires).
    /// Records usually list fields in schema order, so the property after the last one found
    /// (`hint`) is tried first.
    @inline(__always)
    func property(_ name: String, hint: inout Int) -> Int? {
        if hint < properties.count, JSONSchemaEquality.same(properties[hint].name, name) {
            hint += 1
            return properties[hint - 1].schema
        }
        if properties.count <= 12 {
            for (i, property) in properties.enumerated() where JSONSchemaEquality.same(property.name, name) {
                hint = i + 1
                return property.schema
            }
            return nil
        }
        guard let i = index[name], JSONSchemaEquality.same(properties[i].name, name) else { return nil }
        hint = i + 1
        return properties[i].schema
    }
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
