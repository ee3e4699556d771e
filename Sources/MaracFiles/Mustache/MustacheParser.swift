import MaracBase

/// Nests scanned tokens into the compiled tree, checking that sections close in order and
/// that tag names are well formed.
struct MustacheParser {
    /// Sections nested deeper than this are refused: papers nest a handful, and a deeper tree
    /// (a hostile template of 50,000 nested sections) would exhaust the stack when rendered.
    static let maximumSectionDepth = 100

    /// A section whose closing tag has not been seen yet.
    private struct OpenSection {
        var name: MustacheName
        var rawName: String
        var inverted: Bool
        var position: SourcePosition
        var body: [MustacheNode] = []
    }

    private let templateName: String
    private var root: [MustacheNode] = []
    private var open: [OpenSection] = []
    /// Text not yet added as a node, so adjacent text becomes one node.
    private var pendingText = ""

    /// The compiled tree of `tokens` (already stripped of standalone lines).
    static func parse(_ tokens: [MustacheToken], name: String) throws(MustacheError) -> [MustacheNode] {
        var parser = MustacheParser(templateName: name)
        for token in tokens {
            try parser.add(token)
        }
        parser.flushText()
        if let unclosed = parser.open.last {
            let kind = unclosed.inverted ? "inverted section" : "section"
            throw MustacheError(
                .unclosedSection,
                "\(kind) '\(unclosed.rawName)' opened at \(unclosed.position) is never closed: expected '/\(unclosed.rawName)' before the end of the template",
                template: name, at: unclosed.position)
        }
        return parser.root
    }

    private init(templateName: String) {
        self.templateName = templateName
    }

    private mutating func add(_ token: MustacheToken) throws(MustacheError) {
        switch token {
        case .text(let text):
            pendingText += text
        case .tag(let tag):
            flushText()
            switch tag.kind {
            case .comment, .delimiters:
                break
            case .variable(let escaped):
                append(.variable(try name(of: tag), escaped: escaped, at: tag.position))
            case .section, .invertedSection:
                guard open.count < Self.maximumSectionDepth else {
                    throw error(.sectionTooDeep, "sections are nested more than \(Self.maximumSectionDepth) deep here; no paper needs that many: close some with '/name' first", at: tag.position)
                }
                open.append(OpenSection(name: try name(of: tag), rawName: tag.content,
                                        inverted: tag.kind == .invertedSection, position: tag.position))
            case .close:
                try close(tag)
            case .partial:
                guard !tag.content.isEmpty, !tag.content.contains(where: \.isWhitespace) else {
                    throw error(.invalidName, "partial tag needs one name without spaces, like '>agenda-item'", at: tag.position)
                }
                append(.partial(tag.content, indent: tag.indent, at: tag.position))
            }
        }
    }

    private mutating func close(_ tag: MustacheTag) throws(MustacheError) {
        guard let section = open.popLast() else {
            throw error(.unexpectedClose, "'/\(tag.content)' closes no open section", at: tag.position)
        }
        guard section.rawName == tag.content else {
            throw error(.mismatchedClose,
                        "'/\(tag.content)' does not match section '\(section.rawName)' opened at \(section.position): expected '/\(section.rawName)'",
                        at: tag.position)
        }
        append(.section(section.name, inverted: section.inverted, body: section.body, at: section.position))
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        append(.text(pendingText))
        pendingText = ""
    }

    /// Adds `node` to the innermost open section, or to the top level.
    private mutating func append(_ node: MustacheNode) {
        if open.isEmpty {
            root.append(node)
        } else {
            open[open.count - 1].body.append(node)
        }
    }

    /// The name in `tag`: `.` or dot-separated non-empty keys without whitespace.
    private func name(of tag: MustacheTag) throws(MustacheError) -> MustacheName {
        let content = tag.content
        if content == "." { return .implicit }
        let keys = content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !content.isEmpty else {
            throw error(.invalidName, "tag has no name", at: tag.position)
        }
        guard keys.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw error(.invalidName, "tag name '\(content)' is not valid: expected '.' or keys joined by single dots, without spaces", at: tag.position)
        }
        return .path(keys)
    }

    private func error(_ kind: MustacheError.Kind, _ message: String, at position: SourcePosition) -> MustacheError {
        MustacheError(kind, message, template: templateName, at: position)
    }
}
