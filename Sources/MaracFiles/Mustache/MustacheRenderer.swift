import MaracBase
import MaracJSON

/// Renders compiled templates into one output string: a walk of the node tree with a stack
/// of context values. Linear in the size of the output.
struct MustacheRenderer {
    /// Partials nested deeper than this are a mistake (a partial that always includes itself).
    static let maximumPartialDepth = 100
    /// Sections and partials open at once, across partials: bounds the walk's recursion.
    static let maximumNesting = 1000

    /// The state of one template being rendered: the top-level template or one partial.
    private struct Frame {
        var templateName: String
        /// Put before each line of this template's own text (from a standalone partial tag).
        var indent: String
        /// Whether the next output of this template starts one of its lines.
        var atLineStart = true
    }

    private let partials: MustachePartials
    private let escaping: MustacheEscaping
    private var stack: [JSONValue]
    private var partialDepth = 0
    private var nesting = 0
    private(set) var output = ""
    /// Every tag name that named nothing in the context (rendered as empty, as the spec says),
    /// `template:name`, for the test that templates and view models agree.
    private(set) var missing: Set<String> = []

    init(root: JSONValue, partials: MustachePartials, escaping: MustacheEscaping) {
        self.partials = partials
        self.escaping = escaping
        stack = [root]
    }

    mutating func render(_ template: MustacheTemplate) throws(MustacheError) {
        var frame = Frame(templateName: template.name, indent: "")
        try render(template.nodes, in: &frame)
    }

    private mutating func render(_ nodes: [MustacheNode], in frame: inout Frame) throws(MustacheError) {
        nesting += 1
        defer { nesting -= 1 }
        for node in nodes {
            switch node {
            case .text(let text):
                writeTemplateText(text, in: &frame)
            case let .variable(name, escaped, position):
                guard let value = lookup(name) else {
                    missing.insert("\(frame.templateName):\(name)")
                    continue
                }
                guard let text = value.mustacheText else {
                    throw MustacheError(
                        .notPrintable,
                        "'\(name)' is a list or object, which cannot be printed: use a section '#\(name)' and print its fields",
                        template: frame.templateName, at: position)
                }
                writeValue(escaped ? escaping.escape(text) : text, in: &frame)
            case let .section(name, inverted, body, position):
                guard nesting < Self.maximumNesting else {
                    throw MustacheError(
                        .sectionTooDeep,
                        "sections and partials are nested more than \(Self.maximumNesting) deep when rendered (partials inside partials?)",
                        template: frame.templateName, at: position)
                }
                let found = lookup(name)
                if found == nil { missing.insert("\(frame.templateName):\(name)") }
                let value = found ?? .null
                if inverted {
                    if !value.mustacheIsTruthy { try render(body, in: &frame) }
                } else if case .array(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(body, in: &frame)
                        stack.removeLast()
                    }
                } else if value.mustacheIsTruthy {
                    stack.append(value)
                    try render(body, in: &frame)
                    stack.removeLast()
                }
            case let .partial(partialName, indent, position):
                guard let partial = partials.template(named: partialName) else { continue }
                try renderPartial(partial, indent: indent, at: position, in: &frame)
            }
        }
    }

    private mutating func renderPartial(
        _ partial: MustacheTemplate, indent: String?, at position: SourcePosition, in frame: inout Frame
    ) throws(MustacheError) {
        guard partialDepth < Self.maximumPartialDepth else {
            throw MustacheError(
                .partialTooDeep,
                "partial '\(partial.name)' is nested more than \(Self.maximumPartialDepth) deep: does it include itself without a section that ends?",
                template: frame.templateName, at: position)
        }
        var inner: Frame
        if let indent {
            // A standalone partial: its lines take this template's indent plus the tag's.
            inner = Frame(templateName: partial.name, indent: frame.indent + indent)
            frame.atLineStart = true
        } else {
            // An inline partial continues the current line of this template, unindented.
            writeValue("", in: &frame)
            inner = Frame(templateName: partial.name, indent: "")
        }
        partialDepth += 1
        defer { partialDepth -= 1 }
        try render(partial.nodes, in: &inner)
    }

    /// Template text: every line that starts here gets the frame's indent.
    private mutating func writeTemplateText(_ text: String, in frame: inout Frame) {
        guard !frame.indent.isEmpty else {
            output += text
            return
        }
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            if frame.atLineStart { output += frame.indent }
            output += text[lineStart..<lineEnd]
            frame.atLineStart = text[text.index(before: lineEnd)] == "\n"
            lineStart = lineEnd
        }
    }

    /// A value's text: indented if it starts a line, but line breaks inside it never are.
    private mutating func writeValue(_ text: String, in frame: inout Frame) {
        if frame.atLineStart, !frame.indent.isEmpty {
            output += frame.indent
        }
        frame.atLineStart = false
        output += text
    }

    /// The value `name` refers to: the first part through the stack, the rest inside it only.
    private func lookup(_ name: MustacheName) -> JSONValue? {
        switch name {
        case .implicit:
            return stack.last
        case .path(let keys):
            var value: JSONValue?
            for context in stack.reversed() {
                if let found = context[keys[0]] {
                    value = found
                    break
                }
            }
            for key in keys.dropFirst() {
                guard let found = value?[key] else { return nil }
                value = found
            }
            return value
        }
    }
}
