import MaracBase

/// Why a TOML text was rejected: where, and what was expected, in words an administrator can act on.
///
/// The message never quotes the text of a value: records hold victims' names.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}
