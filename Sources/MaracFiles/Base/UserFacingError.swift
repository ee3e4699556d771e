/// An error told to the person running mfile: what is wrong and what to do about it, in an
/// administrator's words, where it is, and the exit status it ends the command with.
///
/// The message names files, fields, ids and rules only, never a value from a record. The
/// command line prints `mfile COMMAND: LOCATION: error: MESSAGE`, and the command's usage line
/// only when `showsUsage` (a mistake in how the command was called).
public protocol UserFacingError: Error, Sendable {
    /// What is wrong and what to do.
    var message: String { get }
    /// `path`, `path:line:col`, or `template:line:col`; `nil` when no file is concerned.
    var location: String? { get }
    /// 2 for usage, configuration, I/O and locked records (the default).
    var exitStatus: ExitStatus { get }
    /// Whether the command's usage line helps the reader (only for usage mistakes).
    var showsUsage: Bool { get }
}

extension UserFacingError {
    public var location: String? { nil }
    public var exitStatus: ExitStatus { .failure }
    public var showsUsage: Bool { false }

    /// `LOCATION: error: MESSAGE`, or `error: MESSAGE`.
    public var reportLine: String {
        (location.map { "\($0): " } ?? "") + "error: " + message
    }
}
