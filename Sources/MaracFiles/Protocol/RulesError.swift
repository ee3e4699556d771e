import MaracBase

/// Why marac.toml's protocol settings (`profile`, `[rules]`, `[calendar]`) were rejected:
/// each problem with where it is written.
///
/// Messages name the key, never the value written.
public struct RulesError: Error, Sendable, Equatable, CustomStringConvertible {
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

    /// Each problem as `marac.toml:line:column: message`.
    public func lines(file: String) -> [String] {
        problems.map { "\(file):\($0.position == nil ? " " : "")\($0.description)" }
    }

    /// What every command says when marac.toml's protocol settings cannot be used (exit 2):
    /// one heading, then each problem at its line:column.
    public func report(file: String) -> String {
        (["the protocol settings in \(file) cannot be used; correct them and run the command again:"]
            + lines(file: file)).joined(separator: "\n")
    }
}
