import MaracJSON

/// A value a schema can check, seen through the JSON data model: `JSONValue`, and a decoded
/// TOML tree read in place (`TOMLInstance.swift`) without first being copied into JSON values.
protocol SchemaInstance {
    associatedtype Members: SchemaMembers where Members.Value == Self
    associatedtype Items: RandomAccessCollection where Items.Element == Self, Items.Index == Int

    /// What the value is, as JSON sees it.
    var schemaView: SchemaView<Self> { get }
    /// The value a member name becomes when `propertyNames` checks it.
    init(memberName: String)
    /// The value as a `JSONValue`, for the rare checks that compare whole values.
    var jsonValue: JSONValue { get }
    /// The text of a value seen as `SchemaView.text`.
    var schemaText: String { get }
}

/// The members of an object, in order.
protocol SchemaMembers {
    associatedtype Value
    var count: Int { get }
    func key(at index: Int) -> String
    func value(at index: Int) -> Value
}

/// One value as the JSON data model sees it.
enum SchemaView<Value: SchemaInstance> {
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    /// A value that is a string to schemas but is kept in another form (a TOML date or time):
    /// its text is made only when a check reads it.
    case text(Value)
    case array(Value.Items)
    case object(Value.Members)

    /// The text of a string, made on demand for `text`.
    @inline(__always)
    var string: String? {
        switch self {
        case .string(let s): s
        case .text(let value): value.schemaText
        default: nil
        }
    }
}

extension SchemaMembers {
    /// Whether a member is named `name` (compared by code points).
    @inline(__always)
    func has(_ name: String) -> Bool {
        for i in 0..<count where JSONSchemaEquality.same(key(at: i), name) { return true }
        return false
    }
}

// MARK: JSON values

extension JSONValue: SchemaInstance {
    typealias Items = [JSONValue]

    struct Members: SchemaMembers {
        let members: [(key: String, value: JSONValue)]
        var count: Int { members.count }
        func key(at index: Int) -> String { members[index].key }
        func value(at index: Int) -> JSONValue { members[index].value }
    }

    var schemaView: SchemaView<JSONValue> {
        switch self {
        case .null: .null
        case .bool(let b): .boolean(b)
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .string(let s): .string(s)
        case .array(let items): .array(items)
        case .object(let members): .object(Members(members: members))
        }
    }

    init(memberName: String) { self = .string(memberName) }

    var jsonValue: JSONValue { self }

    var schemaText: String { if case .string(let s) = self { s } else { "" } }
}
