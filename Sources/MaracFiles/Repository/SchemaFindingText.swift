import MaracSchema
import MaracTOML

/// A schema violation as an administrator reads it: the field, what was expected, and what to
/// type instead, worded for the mistakes people make in TOML. Never shows the value, nor the
/// name of a field the schema does not know (it may be anything typed), only valid choices.
extension RecordSchemas {
    static func message(for violation: SchemaViolation, in table: TOMLTable) -> String {
        let path = violation.path
        if ["additionalProperties", "unevaluatedProperties"].contains(violation.keyword), case .key? = path.last {
            return unknownField(owner: Array(path.dropLast()), violation)
        }
        if violation.keyword == "type", let found = member(at: path, in: table) {
            let header = headerName(path)
            if violation.expectedTypes == ["array"], case .table = found.node.value {
                return found.node.range.start.offset < found.keyRange.start.offset
                    ? "\(fieldPath(path)) is written as one [\(header)] table, but it is a list with an entry for each: write its header as [[\(header)]], with two brackets on each side"
                    : "\(fieldPath(path)) must be a list: write each entry under its own [[\(header)]] header"
            }
            if violation.expectedTypes == ["object"], case .array(let items) = found.node.value, items.contains(where: { $0.table != nil }) {
                return "\(fieldPath(path)) is written as a list ([[\(header)]]), but it is one table: write its header as [\(header)], with one bracket on each side"
            }
        }
        return "\(fieldPath(path)) \(violation.message)"
    }

    /// "victim has a field name that is not allowed; did you mean gender? The fields of
    /// victim: name, aliases, ..."
    static func unknownField(owner: [PathComponent], _ violation: SchemaViolation) -> String {
        var sentences = [owner.isEmpty
            ? "the file has a field name that is not allowed at the top"
            : "\(fieldPath(owner)) has a field name that is not allowed"]
        if let suggestion = violation.suggestion { sentences[0] += "; did you mean \(suggestion)?" }
        if !violation.choices.isEmpty {
            let fields = (owner.isEmpty ? "the fields at the top: " : "the fields of \(fieldPath(owner)): ")
                + violation.choices.joined(separator: ", ")
            if violation.suggestion == nil { sentences[0] += "; " + fields } else { sentences.append(fields.prefix(1).uppercased() + fields.dropFirst()) }
        }
        return sentences.joined(separator: " ")
    }

    /// The `[header]` naming a table at `path`: its keys joined by dots, list positions left out.
    static func headerName(_ path: [PathComponent]) -> String {
        path.compactMap { component -> String? in
            if case .key(let key) = component { isFieldName(key) ? key : "..." } else { nil }
        }.joined(separator: ".")
    }

    /// The member of `table` at `path` (the key and its value), when every step exists.
    static func member(at path: [PathComponent], in table: TOMLTable) -> TOMLTable.Member? {
        var current = TOMLValue.table(table)
        var found: TOMLTable.Member?
        for component in path {
            switch (component, current) {
            case (.key(let key), .table(let inner)):
                guard let member = inner[member: key] else { return nil }
                found = member
                current = member.node.value
            case (.index(let index), .array(let items)) where items.indices.contains(index):
                found = nil
                current = items[index].value
            default:
                return nil
            }
        }
        return found
    }
}
