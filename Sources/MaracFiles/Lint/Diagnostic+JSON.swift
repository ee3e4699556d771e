import MaracBase
import MaracJSON

extension Diagnostic {
    /// The same finding as a JSON object for `--format json`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("file", .string(file))]
        if let position {
            members.append(("line", .integer(Int64(position.line))))
            members.append(("column", .integer(Int64(position.column))))
        }
        members.append(("severity", .string(severity.rawValue)))
        members.append(("rule", .string(rule.rawValue)))
        members.append(("message", .string(message)))
        return .object(members)
    }
}
