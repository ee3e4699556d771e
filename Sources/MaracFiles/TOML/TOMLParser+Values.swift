import MaracBase

/// Values: dispatch on the first byte, arrays and inline tables.
extension TOMLParser {
    /// Reads one value; `depth` is how deeply it would nest if it is an array or inline table.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLNode {
        let start = mark()
        guard pos < end else { throw fail("expected a value") }
        let value: TOMLValue
        switch bytes[pos] {
        case TOMLByte.quote, TOMLByte.apostrophe:
            let quote = bytes[pos]
            if startsTripleQuote(quote) {
                value = .string(quote == TOMLByte.quote ? try parseMultilineBasicString() : try parseMultilineLiteralString())
            } else {
                value = .string(quote == TOMLByte.quote ? try parseBasicString() : try parseLiteralString())
                if pos < end, bytes[pos] == quote || TOMLByte.isBareKey(bytes[pos]) || bytes[pos] >= 0x80 {
                    throw fail(Self.quoteInsideText(quote), at: pos - 1)
                }
            }
        case UInt8(ascii: "t"):
            try expectWord("true")
            value = .boolean(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            value = .boolean(false)
        case TOMLByte.openBracket:
            value = try parseArray(depth: depth)
        case TOMLByte.openBrace:
            value = try parseInlineTable(depth: depth)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), TOMLByte.plus, TOMLByte.minus, UInt8(ascii: "i"), UInt8(ascii: "n"):
            value = try parseNumberOrDateTime()
        case TOMLByte.comma:
            throw fail("expected a value before ','")
        case TOMLByte.newline, TOMLByte.carriageReturn, TOMLByte.hash:
            throw fail("expected a value")
        case let byte where TOMLByte.isControl(byte):
            throw fail(Self.controlOutsideStrings)
        default:
            throw fail(isCurlyQuote(at: pos) ? Self.curlyQuotes : Self.unknownValueMessage)
        }
        return TOMLNode(value, range: SourceRange(start: start, end: mark()))
    }

    static var controlOutsideStrings: String {
        "an invisible control character is not allowed here: remove it (inside quoted text, write it as an escape such as \\u000C)"
    }

    static var unknownValueMessage: String {
        "expected a value: text must be in quotes, and true and false in lowercase"
    }

    private mutating func expectWord(_ word: StaticString) throws(TOMLError) {
        let count = word.utf8CodeUnitCount
        let start = pos
        guard end - pos >= count else { throw fail(Self.unknownValueMessage) }
        let matches = word.withUTF8Buffer { expected in
            for i in 0..<count where bytes[start + i] != expected[i] { return false }
            return true
        }
        guard matches else { throw fail(Self.unknownValueMessage) }
        pos += count
        guard atValueEnd() else { throw fail(Self.unknownValueMessage, at: start) }
    }

    private func checkDepth(_ depth: Int) throws(TOMLError) {
        if depth > TOMLDecoder.maximumDepth {
            throw fail("arrays and tables are nested too deeply: at most \(TOMLDecoder.maximumDepth) levels are allowed")
        }
    }

    /// Reads `[ value, value, ... ]`, which may span lines and hold comments.
    private mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth)
        let startLine = lines.line
        pos += 1
        var items: [TOMLNode] = []
        while true {
            try skipBlanksCommentsAndNewlines()
            guard pos < end else { throw unterminatedArray(startLine) }
            if bytes[pos] == TOMLByte.closeBracket {
                pos += 1
                return .array(items)
            }
            items.append(try parseValue(depth: depth + 1))
            try skipBlanksCommentsAndNewlines()
            guard pos < end else { throw unterminatedArray(startLine) }
            switch bytes[pos] {
            case TOMLByte.comma:
                pos += 1
            case TOMLByte.closeBracket:
                pos += 1
                return .array(items)
            default:
                throw fail("expected ',' or ']' after the array element")
            }
        }
    }

    private func unterminatedArray(_ startLine: Int) -> TOMLError {
        fail("unterminated array: add the closing ']' (the array starts at line \(startLine))")
    }

    /// Reads `{ key = value, ... }`, which must fit on one line.
    private mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth)
        let scope = builder.beginInlineTable(depth: depth, at: mark())
        pos += 1
        skipBlanks()
        if pos < end, bytes[pos] == TOMLByte.closeBrace {
            pos += 1
            return .table(builder.endInlineTable(scope))
        }
        while true {
            if pos >= end || bytes[pos] == TOMLByte.newline || bytes[pos] == TOMLByte.carriageReturn {
                throw fail(Self.inlineTableOnOneLine)
            }
            try parseKeyValue(into: scope.table)
            skipBlanks()
            guard pos < end else { throw fail(Self.inlineTableOnOneLine) }
            switch bytes[pos] {
            case TOMLByte.comma:
                let comma = pos
                pos += 1
                skipBlanks()
                if pos < end, bytes[pos] == TOMLByte.closeBrace {
                    throw fail("remove the ',' before '}': an inline table can't end with a comma", at: comma)
                }
            case TOMLByte.closeBrace:
                pos += 1
                return .table(builder.endInlineTable(scope))
            case TOMLByte.newline, TOMLByte.carriageReturn, TOMLByte.hash:
                throw fail(Self.inlineTableOnOneLine)
            default:
                throw fail("expected ',' or '}' after the value in the inline table")
            }
        }
    }

    private static var inlineTableOnOneLine: String {
        "an inline table { ... } must be written on one line: close it with '}' before the end of the line"
    }
}
