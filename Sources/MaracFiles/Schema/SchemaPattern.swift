/// A `pattern` regular expression, compiled once with the schema and matched in linear time
/// (see `LinearRegex`), so no schema pattern can make lint, the hook or `transfer in` hang.
/// Patterns that fit (most schema patterns) also run as a `RegexAutomaton`, which gives the
/// same answers faster.
final class SchemaPattern: Sendable {
    let regex: LinearRegex
    let automaton: RegexAutomaton?
    let source: String

    /// Compiles `source`, or says why it cannot be used (in a schema author's words).
    init(_ source: String) throws(LinearRegex.Failure) {
        self.regex = try LinearRegex(source)
        self.automaton = RegexAutomaton(pattern: source)
        self.source = source
    }

    func matches(_ text: String) -> Bool { automaton?.matches(text) ?? regex.matches(text) }
}
