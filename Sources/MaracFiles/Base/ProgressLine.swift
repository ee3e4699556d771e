import Foundation

/// A progress line for long work ("lint: 41,200 of 105,000 files"), redrawn in place at most
/// ten times a second and erased when the work is done. It names a fixed phrase and counts,
/// never anything read from a record. The command line makes one only when standard error is
/// a terminal (`Console.progress`), so nothing reaches a CI log; the layers below are given
/// one, or `nil`, and only count. Safe to advance from several threads.
public final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let draw: @Sendable (String) -> Void
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var lastDrawn: UInt64 = 0
    private var shown = false

    /// - Parameters:
    ///   - label: what is being done, a fixed phrase ("lint", "reading records").
    ///   - unit: what is counted, plural ("files", "cases").
    ///   - draw: writes its text as it is (carriage returns and the erase-line code included).
    public init(_ label: String, unit: String, draw: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.unit = unit
        self.draw = draw
    }

    /// Starts a pass over `total` items (a command may run several, one after another).
    public func begin(_ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.total = total
        done = 0
        redraw(force: true)
    }

    /// Counts `count` more items done.
    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += count
        redraw(force: done >= total)
    }

    /// Erases the line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { draw("\r\u{1B}[K") }
        shown = false
    }

    /// The text of the line.
    public var text: String {
        "\(label): \(ProgressLine.grouped(done)) of \(ProgressLine.grouped(total)) \(unit)"
    }

    private func redraw(force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        shown = true
        draw("\r\(text)\u{1B}[K")
    }

    /// 105000 as "105,000".
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
