import MaracBase

/// A name in a tag: `.` (the current context) or a dotted path of keys.
enum MustacheName: Sendable, Equatable, CustomStringConvertible {
    /// `{{.}}`: the top of the context stack.
    case implicit
    /// `{{a.b.c}}`: `a` looked up through the context stack, then `b` and `c` inside it only.
    case path([String])

    var description: String {
        switch self {
        case .implicit: "."
        case .path(let keys): keys.joined(separator: ".")
        }
    }
}

/// One element of a compiled template. Standalone-line whitespace and comments are already
/// removed, so rendering is a plain walk of the tree.
indirect enum MustacheNode: Sendable {
    /// Literal template text.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(MustacheName, escaped: Bool, at: SourcePosition)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(MustacheName, inverted: Bool, body: [MustacheNode], at: SourcePosition)
    /// `{{>name}}`. For a standalone partial tag, `indent` is the whitespace before it (maybe
    /// empty), put before every line of the partial's own text; `nil` for an inline partial.
    case partial(String, indent: String?, at: SourcePosition)
}
