import MaracJSON
import MaracTOML

/// TOML as the JSON data model that schemas check: dates and times are strings in their
/// RFC 3339 form (checked with `format`), everything else maps one to one. Schemas check a
/// decoded tree in place through `SchemaInstance`; `jsonInstance` makes the JSON copy.
extension TOMLTable {
    public var jsonInstance: JSONValue {
        .object(members.map { ($0.key, $0.node.value.jsonInstance) })
    }
}

extension TOMLValue {
    public var jsonInstance: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .float(let number): .number(number)
        case .boolean(let flag): .bool(flag)
        case .offsetDateTime(let value): .string(value.description)
        case .localDateTime(let value): .string(value.description)
        case .localDate(let value): .string(value.description)
        case .localTime(let value): .string(value.description)
        case .array(let items): .array(items.map(\.value.jsonInstance))
        case .table(let table): table.jsonInstance
        }
    }
}

extension TOMLValue: SchemaInstance {
    struct Members: SchemaMembers {
        let members: [TOMLTable.Member]
        var count: Int { members.count }
        func key(at index: Int) -> String { members[index].key }
        func value(at index: Int) -> TOMLValue { members[index].node.value }
    }

    struct Items: RandomAccessCollection {
        let nodes: [TOMLNode]
        var startIndex: Int { 0 }
        var endIndex: Int { nodes.count }
        subscript(index: Int) -> TOMLValue { nodes[index].value }
    }

    var schemaView: SchemaView<TOMLValue> {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .float(let number): .number(number)
        case .boolean(let flag): .boolean(flag)
        case .offsetDateTime, .localDateTime, .localDate, .localTime: .text(self)
        case .array(let items): .array(Items(nodes: items))
        case .table(let table): .object(Members(members: table.members))
        }
    }

    init(memberName: String) { self = .string(memberName) }

    var jsonValue: JSONValue { jsonInstance }

    var schemaText: String {
        switch self {
        case .offsetDateTime(let value): value.description
        case .localDateTime(let value): value.description
        case .localDate(let value): value.description
        case .localTime(let value): value.description
        case .string(let text): text
        default: ""
        }
    }
}
