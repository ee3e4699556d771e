import MaracBase

extension TOMLValue {
    /// A scalar's text: integers in decimal, floats as `inf`/`-inf`/`nan` or decimal, date-times
    /// in RFC 3339 with at least millisecond precision when there is a fraction.
    public var canonicalText: String {
        switch self {
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

    private func time(_ t: LocalTime) -> String {
        var text = LocalTime(hour: t.hour, minute: t.minute, second: t.second).description
        if t.nanosecond > 0 {
            var fraction = pad(t.nanosecond, 9)
            while fraction.count > 3, fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    private func offset(_ minutes: Int?) -> String {
        guard let minutes else { return "Z" }
        let magnitude = abs(minutes)
        return (minutes < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }
}
