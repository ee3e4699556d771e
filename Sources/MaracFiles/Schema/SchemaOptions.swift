/// How a schema is compiled.
public struct SchemaOptions: Sendable, Equatable {
    /// Whether `format` is checked (the default, and what records need) or, as the JSON Schema
    /// specification's default, only an annotation: then every format name is accepted and
    /// none is checked.
    public var formatAssertion: Bool

    public init(formatAssertion: Bool = true) {
        self.formatAssertion = formatAssertion
    }
}
