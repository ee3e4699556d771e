
/// The spec's standalone-line rule: a line holding only whitespace and one section, inverted
/// section, closing, partial, comment or delimiter tag is removed from the output, its line
/// break included. A standalone partial keeps the line's leading whitespace as its indent.

enum MustacheStandalone {
    static func removeStandaloneLines(_ tokens: [MustacheToken]) -> [MustacheToken] {
        var result: [MustacheToken] = []
        result.reserveCapacity(tokens.count)
        var line: [MustacheToken] = []
        for token in tokens {
            line.append(token)
            if case .text(let text) = token, text.utf8.last == 0x0A {
                flush(&line, into: &result)
            }
        }
        flush(&line, into: &result)
        return result
    }

    /// Moves one line's tokens to `result`, keeping only the tag when the line stands alone.
    private static func flush(_ line: inout [MustacheToken], into result: inout [MustacheToken]) {
        defer { line.removeAll(keepingCapacity: true) }
        var tag: MustacheTag?
        var indent = ""
        for token in line {
            switch token {
            case .tag(let candidate):
                guard tag == nil, candidate.mayStandAlone else { return result.append(contentsOf: line) }
                tag = candidate
            case .text(let text):
                guard isBlank(text) else { return result.append(contentsOf: line) }
                if tag == nil { indent += text }
            }
        }
        guard var standalone = tag else { return result.append(contentsOf: line) }
        if standalone.kind == .partial { standalone.indent = indent }
        result.append(.tag(standalone))
    }

    /// Spaces and tabs, optionally ending in `\n` or `\r\n`.
    private static func isBlank(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.last == 0x0A {
            bytes = bytes.dropLast()
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
        }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
