import MaracBase

/// A piece of template source as scanned, before standalone lines are removed and sections
/// are nested.
enum MustacheToken: Sendable {
    /// Literal text. The scanner splits text after every `\n`, so a text token never holds a
    /// line break except as its last character.
    case text(String)
    case tag(MustacheTag)
}

/// One `{{…}}` tag.
struct MustacheTag: Sendable {
    enum Kind: Sendable, Equatable {
        case variable(escaped: Bool)
        case section
        case invertedSection
        case close
        case partial
        case comment
        case delimiters
    }

    var kind: Kind
    /// The tag's content without sigil and surrounding whitespace (a name, for most kinds).
    var content: String
    /// Where the opening delimiter starts.
    var position: SourcePosition
    /// For a standalone partial: the whitespace that preceded it on its line; `nil` inline.
    var indent: String?

    /// Whether the tag may stand alone on a line, which removes that line from the output.
    var mayStandAlone: Bool { if case .variable = kind { false } else { true } }
}
