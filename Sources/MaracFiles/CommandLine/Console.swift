import Foundation
import MaracBase

/// Where a command writes: standard output for results, standard error for diagnostics.
/// Tests capture both in memory.
public final class Console: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    /// Standard error is a terminal someone watches: progress lines may be drawn there.
    public let showsProgress: Bool

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void, showsProgress: Bool = false) {
        self.writeOut = out
        self.writeError = error
        self.showsProgress = showsProgress
    }

    /// The process's own standard output and standard error. Progress is drawn only when
    /// standard error is a terminal (isatty), not a dumb one, and not in CI (`CI` set), so a
    /// log or a pipe never receives it.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> Console {
        let terminal = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
        let ci = environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
        return Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            error: { text in FileHandle.standardError.write(Data(text.utf8)) },
            showsProgress: terminal && !ci)
    }

    /// A progress line on standard error for long work, or `nil` when no one watches it
    /// (see `standard`). `label` and `unit` are fixed phrases; the line adds counts only.
    public func progress(_ label: String, unit: String) -> ProgressLine? {
        guard showsProgress else { return nil }
        let writeError = self.writeError
        final class Writer: @unchecked Sendable {
            let write: (String) -> Void
            init(_ write: @escaping (String) -> Void) { self.write = write }
        }
        let writer = Writer(writeError)
        return ProgressLine(label, unit: unit) { writer.write($0) }
    }

    /// Writes `text` and a newline to standard output.
    public func print(_ text: String) { writeOut(text + "\n") }
    /// Writes `text` as it is to standard output.
    public func write(_ text: String) { writeOut(text) }
    /// Writes `text` and a newline to standard error.
    public func printError(_ text: String) { writeError(text + "\n") }
}
