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
        default: return .object([("type", .string(value.kindName)), ("value", .string(text(of: value)))])
        }
    }

    /// A scalar's text: integers in decimal, floats as `inf`/`-inf`/`nan` or decimal, date-times
    /// in RFC 3339 with at least millisecond precision when there is a fraction.
    static func text(of value: TOMLValue) -> String {
        switch value {
        case .string(let s): s
        case .integer(let i): String(i)
        case .float(let d): d.isNaN ? "nan" : d.isInfinite ? (d < 0 ? "-inf" : "inf") : "\(d)"
        case .boolean(let b): b ? "true" : "false"
        case .offsetDateTime(let t):
            "\(t.date)T\(time(t.time))" + offset(t.offsetMinutes)
        case .localDateTime(let t): "\(t.date)T\(time(t.time))"
        case .localDate(let d): d.description
        case .localTime(let t): time(t)
        case .array, .table: ""
        }
    }

    private static func time(_ t: LocalTime) -> String {
        var text = LocalTime(hour: t.hour, minute: t.minute, second: t.second).description
        if t.nanosecond > 0 {
            var fraction = pad(t.nanosecond, 9)
            while fraction.count > 3, fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    private static func offset(_ minutes: Int?) -> String {
        guard let minutes else { return "Z" }
        let magnitude = abs(minutes)
        return (minutes < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }
}
