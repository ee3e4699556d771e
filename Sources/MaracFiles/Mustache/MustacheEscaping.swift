
/// How `{{name}}` interpolations are escaped. Triple mustaches and `{{&name}}` are never escaped.

public enum MustacheEscaping: Sendable, Equatable {
    /// HTML text and quoted attribute values: `&` `<` `>` `"` as the Mustache spec requires,
    /// and also `'` (as `&#39;`) so single-quoted attributes are safe too.
    case html
    /// Markdown inline text and GFM table cells: Markdown punctuation is backslash-escaped
    /// (`\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `&` `~`), `#` `+` `-` `=` and list numbers are
    /// escaped at the start of a line, and line breaks become `<br>`, so a value stays inside
    /// its table cell and never becomes markup.
    case markdown
    /// Plain text: values are written as they are.
    case none

    /// `text` escaped for this mode.
    public func escape(_ text: String) -> String {
        switch self {
        case .html: HTMLEscaper.escape(text)
        case .markdown: MarkdownEscaper.escape(text)
        case .none: text
        }
    }
}

/// HTML escaping of the five characters that matter in text and quoted attributes.
enum HTMLEscaper {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Markdown escaping that keeps a value literal in inline text and in a table cell.
enum MarkdownEscaper {
    /// Escaped anywhere: inline markup, HTML, links, code, table cell separators, entities.
    private static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~"]
    /// Escaped when they open a line: headings, list bullets, setext underlines.
    private static let lineStartEscaped: Set<Unicode.Scalar> = ["#", "+", "-", "="]
    /// Line breaks of any kind; each becomes `<br>` (`\r\n` counts once).
    private static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var atLineStart = true   // only spaces or tabs so far on this line of the value
        var digitsAtLineStart = false  // a run of digits opened the line (an ordered-list number?)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if lineBreaks.contains(scalar) {
                if scalar == "\n", previous == "\r" { continue }
                out += "<br>"
                atLineStart = true
                digitsAtLineStart = false
                continue
            }
            if alwaysEscaped.contains(scalar) || (atLineStart && lineStartEscaped.contains(scalar))
                || (digitsAtLineStart && (scalar == "." || scalar == ")")) {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
            if scalar == " " || scalar == "\t" {
                if digitsAtLineStart { digitsAtLineStart = false; atLineStart = false }
                continue
            }
            if ("0"..."9").contains(scalar), atLineStart || digitsAtLineStart {
                digitsAtLineStart = true
            } else {
                digitsAtLineStart = false
            }
            atLineStart = false
        }
        return out
    }
}
