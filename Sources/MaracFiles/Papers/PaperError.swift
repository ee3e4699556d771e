import MaracBase

/// Why a paper cannot be rendered: an unknown meeting or case, a case not heard at the
/// meeting, a closed-session paper asked for without `--closed`, or a template mistake.
/// Messages name ids, files and positions only, never a value from a record.
public struct PaperError: UserFacingError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
