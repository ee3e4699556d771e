/// One finding about a file: where it is, how serious, what is wrong, and the rule that found it.
///
/// A message names files, fields, ids and rule facts only; it never holds a value from a record.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// The file, relative to the repository root (`cases/2026/2026-EXMP-001.toml`).
    public var file: String
    public var position: SourcePosition?
    public var severity: Severity
    public var message: String
    /// The rule that found it.
    public var rule: LintRule

    public init(
        file: String, position: SourcePosition?, severity: Severity = .error, message: String,
        rule: LintRule
    ) {
        self.file = file
        self.position = position
        self.severity = severity
        self.message = message
        self.rule = rule
    }

    /// `path:line:col: error: message [rule-id]`.
    public var line: String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }

    /// Stable report order: by file, then line and column, then rule and message.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        let pa = a.position.map { ($0.line, $0.column) } ?? (0, 0)
        let pb = b.position.map { ($0.line, $0.column) } ?? (0, 0)
        if pa != pb { return pa < pb }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
