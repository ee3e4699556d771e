import Foundation

/// The temporary files `AtomicWrite` leaves beside a file when a write is killed before its
/// rename (`.<name>.<uuid>.tmp`): whole copies of a record that never became the file.
public enum StaleTemporaries {
    /// Removes the temporaries of `url` left by interrupted writes; returns how many.
    /// A write of the same file running at this moment would then fail cleanly (its target
    /// untouched), so no record is ever lost.
    @discardableResult
    public static func remove(for url: URL) -> Int {
        let folder = url.deletingLastPathComponent()
        let prefix = "." + url.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }
}
