import MaracBase

/// A failure to encrypt or decrypt with `age` (exit status 2). Messages never hold a
/// passphrase, a key or a record value.
public struct AgeError: UserFacingError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
