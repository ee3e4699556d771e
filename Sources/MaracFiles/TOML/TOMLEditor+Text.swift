
/// Writing new text in the document's style, splicing it in, and checking the result.

extension TOMLEditor {
    /// `text` with the document's line ends.
    func withLineEnds(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard newline.count == 2 else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if byte == TOMLByte.newline { out.append(TOMLByte.carriageReturn) }
            out.append(byte)
        }
        return out
    }

    /// A value's text to replace `old`: a literal string stays literal when it can.
    func valueText(_ value: TOMLValue, replacing old: TOMLNode) -> [UInt8] {
        let start = old.range.start.offset
        if case .string(let text) = value, start < bytes.count, bytes[start] == TOMLByte.apostrophe,
           !(start + 2 < bytes.count && bytes[start + 1] == TOMLByte.apostrophe && bytes[start + 2] == TOMLByte.apostrophe),
           text.unicodeScalars.allSatisfy({ $0 != "'" && ($0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F)) }) {
            return Array("'\(text)'".utf8)
        }
        return withLineEnds(TOMLEncoder.inline(value))
    }

    /// A `key = value` line (dotted when `keys` has several names), indented, with a line end.
    func lineText(_ keys: [String], _ value: TOMLValue, indent: [UInt8]) -> [UInt8] {
        indent + withLineEnds(keys.map(TOMLEncoder.key).joined(separator: ".") + " = " + TOMLEncoder.inline(value) + "\n")
    }

    /// A new section, written canonically: `[header]` (or `[[header]]` when `asEntry`) for
    /// `keys`, then `table`'s keys and sub-tables, every statement line indented by `indent`.
    func sectionText(_ keys: [String], _ table: TOMLTable, asEntry: Bool, indent: [UInt8]) -> [UInt8] {
        var value: TOMLValue = asEntry ? .array([TOMLNode(.table(table), range: .unknown)]) : .table(table)
        for key in keys.reversed() {
            value = .table(TOMLTable([key: value]))
        }
        guard case .table(let wrapper) = value else { return [] }
        var text = Array(TOMLEncoder.encode(wrapper).utf8)
        if !indent.isEmpty, let (_, written) = try? TOMLDecoder.decodeWithStatements(bytes: text) {
            for statement in written.reversed() {
                text.insert(contentsOf: indent, at: statement.lineStart)
            }
        }
        return withLineEnds(String(decoding: text, as: UTF8.self))
    }

    /// What goes before text inserted at `offset` so it starts on a line of its own, and, with
    /// `blankLine`, after a blank line (unless at the start or after a blank line already).
    func lineBreaks(before offset: Int, blankLine: Bool) -> [UInt8] {
        let contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard offset > contentStart else { return [] }
        if bytes[offset - 1] != TOMLByte.newline { return blankLine ? newline + newline : newline }
        return blankLine && !endsWithBlankLine(offset) ? newline : []
    }

    /// Whether the line just before `offset` (a line start) is blank.
    func endsWithBlankLine(_ offset: Int) -> Bool {
        var i = offset - 2
        if i >= 0, bytes[i] == TOMLByte.carriageReturn { i -= 1 }
        while i >= 0, bytes[i] == TOMLByte.space || bytes[i] == TOMLByte.tab { i -= 1 }
        return i < 0 || bytes[i] == TOMLByte.newline
    }

    /// The end of the blank lines (spaces and tabs only) starting at `offset`, a line start.
    func blankLinesEnd(from offset: Int) -> Int {
        var end = offset
        var i = offset
        while i < bytes.count {
            switch bytes[i] {
            case TOMLByte.space, TOMLByte.tab, TOMLByte.carriageReturn: i += 1
            case TOMLByte.newline: i += 1; end = i
            default: return end
            }
        }
        return end
    }

    /// The start of the blank lines just before `offset`, a line start.
    func blankLinesStart(before offset: Int) -> Int {
        var start = offset
        while start > 0, endsWithBlankLine(start) {
            var i = start - 2
            while i >= 0, bytes[i] != TOMLByte.newline { i -= 1 }
            start = i + 1
        }
        return start
    }

    /// Replaces `range` with `replacement` and checks that the result decodes to `expected`.
    func applying(
        _ replacement: [UInt8], in range: Range<Int>, expecting expected: TOMLValue, path: [TOMLPathComponent]
    ) throws(TOMLEditError) -> TOMLEditor {
        var edited = bytes
        edited.replaceSubrange(range, with: replacement)
        let result: TOMLEditor
        do {
            result = try TOMLEditor(bytes: edited)
        } catch {
            throw TOMLEditError(.invalidResult, path: path.pathDescription,
                                "the edit would leave text that does not decode (\(error.description)); the file was not changed")
        }
        guard TOMLTreeEdit.equivalent(.table(result.table), expected) else {
            throw TOMLEditError(.invalidResult, path: path.pathDescription,
                                "the edit would change more than this entry; the file was not changed")
        }
        return result
    }
}
