import MaracBase

/// One step of a path into a TOML document: a key of a table, or an index into an array
/// (an array of tables or an inline array).
///
/// Paths are written as literals: `["referral", 1, "idva_referred"]`.
public enum TOMLPathComponent: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    var key: String? { if case .key(let key) = self { key } else { nil } }
}

extension Array where Element == TOMLPathComponent {
    /// The path as a reader sees it: `referral[1].idva_referred` (names only, never a value).
    var pathDescription: String {
        var text = ""
        for component in self {
            switch component {
            case .key(let key): text += (text.isEmpty ? "" : ".") + TOMLEncoder.key(key)
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(the whole document)" : text
    }
}

extension TOMLTable {
    /// A table of the given keys and values, in order (a later duplicate key replaces an earlier one).
    public init(_ values: KeyValuePairs<String, TOMLValue>) {
        self.init()
        for (key, value) in values {
            self[member: key] = Member(key: key, keyRange: .unknown, node: TOMLNode(value, range: .unknown))
        }
    }
}

extension SourceRange {
    /// The range of a value that has no source text (built in memory).
    public static let unknown = SourceRange(
        start: SourcePosition(line: 0, column: 0, offset: 0), end: SourcePosition(line: 0, column: 0, offset: 0))
}
