import MaracBase

/// A mistake in how a command was called (exit status 2); the command's usage line follows it.
public struct UsageError: UserFacingError, CustomStringConvertible {
    public var message: String
    /// The command or subcommand it concerns (`render agenda`), once the parser knows it.
    public var commandPath: [String] = []
    public init(_ message: String) { self.message = message }
    public var showsUsage: Bool { true }
    public var description: String { message }
}
