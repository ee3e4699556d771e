/// A problem reaching the repository's files (exit status 2): a folder that is not a
/// repository, a file that cannot be read or written.
public struct RepositoryError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
