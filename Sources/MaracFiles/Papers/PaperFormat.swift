import MaracMustache

/// The formats papers are rendered in.
public enum PaperFormat: String, Sendable, CaseIterable {
    /// A self-contained HTML page with print CSS for A4.
    case html
    /// Markdown with GFM tables.
    case markdown = "md"

    /// How values are escaped in this format.
    public var escaping: MustacheEscaping { self == .html ? .html : .markdown }
}
