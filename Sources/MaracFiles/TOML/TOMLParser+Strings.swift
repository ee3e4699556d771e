/// The four kinds of string: basic "...", literal '...', and their multi-line forms.
extension TOMLParser {
    /// Reads a basic string `"..."` (cursor on the opening quote).
    mutating func parseBasicString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        while pos < end {
            let byte = bytes[pos]
            if byte == TOMLByte.quote {
                pos += 1
                return text(start..<(pos - 1))
            }
            if byte == TOMLByte.backslash { return try parseEscapedBasicString(from: start) }
            if TOMLByte.isControl(byte) { throw controlInString(byte, quote: "\"", from: start) }
            pos += 1
        }
        throw unterminated("\"", from: start)
    }

    private mutating func parseEscapedBasicString(from start: Int) throws(TOMLError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < end {
            let byte = bytes[pos]
            if byte == TOMLByte.quote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == TOMLByte.backslash {
                try parseEscape(multiline: false)
                continue
            }
            if TOMLByte.isControl(byte) { throw controlInString(byte, quote: "\"", from: start) }
            scratch.append(byte)
            pos += 1
        }
        throw unterminated("\"", from: start)
    }

    /// Reads a literal string `'...'` (cursor on the opening quote).
    mutating func parseLiteralString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        while pos < end {
            let byte = bytes[pos]
            if byte == TOMLByte.apostrophe {
                pos += 1
                return text(start..<(pos - 1))
            }
            if TOMLByte.isControl(byte) { throw controlInString(byte, quote: "'", from: start) }
            pos += 1
        }
        throw unterminated("'", from: start)
    }

    private func controlInString(_ byte: UInt8, quote: String, from start: Int) -> TOMLError {
        if byte == TOMLByte.newline || byte == TOMLByte.carriageReturn {
            if let curly = firstCurlyQuote(start..<pos) { return curlyClosingQuote(quote, at: curly) }
            return fail("unterminated string: add the closing quote (\(quote)) before the end of the line, or use \(quote)\(quote)\(quote) for text on several lines")
        }
        return fail("control characters are not allowed in strings: write them as escapes such as \\t or \\u0007")
    }

    /// Text that runs to the end of the file without its closing quote.
    private func unterminated(_ quote: String, from start: Int) -> TOMLError {
        if let curly = firstCurlyQuote(start..<pos) { return curlyClosingQuote(quote, at: curly) }
        return fail("unterminated string: add the closing quote (\(quote))")
    }

    private func curlyClosingQuote(_ quote: String, at offset: Int) -> TOMLError {
        fail("unterminated string: a curly quote (” or ’) from a word processor does not close text in TOML; retype it as a straight quote (\(quote))", at: offset)
    }

    /// Reads a multi-line basic string `"""..."""`.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        try parseMultilineString(quote: TOMLByte.quote)
    }

    /// Reads a multi-line literal string `'''...'''`.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        try parseMultilineString(quote: TOMLByte.apostrophe)
    }

    /// Both multi-line forms: a newline right after the opening quotes is dropped, CR LF becomes
    /// LF, and up to two quotes may sit just before the closing ones.
    private mutating func parseMultilineString(quote: UInt8) throws(TOMLError) -> String {
        let opening = pos
        let escapes = quote == TOMLByte.quote
        pos += 3
        _ = try consumeNewline()
        scratch.removeAll(keepingCapacity: true)
        while pos < end {
            let byte = bytes[pos]
            if byte == quote {
                var run = 1
                while pos + run < end, bytes[pos + run] == quote, run < 6 { run += 1 }
                if run >= 3 {
                    if run > 5 {
                        throw fail("too many quotes in a row: escape quotes inside the text, or end it with at most two quotes before the closing three", at: pos)
                    }
                    for _ in 0..<(run - 3) { scratch.append(quote) }
                    pos += run
                    return String(decoding: scratch, as: UTF8.self)
                }
                for _ in 0..<run { scratch.append(quote) }
                pos += run
            } else if byte == TOMLByte.backslash && escapes {
                try parseEscape(multiline: true)
            } else if byte == TOMLByte.newline || byte == TOMLByte.carriageReturn {
                _ = try consumeNewline()
                scratch.append(TOMLByte.newline)
            } else if TOMLByte.isControl(byte) {
                throw fail("control characters are not allowed in strings" + (escapes ? ": write them as escapes such as \\u0007" : ""))
            } else {
                let start = pos
                pos += 1
                while pos < end {
                    let next = bytes[pos]
                    if next == quote || next == TOMLByte.backslash || TOMLByte.isControl(next) { break }
                    pos += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
            }
        }
        let closing = escapes ? "\"\"\"" : "'''"
        throw fail("unterminated multi-line string: add the closing \(closing) where its text ends", at: opening)
    }

    /// Reads one escape sequence into `scratch` (cursor on the backslash).
    private mutating func parseEscape(multiline: Bool) throws(TOMLError) {
        let start = pos
        pos += 1
        guard pos < end else { throw fail("unterminated string: add the closing quote (\")") }
        let byte = bytes[pos]
        pos += 1
        switch byte {
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case TOMLByte.quote: scratch.append(TOMLByte.quote)
        case TOMLByte.backslash: scratch.append(TOMLByte.backslash)
        case UInt8(ascii: "u"): try appendUnicodeEscape(digits: 4, start: start)
        case UInt8(ascii: "U"): try appendUnicodeEscape(digits: 8, start: start)
        case _ where multiline && (byte == TOMLByte.space || byte == TOMLByte.tab || byte == TOMLByte.newline || byte == TOMLByte.carriageReturn):
            pos -= 1
            skipBlanks()
            guard pos < end, bytes[pos] == TOMLByte.newline || bytes[pos] == TOMLByte.carriageReturn else {
                throw fail("a backslash that joins lines must be the last thing on its line; write a backslash itself as \\\\", at: start)
            }
            while pos < end {
                if bytes[pos] == TOMLByte.space || bytes[pos] == TOMLByte.tab {
                    pos += 1
                } else if try !consumeNewline() {
                    break
                }
            }
        default:
            throw fail("invalid escape sequence: write a backslash as \\\\; the escapes allowed are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX", at: start)
        }
    }

    private mutating func appendUnicodeEscape(digits: Int, start: Int) throws(TOMLError) {
        let form = digits == 4 ? "\\u must be followed by 4 hexadecimal digits" : "\\U must be followed by 8 hexadecimal digits"
        guard end - pos >= digits else { throw fail("invalid escape sequence: \(form)", at: start) }
        var value: UInt32 = 0
        for i in 0..<digits {
            let byte = bytes[pos + i]
            guard TOMLByte.isHexDigit(byte) else { throw fail("invalid escape sequence: \(form)", at: start) }
            value = value << 4 | UInt32(TOMLByte.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
        }
        pos += digits
        guard let scalar = Unicode.Scalar(value) else {
            throw fail("invalid escape sequence: it names a code point that is not a Unicode character", at: start)
        }
        scratch.append(contentsOf: scalar.utf8)
    }
}
