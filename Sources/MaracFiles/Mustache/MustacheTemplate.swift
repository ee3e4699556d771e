import MaracJSON

/// A Mustache template, parsed once and rendered any number of times.
///
/// Supports the core Mustache spec: variables (escaped per `MustacheEscaping`), `{{{raw}}}` and
/// `{{&raw}}`, dotted names, `{{.}}`, sections, inverted sections, comments, partials with
/// standalone indentation, and delimiter changes. Lambdas are not supported (contexts are
/// `JSONValue`s). Rendered values are never parsed again, so a value holding `{{x}}` prints as is.
public struct MustacheTemplate: Sendable {
    /// The name used in error messages (usually the template's file name).
    public let name: String
    let nodes: [MustacheNode]

    /// Parses `source`; throws a `MustacheError` naming `name`, the line and column, and
    /// what was expected.
    public init(source: String, name: String) throws(MustacheError) {
        self.name = name
        let tokens = try MustacheScanner.scan(source, name: name)
        nodes = try MustacheParser.parse(MustacheStandalone.removeStandaloneLines(tokens), name: name)
    }

    /// Renders with `context` as the root of the context stack.
    ///
    /// Throws only for template mistakes found with data: a tag that names a list or object
    /// where text is expected, or partials nested too deeply. The error never quotes a value.
    public func render(
        _ context: JSONValue,
        partials: MustachePartials = .none,
        escaping: MustacheEscaping = .html
    ) throws(MustacheError) -> String {
        var renderer = MustacheRenderer(root: context, partials: partials, escaping: escaping)
        try renderer.render(self)
        return renderer.output
    }

    /// The tag names (`template:name`) that found nothing in `context` while rendering: a
    /// misspelt key renders as empty text, so tests use this to check templates and view
    /// models agree.
    public func missingNames(
        _ context: JSONValue, partials: MustachePartials = .none, escaping: MustacheEscaping = .html
    ) throws(MustacheError) -> Set<String> {
        var renderer = MustacheRenderer(root: context, partials: partials, escaping: escaping)
        try renderer.render(self)
        return renderer.missing
    }
}
