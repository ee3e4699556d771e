/// The mistakes people make typing TOML by hand or pasting from a word processor, recognised
/// where the grammar fails so the message says what to type instead. Messages show fixed
/// examples, never the text that was typed (it may be a date of birth or a name).
extension TOMLParser {
    static var dayFirstDate: String {
        "a date is written year first in TOML, as YYYY-MM-DD without quotes: write 11/02/1985 as 1985-02-11"
    }

    static var dateSeparators: String {
        "a date is written with hyphens in TOML, as YYYY-MM-DD without quotes, such as 1985-02-11"
    }

    static var timeForm: String {
        "a time is written with colons in TOML, as HH:MM:SS with two digits each and without quotes: write 9.25 or 9:25am as 09:25:00, and 2.30pm as 14:30:00"
    }

    static var curlyQuotes: String {
        "this text is in curly quotes (“ ” or ‘ ’), as a word processor types them; TOML needs straight quotes: retype them as \" \""
    }

    /// The message for a date or time typed the way people write them (`11/02/1985`,
    /// `1985/02/11`, `11.02.1985`, `9:25`, `9.25am`) at `start`, if that is what is there.
    func dateOrTimeMistake(at start: Int) -> String? {
        var groups: [Int] = [0]
        var separators: [UInt8] = []
        var i = start
        while i < end, i - start < 24 {
            let byte = bytes[i]
            if TOMLByte.isDigit(byte) {
                groups[groups.count - 1] += 1
            } else if byte == UInt8(ascii: "/") || byte == TOMLByte.dot || byte == TOMLByte.minus || byte == TOMLByte.colon,
                      groups.last! > 0 {
                separators.append(byte)
                groups.append(0)
            } else {
                break
            }
            i += 1
        }
        var suffix = i
        while suffix < end, (bytes[suffix] | 0x20) >= UInt8(ascii: "a"), (bytes[suffix] | 0x20) <= UInt8(ascii: "z") { suffix += 1 }
        let letters = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<suffix]), as: UTF8.self).lowercased()
        guard letters.isEmpty || letters == "am" || letters == "pm" else { return nil }
        if separators.count == 2, separators[0] == separators[1], separators[0] != TOMLByte.colon, letters.isEmpty {
            if (1...2).contains(groups[0]), (1...2).contains(groups[1]), [2, 4].contains(groups[2]) { return Self.dayFirstDate }
            if groups[0] == 4, (1...2).contains(groups[1]), (1...2).contains(groups[2]) { return Self.dateSeparators }
        }
        if separators.count == 1, separators[0] == TOMLByte.colon || separators[0] == TOMLByte.dot,
           (1...2).contains(groups[0]), groups[1] == 2, separators[0] == TOMLByte.colon || !letters.isEmpty {
            return Self.timeForm
        }
        return nil
    }

    /// Whether a curly quote (U+2018, U+2019, U+201C, U+201D) starts at `i`.
    func isCurlyQuote(at i: Int) -> Bool {
        i + 2 < end && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (0x98...0x9D).contains(bytes[i + 2])
            && bytes[i + 2] != 0x9A && bytes[i + 2] != 0x9B
    }

    /// Where the first curly quote in `range` starts, if there is one.
    func firstCurlyQuote(_ range: Range<Int>) -> Int? {
        range.first { isCurlyQuote(at: $0) }
    }

    /// The message when single-line text closed by `quote` is followed by more text: the quote
    /// was meant to be inside it.
    static func quoteInsideText(_ quote: UInt8) -> String {
        quote == TOMLByte.apostrophe
            ? "an apostrophe (') inside text in single quotes ends the text early: put text that holds an apostrophe in double quotes, as in \"it's\""
            : "a double quote (\") inside text in double quotes ends the text early: write it as \\\" or put the text in single quotes"
    }
}
