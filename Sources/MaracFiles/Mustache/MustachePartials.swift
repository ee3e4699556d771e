/// Where `{{>name}}` tags find their templates: a fixed set or a lookup function.
///
/// A name that is not found renders as nothing, as the Mustache spec requires.
public struct MustachePartials: Sendable, ExpressibleByDictionaryLiteral {
    private let resolve: @Sendable (String) -> MustacheTemplate?

    /// Partials from a dictionary of compiled templates keyed by partial name.
    public init(_ templates: [String: MustacheTemplate]) {
        resolve = { templates[$0] }
    }

    /// Partials from a lookup function (for example, templates loaded on demand and cached).
    public init(resolver: @escaping @Sendable (String) -> MustacheTemplate?) {
        resolve = resolver
    }

    /// Compiles each source, named by its key; throws the first template's error.
    public init(sources: [String: String]) throws(MustacheError) {
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            templates[name] = try MustacheTemplate(source: source, name: name)
        }
        self.init(templates)
    }

    public init(dictionaryLiteral elements: (String, MustacheTemplate)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// No partials: every `{{>name}}` renders as nothing.
    public static var none: MustachePartials { MustachePartials([:]) }

    /// The template for `name`, if any.
    public func template(named name: String) -> MustacheTemplate? { resolve(name) }
}
