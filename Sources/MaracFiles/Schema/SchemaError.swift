/// Why a schema could not be compiled: where in the schema, and what is wrong with it.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The absolute location in the schema: its URI, `#`, and a JSON pointer.
    public var location: String
    /// The keyword at fault, when there is one.
    public var keyword: String?
    public var message: String

    public init(_ message: String, at location: String, keyword: String? = nil) {
        self.message = message
        self.location = location
        self.keyword = keyword
    }

    /// `location: message`.
    public var description: String { "\(location): \(message)" }
}
