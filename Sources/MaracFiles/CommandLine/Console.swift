import Foundation

/// Where a command writes: standard output for results, standard error for diagnostics.
/// Tests capture both in memory.
public final class Console: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        self.writeOut = out
        self.writeError = error
    }

    /// The process's own standard output and standard error.
    public static func standard() -> Console {
        Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            error: { text in FileHandle.standardError.write(Data(text.utf8)) })
    }

    /// Writes `text` and a newline to standard output.
    public func print(_ text: String) { writeOut(text + "\n") }
    /// Writes `text` as it is to standard output.
    public func write(_ text: String) { writeOut(text) }
    /// Writes `text` and a newline to standard error.
    public func printError(_ text: String) { writeError(text + "\n") }
}
