/// Why the editor refused an edit. The message names the path and says what to do; it never
/// quotes a value from the record.
public struct TOMLEditError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Nothing is written at the path (or an index is past the end of its array).
        case notFound
        /// The path passes through, or names, something that is not what the edit needs.
        case wrongKind
        /// The change can't be made as whole lines (a dotted key, an inline table, a [table] section).
        case notALine
        /// The new value would nest deeper than `TOMLDecoder.maximumDepth` allows.
        case tooDeep
        /// The edit produced text that does not decode to the intended document: an mfile bug.
        /// The original bytes are untouched.
        case invalidResult
    }

    public var reason: Reason
    /// The path as written in messages, e.g. `referral[1].idva_referred`.
    public var path: String
    public var message: String

    public init(_ reason: Reason, path: String, _ message: String) {
        self.reason = reason
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
