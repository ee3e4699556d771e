import Foundation

/// A `pattern` regular expression, compiled once with the schema, matched by `RegexAutomaton`
/// or `SimpleRegex` where they can read the pattern and by NSRegularExpression otherwise.
///
/// Schemas use ECMA-262 regular expressions; NSRegularExpression (ICU) reads almost all of them
/// the same way. Where the two differ in ways records meet, the pattern is rewritten: `\d` and
/// `\w` match ASCII digits and word characters only, `\s` also matches U+000B and U+FEFF.
final class SchemaPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from several threads.
    let regex: NSRegularExpression
    /// The fast matchers, for the patterns they can read.
    let simple: SimpleRegex?
    let automaton: RegexAutomaton?
    let source: String

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: Self.icuPattern(source), options: []) else { return nil }
        self.regex = regex
        self.simple = SimpleRegex(source)
        self.automaton = simple.flatMap { RegexAutomaton($0.root) }
        self.source = source
    }

    func matches(_ text: String) -> Bool {
        if let automaton { return automaton.matches(text) }
        if let simple { return simple.matches(text) }
        return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// The ICU spelling of an ECMA-262 pattern.
    static func icuPattern(_ ecma: String) -> String {
        var out = ""
        var inClass = false
        var scalars = ecma.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                guard let escaped = scalars.next() else {
                    out += "\\"
                    break
                }
                switch escaped {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += "[^0-9]"
                case "w": out += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": out += "[^A-Za-z0-9_]"
                case "s": out += inClass ? "\\s\\u000B\\uFEFF" : "[\\s\\u000B\\uFEFF]"
                case "S": out += "[^\\s\\u000B\\uFEFF]"
                default:
                    out += "\\"
                    out.unicodeScalars.append(escaped)
                }
                continue
            }
            if scalar == "[", !inClass {
                inClass = true
            } else if scalar == "]", inClass {
                inClass = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
