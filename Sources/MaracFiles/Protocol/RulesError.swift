import MaracBase

/// Why marac.toml's protocol settings (`profile`, `[rules]`, `[calendar]`) were rejected:
/// each problem with where it is written.
///
/// Messages name the key, never the value written.
public struct RulesError: UserFacingError, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// Where the key is written in marac.toml; `nil` for the profile name itself.
        public var position: SourcePosition?
        public var message: String

        public init(_ message: String, at position: SourcePosition?) {
            self.message = message
            self.position = position
        }

        /// `line:column: message`.
        public var description: String {
            position.map { "\($0.line):\($0.column): \(message)" } ?? message
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// Each problem at its place in marac.toml, under a line saying what to do.
    public var message: String {
        (["the protocol settings in marac.toml cannot be used; correct them (see 'mfile rules --help'):"]
            + problems.map { "marac.toml:" + ($0.position == nil ? " " : "") + $0.description }).joined(separator: "\n  ")
    }
}
