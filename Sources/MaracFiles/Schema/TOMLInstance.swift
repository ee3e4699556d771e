import MaracJSON
import MaracTOML

/// TOML as the JSON data model that schemas check: dates and times become strings in their
/// RFC 3339 form (checked with `format`), everything else maps one to one.
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
