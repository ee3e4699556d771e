
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
    private static func isAlwaysEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~": true
        default: false
        }
    }

    /// Escaped when they open a line: headings, list bullets, setext underlines.
    private static func isLineStartEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "#", "+", "-", "=": true
        default: false
        }
    }

    /// Line breaks of any kind; each becomes `<br>` (`\r\n` counts once).
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// Whether `escape` leaves `text` as it is, seen from its bytes alone: letters, spaces
    /// and punctuation that is never escaped, with digits and the line-start marks only after
    /// a letter (so never opening a line). Anything else goes the long way.
    private static func needsNoEscape(_ text: String) -> Bool {
        var afterLetter = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): afterLetter = true
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "'"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                 UInt8(ascii: "("), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "\""),
                 UInt8(ascii: "@"), UInt8(ascii: "%"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "#"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="):
                if !afterLetter { return false }
            default: return false
            }
        }
        return true
    }

    static func escape(_ text: String) -> String {
        needsNoEscape(text) ? text : escapeEach(text)
    }

    /// `escape`, looking at every character (as UTF-8: every mark escaped is ASCII; the
    /// line breaks outside ASCII are U+0085, U+2028 and U+2029).
    static func escapeEach(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var atLineStart = true   // only spaces or tabs so far on this line of the value
            var digitsAtLineStart = false  // a run of digits opened the line (an ordered-list number?)
            var afterCarriageReturn = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let isBreak = switch byte {
                case 0x0A, 0x0D, 0x0B, 0x0C: true
                case 0xC2: bytes[i + 1] == 0x85
                case 0xE2: bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                default: false
                }
                defer {
                    afterCarriageReturn = byte == 0x0D
                    i += length
                }
                if isBreak {
                    if byte == 0x0A, afterCarriageReturn { continue }
                    out += Array("<br>".utf8)
                    atLineStart = true
                    digitsAtLineStart = false
                    continue
                }
                let scalar = Unicode.Scalar(byte)
                if length == 1, isAlwaysEscaped(scalar) || (atLineStart && isLineStartEscaped(scalar))
                    || (digitsAtLineStart && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"))) {
                    out.append(UInt8(ascii: "\\"))
                }
                out.append(contentsOf: bytes[i..<(i + length)])
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    if digitsAtLineStart { digitsAtLineStart = false; atLineStart = false }
                    continue
                }
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), atLineStart || digitsAtLineStart {
                    digitsAtLineStart = true
                } else {
                    digitsAtLineStart = false
                }
                atLineStart = false
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
