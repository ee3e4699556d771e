import MaracJSON

/// One thing wrong with how the records are kept in git, and the exact command that fixes it.
///
/// A problem names files and checks only; it never holds a value from a record.
public struct VaultProblem: Sendable, Equatable {
    /// The check that found it, e.g. `encryption-coverage`, `plaintext-in-history`.
    public var check: String
    /// What is wrong, in an administrator's words.
    public var message: String
    /// The files or folders concerned (relative to the records folder), if any.
    public var paths: [String]
    /// The command (or commands) that fix it, run at the top of the git work tree.
    public var fix: String

    public init(check: String, message: String, paths: [String] = [], fix: String) {
        self.check = check
        self.message = message
        self.paths = paths
        self.fix = fix
    }

    /// The problem as text: the message, each path on its own line, then the fix.
    public var text: String {
        var text = "problem: \(message) [\(check)]\n"
        for path in paths { text += "  \(path)\n" }
        text += "  to fix: \(fix)\n"
        return text
    }

    /// The problem as a JSON object for `--format json`.
    public var json: JSONValue {
        .object([
            ("check", .string(check)),
            ("message", .string(message)),
            ("paths", .array(paths.map { .string($0) })),
            ("fix", .string(fix)),
        ])
    }
}
