import MaracJSON
import MaracTOML

/// Building a record's table from a row's values, and comparing a row with a record.
enum RecordTable {
    /// Sets `value` at `path`, creating tables and list entries (empty) on the way.
    static func set(_ value: TOMLValue, at path: ArraySlice<FieldPath.Segment>, in table: inout TOMLTable) {
        guard let segment = path.first else { return }
        let node: TOMLNode
        if path.count == 1 {
            node = TOMLNode(value, range: .unknown)
        } else if let index = segment.index {
            var items = table[segment.name]?.array ?? []
            while items.count < index { items.append(TOMLNode(.table(TOMLTable()), range: .unknown)) }
            var inner = items[index - 1].table ?? TOMLTable()
            set(value, at: path.dropFirst(), in: &inner)
            items[index - 1] = TOMLNode(.table(inner), range: .unknown)
            node = TOMLNode(.array(items), range: .unknown)
        } else {
            var inner = table[segment.name]?.table ?? TOMLTable()
            set(value, at: path.dropFirst(), in: &inner)
            node = TOMLNode(.table(inner), range: .unknown)
        }
        table[member: segment.name] = TOMLTable.Member(key: segment.name, keyRange: .unknown, node: node)
    }

    /// The lists with an empty entry before a filled one (`perpetrator[1]` empty, `[2]` not).
    static func gaps(in table: TOMLTable) -> [String] {
        table.members.compactMap { member in
            guard let items = member.node.array, items.contains(where: { $0.table != nil }) else { return nil }
            guard let empty = items.firstIndex(where: { $0.table?.isEmpty ?? false }) else { return nil }
            return "\(member.key)[\(empty + 1)]"
        }
    }

    /// The table with its keys in the schema's order (keys the schema does not list, such as
    /// `local_` fields, after them in the order given), sub-tables and list entries too.
    static func ordered(_ table: TOMLTable, by schema: JSONValue, _ fields: SchemaFields) -> TOMLTable {
        let node = fields.deref(schema)
        var order: [String] = []
        if case .object(let properties)? = node["properties"] { order = properties.map(\.key) }
        func rank(_ key: String) -> Int { order.firstIndex(of: key) ?? order.count }
        let sorted = table.members.enumerated().sorted { a, b in
            (rank(a.element.key), a.offset) < (rank(b.element.key), b.offset)
        }.map(\.element)
        return TOMLTable(members: sorted.map { member in
            var member = member
            let sub = node["properties"]?[member.key].map(fields.deref) ?? .null
            switch member.node.value {
            case .table(let inner):
                member.node = TOMLNode(.table(ordered(inner, by: sub, fields)), range: .unknown)
            case .array(let items) where items.allSatisfy({ $0.table != nil }):
                let itemSchema = sub["items"] ?? .null
                member.node = TOMLNode(.array(items.map { TOMLNode(.table(ordered($0.table!, by: itemSchema, fields)), range: .unknown) }), range: .unknown)
            default:
                break
            }
            return member
        })
    }

    /// The value at `path` (entries 0-based) in a decoded record.
    static func value(at path: [TOMLPathComponent], in table: TOMLTable) -> TOMLValue? {
        var current = TOMLValue.table(table)
        for component in path {
            switch (component, current) {
            case (.key(let key), .table(let inner)):
                guard let node = inner[key] else { return nil }
                current = node.value
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else { return nil }
                current = items[index].value
            default:
                return nil
            }
        }
        return current
    }

    /// Whether two values are the same record value (kinds and contents).
    static func same(_ a: TOMLValue, _ b: TOMLValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.boolean(x), .boolean(y)): x == y
        case let (.localDate(x), .localDate(y)): x == y
        case let (.float(x), .float(y)): x == y
        case let (.array(x), .array(y)): x.count == y.count && zip(x, y).allSatisfy { same($0.value, $1.value) }
        default: false
        }
    }
}
