/// A `pattern` regular expression, compiled once with the schema and matched in linear time
/// (see `LinearRegex`), so no schema pattern can make lint, the hook or `transfer in` hang.
final class SchemaPattern: Sendable {
    let regex: LinearRegex
    let source: String

    /// Compiles `source`, or says why it cannot be used (in a schema author's words).
    init(_ source: String) throws(LinearRegex.Failure) {
        self.regex = try LinearRegex(source)
        self.source = source
    }

    func matches(_ text: String) -> Bool { regex.matches(text) }
}
