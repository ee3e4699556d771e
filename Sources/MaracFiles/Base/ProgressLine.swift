import Foundation

/// How far a long piece of work has got, on one line of standard error that rewrites itself:
/// only when standard error is a terminal, so CI logs and captured output never see it. It
/// shows a phase name and counts, never a value from a record.
public final class ProgressLine: @unchecked Sendable {
    private let write: ((String) -> Void)?
    private let lock = NSLock()
    private var lastShown: UInt64 = 0
    private var width = 0

    /// Shows progress through `write`, or nowhere when `write` is `nil`.
    public init(write: ((String) -> Void)?) {
        self.write = write
    }

    /// Progress on the process's standard error when it is a terminal, else nowhere.
    public static func standardError() -> ProgressLine {
        guard isatty(STDERR_FILENO) == 1 else { return ProgressLine(write: nil) }
        return ProgressLine { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Shows nothing.
    public static let none = ProgressLine(write: nil)

    /// `phase: done/total`, at most ten times a second (and always the last step).
    public func step(_ phase: String, _ done: Int, of total: Int) {
        guard let write else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        defer { lock.unlock() }
        guard done == total || now - lastShown >= 100_000_000 else { return }
        lastShown = now
        let text = "\(phase): \(done)/\(total)"
        write("\r" + text + String(repeating: " ", count: max(0, width - text.count)))
        width = text.count
    }

    /// Clears the line, so what the command prints next starts on a clean line.
    public func finish() {
        guard let write else { return }
        lock.lock()
        defer { lock.unlock() }
        guard width > 0 else { return }
        write("\r" + String(repeating: " ", count: width) + "\r")
        width = 0
    }
}
