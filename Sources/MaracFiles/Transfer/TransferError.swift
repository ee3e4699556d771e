import MaracBase

/// Why a transfer or disclosure was refused (exit status 2). Every reason names files, ids,
/// fields and rules only, never a value from a record; nothing was changed.
public struct TransferError: UserFacingError, CustomStringConvertible {
    public var reasons: [String]
    public init(_ reason: String) { reasons = [reason] }
    public init(reasons: [String]) { self.reasons = reasons }
    public var description: String { reasons.joined(separator: "\n") }
    /// The first reason, and each further one on its own indented line.
    public var message: String { reasons.joined(separator: "\n  ") }
}
