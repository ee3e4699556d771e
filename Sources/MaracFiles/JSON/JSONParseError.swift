import MaracBase

/// Why a JSON text was rejected, and where (line and column).
///
/// The message never quotes the text: JSON produced from records holds victims' names.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}
