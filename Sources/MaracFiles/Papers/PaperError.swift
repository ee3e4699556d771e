import MaracBase

/// Why a paper cannot be rendered: an unknown meeting or case, a case not heard at the
/// meeting, a closed-session paper asked for without `--closed`, or a template mistake (at its
/// `templates/NAME.mustache:line:col`). Messages name ids, files and positions only, never a
/// value from a record.
public struct PaperError: UserFacingError, CustomStringConvertible {
    public var message: String
    public var location: String?

    public init(_ message: String, location: String? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { (location.map { "\($0): " } ?? "") + message }
}
