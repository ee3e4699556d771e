import MaracBase

/// A problem reaching the repository's files (exit status 2): a folder that is not a
/// repository, a file that cannot be read or written, records locked by another command.
public struct RepositoryError: UserFacingError, CustomStringConvertible {
    public var message: String
    public var location: String?

    public init(_ message: String, location: String? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { message }
}
