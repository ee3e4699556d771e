import MaracBase

/// Why a template was rejected or could not be rendered: which template, where, and what was
/// expected, in words an administrator can act on.
///
/// Messages quote only template text (tag names, delimiters), never a value from the context:
/// contexts hold victims' records.
public struct MustacheError: UserFacingError, Equatable, CustomStringConvertible {
    /// The kinds of problem, for callers and tests that branch on them.
    public enum Kind: Sendable, Equatable {
        /// A `{{#name}}` or `{{^name}}` without its `{{/name}}`.
        case unclosedSection
        /// A `{{/name}}` that does not match the innermost open section.
        case mismatchedClose
        /// A `{{/name}}` with no section open.
        case unexpectedClose
        /// An opening delimiter without its closing delimiter.
        case unclosedTag
        /// A `{{=… …=}}` tag that does not give two valid delimiters.
        case badDelimiters
        /// A tag whose name is empty or not a dotted key.
        case invalidName
        /// Partials nested deeper than the renderer allows (usually a partial including itself).
        case partialTooDeep
        /// Sections nested deeper than templates ever need (`MustacheParser.maximumSectionDepth`).
        case sectionTooDeep
        /// An interpolation tag that names a list or an object, which has no text form.
        case notPrintable
    }

    public var kind: Kind
    /// The name given to `MustacheTemplate(source:name:)`.
    public var templateName: String
    /// Where in that template: 1-based line and column (column counts Unicode scalars).
    public var position: SourcePosition
    public var message: String

    public init(_ kind: Kind, _ message: String, template: String, at position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.templateName = template
        self.position = position
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    /// `template:line:column`.
    public var location: String? { "\(templateName):\(position.line):\(position.column)" }

    /// `template:line:column: message`.
    public var description: String { "\(templateName):\(position.line):\(position.column): \(message)" }
}
