
/// Writes a TOML document tree as canonical, readable TOML, as `mfile` writes new records.
///
/// Each table lists its plain keys first (`key = value`), then its sub-tables as `[headers]`
/// and its arrays of tables as `[[headers]]`, in the tree's key order, with a blank line
/// before each header. Text with line breaks is written as a multi-line string. Decoding the
/// output gives back the same values.

public enum TOMLEncoder {
    public static func encode(_ table: TOMLTable) -> String {
        var out = ""
        write(table, path: [], to: &out)
        return out
    }

    private static func write(_ table: TOMLTable, path: [String], to out: inout String) {
        for member in table.members where !isSection(member.node.value) {
            out += key(member.key) + " = " + inline(member.node.value) + "\n"
        }
        for member in table.members where isSection(member.node.value) {
            let childPath = path + [member.key]
            let header = childPath.map(key).joined(separator: ".")
            switch member.node.value {
            case .table(let child):
                // A table holding only sub-tables needs no header of its own.
                if child.isEmpty || child.members.contains(where: { !isSection($0.node.value) }) {
                    separate(&out)
                    out += "[\(header)]\n"
                }
                write(child, path: childPath, to: &out)
            case .array(let items):
                for item in items {
                    separate(&out)
                    out += "[[\(header)]]\n"
                    write(item.table ?? TOMLTable(), path: childPath, to: &out)
                }
            default:
                break
            }
        }
    }

    /// Tables and non-empty arrays made only of tables are written as sections.
    private static func isSection(_ value: TOMLValue) -> Bool {
        switch value {
        case .table: return true
        case .array(let items): return !items.isEmpty && items.allSatisfy { $0.table != nil }
        default: return false
        }
    }

    private static func separate(_ out: inout String) {
        if !out.isEmpty, !out.hasSuffix("\n\n") { out += "\n" }
    }

    /// A key, bare where TOML allows it, else quoted.
    public static func key(_ text: String) -> String {
        let bare = !text.isEmpty && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95
        }
        return bare ? text : basicString(text)
    }

    /// A value as it is written after `=` or inside an array.
    public static func inline(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): return text.contains("\n") ? multilineString(text) : basicString(text)
        case .integer(let number): return String(number)
        case .float(let number): return float(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .offsetDateTime(let value): return value.description
        case .localDateTime(let value): return value.description
        case .localDate(let value): return value.description
        case .localTime(let value): return value.description
        case .array(let items): return "[" + items.map { inline($0.value) }.joined(separator: ", ") + "]"
        case .table(let table):
            if table.isEmpty { return "{}" }
            return "{ " + table.members.map { key($0.key) + " = " + inline($0.node.value) }.joined(separator: ", ") + " }"
        }
    }

    static func float(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        let text = "\(number)"
        // Swift writes 1e+20 and 1.0; TOML needs a digit after any decimal point, which both have.
        return text
    }

    static func basicString(_ text: String) -> String {
        "\"" + escaped(text, keepingLineBreaks: false) + "\""
    }

    /// `"""` text on its own lines; quotes and backslashes escaped so nothing closes early.
    static func multilineString(_ text: String) -> String {
        "\"\"\"\n" + escaped(text, keepingLineBreaks: true) + "\"\"\""
    }

    /// The text with quotes, backslashes and control characters escaped; line feeds and tabs
    /// kept as they are in multi-line strings.
    private static func escaped(_ text: String, keepingLineBreaks: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += keepingLineBreaks ? "\n" : "\\n"
            case "\t": out += keepingLineBreaks ? "\t" : "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += escaped(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
