import MaracBase

/// Splits template source into text and tags, following `{{=… …=}}` delimiter changes.
///
/// Works on UTF-8 bytes; delimiters are matched byte for byte, which is safe because UTF-8
/// never matches a character inside another.
struct MustacheScanner {
    private let bytes: [UInt8]
    private let templateName: String
    private var lines: LineCounter
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var tokens: [MustacheToken] = []

    /// The tokens of `source`, or the first error found.
    static func scan(_ source: String, name: String) throws(MustacheError) -> [MustacheToken] {
        var scanner = MustacheScanner(source: source, name: name)
        try scanner.run()
        return scanner.tokens
    }

    private init(source: String, name: String) {
        bytes = Array(source.utf8)
        templateName = name
        lines = LineCounter()
    }

    private mutating func run() throws(MustacheError) {
        var position = 0
        while position < bytes.count {
            guard let tagStart = find(open, from: position) else { break }
            appendText(position..<tagStart)
            position = try scanTag(at: tagStart)
        }
        appendText(position..<bytes.count)
    }

    /// Scans the tag whose opening delimiter starts at `start`; returns the offset after it.
    private mutating func scanTag(at start: Int) throws(MustacheError) -> Int {
        let where_ = lines.position(at: start, in: bytes)
        var contentStart = start + open.count
        var sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        // `{{ #name }}` is a section too: skip spaces before a sigil other than `{` and `=`.
        var afterSpace = contentStart
        while afterSpace < bytes.count, bytes[afterSpace] == 0x20 || bytes[afterSpace] == 0x09 { afterSpace += 1 }
        if afterSpace > contentStart, afterSpace < bytes.count, "#^/>!&".utf8.contains(bytes[afterSpace]) {
            contentStart = afterSpace
            sigil = bytes[afterSpace]
        }
        var closer = close
        let kind: MustacheTag.Kind
        switch sigil {
        case UInt8(ascii: "{"): kind = .variable(escaped: false); closer = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="): kind = .delimiters; closer = [UInt8(ascii: "=")] + close
        default: kind = .variable(escaped: true)
        }
        if kind != .variable(escaped: true) { contentStart += 1 }
        guard let end = find(closer, from: contentStart) else {
            throw error(.unclosedTag, "tag is never closed: expected '\(String(decoding: closer, as: UTF8.self))'", at: where_)
        }
        let content = trimmed(contentStart..<end)
        if kind == .delimiters {
            try changeDelimiters(content, at: where_)
        }
        tokens.append(.tag(MustacheTag(kind: kind, content: content, position: where_)))
        return end + closer.count
    }

    /// Applies `{{=open close=}}`: two delimiters separated by whitespace, neither holding `=`.
    private mutating func changeDelimiters(_ content: String, at position: SourcePosition) throws(MustacheError) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(.badDelimiters,
                        "bad delimiter change: expected two delimiters separated by a space, like '{{=<% %>=}}', neither containing '=' or whitespace",
                        at: position)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// Adds the text in `range`, split after each line break.
    private mutating func appendText(_ range: Range<Int>) {
        var start = range.lowerBound
        for index in range where bytes[index] == 0x0A {
            tokens.append(.text(String(decoding: bytes[start...index], as: UTF8.self)))
            start = index + 1
        }
        if start < range.upperBound {
            tokens.append(.text(String(decoding: bytes[start..<range.upperBound], as: UTF8.self)))
        }
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The first offset at or after `start` where `pattern` occurs.
    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        let last = bytes.count - pattern.count
        var index = start
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for k in 1..<pattern.count where bytes[index + k] != pattern[k] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func error(_ kind: MustacheError.Kind, _ message: String, at position: SourcePosition) -> MustacheError {
        MustacheError(kind, message, template: templateName, at: position)
    }
}

/// Turns byte offsets into line and column, scanning forward only (offsets must not decrease).
struct LineCounter {
    private var scanned = 0
    private var line = 1
    /// The column at `scanned`: 1 + the Unicode scalars since the line began.
    private var column = 1

    mutating func position(at offset: Int, in bytes: [UInt8]) -> SourcePosition {
        while scanned < offset {
            let byte = bytes[scanned]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: a new scalar
                column += 1
            }
            scanned += 1
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}
