import Foundation
import MaracDefaults
import MaracJSON
import MaracMustache
import MaracRepository

/// The templates papers are rendered with: a repository's own `templates/NAME.mustache`
/// first, else the default embedded in `mfile` (`DefaultFiles`).
public struct PaperTemplates: Sendable {
    /// The repository root whose `templates/` folder overrides the defaults (`nil`: defaults only).
    public var root: URL?

    public init(root: URL?) { self.root = root }

    /// The source of template `name` (e.g. `agenda.html`, `_head.html`) and where it came from.
    /// A repository template that is a link leading out of the repository is refused.
    public func source(named name: String) throws(PaperError) -> (text: String, file: String)? {
        let file = "templates/\(name).mustache"
        if let root {
            do {
                if let bytes = try RecordAccess.readInside(file, root: root) {
                    return (String(decoding: bytes, as: UTF8.self), file)
                }
            } catch {
                throw PaperError(error.message)
            }
        }
        return DefaultFiles.all.first { $0.path == file }.map { ($0.content, "\(file) (built in)") }
    }

    /// Every partial available (names starting with `_`), repository ones over defaults.
    package func partialNames() -> [String] {
        var names = Set(DefaultFiles.all.compactMap { partialName(fromPath: $0.path) })
        if let root, let files = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("templates").path) {
            names.formUnion(files.compactMap { partialName(fromPath: "templates/\($0)") })
        }
        return names.sorted()
    }

    private func partialName(fromPath path: String) -> String? {
        guard path.hasPrefix("templates/_"), path.hasSuffix(".mustache") else { return nil }
        return String(path.dropFirst("templates/".count).dropLast(".mustache".count))
    }

    /// Renders paper `paper` (`agenda`, `minutes`, ...) in `format` with `context`.
    public func render(_ paper: String, format: PaperFormat, context: JSONValue) throws(PaperError) -> String {
        try render(template: "\(paper).\(format.rawValue)", context: context, escaping: format.escaping)
    }

    /// Renders template `name` (`agenda.html`, `flag-notice.md`, ...) with `context` and the
    /// partials; a template mistake is an error at its place in the template.
    public func render(template name: String, context: JSONValue, escaping: MustacheEscaping) throws(PaperError) -> String {
        let (template, partials) = try compiled(name)
        do {
            return try template.render(context, partials: partials, escaping: escaping)
        } catch {
            throw PaperError("the template cannot be used: \(error.message)", location: error.location)
        }
    }

    /// The tags of template `name` (and its partials) that find nothing in `context`
    /// (`template:name`): what a test checks to keep templates and view models in step.
    package func missingNames(template name: String, context: JSONValue, escaping: MustacheEscaping) throws -> Set<String> {
        let (template, partials) = try compiled(name)
        return try template.missingNames(context, partials: partials, escaping: escaping)
    }

    /// Template `name` and every partial, parsed.
    private func compiled(_ name: String) throws(PaperError) -> (MustacheTemplate, MustachePartials) {
        guard let main = try source(named: name) else {
            throw PaperError("no template \(name): add templates/\(name).mustache to the repository")
        }
        let sources = try partialSources()
        do {
            var partials: [String: MustacheTemplate] = [:]
            for (partial, source) in sources {
                partials[partial] = try MustacheTemplate(source: source.text, name: source.file)
            }
            return (try MustacheTemplate(source: main.text, name: main.file), MustachePartials(partials))
        } catch {
            throw PaperError("the template cannot be used: \(error.message)", location: error.location)
        }
    }

    /// The source of every partial, by name.
    package func partialSources() throws(PaperError) -> [(name: String, source: (text: String, file: String))] {
        var sources: [(name: String, source: (text: String, file: String))] = []
        for partial in partialNames() {
            if let source = try source(named: partial) { sources.append((partial, source)) }
        }
        return sources
    }
}
