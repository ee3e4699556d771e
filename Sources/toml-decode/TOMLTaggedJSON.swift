import MaracJSON
import MaracTOML

/// The tagged JSON of the toml-test suite: every scalar becomes `{"type": kind, "value": text}`,
/// tables become objects and arrays (including arrays of tables) become arrays.
public enum TOMLTaggedJSON {
    /// The tagged JSON for a decoded document.
    public static func encode(_ table: TOMLTable) -> JSONValue {
        .object(table.members.map { (key: $0.key, value: encode($0.node.value)) })
    }

    /// The tagged JSON for one value.
    public static func encode(_ value: TOMLValue) -> JSONValue {
        switch value {
        case .table(let table): return encode(table)
        case .array(let items): return .array(items.map { encode($0.value) })
        default: return .object([("type", .string(value.kindName)), ("value", .string(value.canonicalText))])
        }
    }
}
