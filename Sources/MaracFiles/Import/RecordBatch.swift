import Foundation
import MaracRepository

/// One record file an import writes: new, or replacing the bytes it was planned from.
struct FileChange: Sendable {
    /// Relative to the repository root.
    var path: String
    var bytes: [UInt8]
    /// The file's bytes when read; `nil` for a new file.
    var original: [UInt8]?
}

/// Writes an import's files all or none. Each file is written atomically (`AtomicWrite`); if
/// one cannot be written, the files already written are put back as they were (new ones
/// removed), so the records are as before the import. Before anything is written, every file
/// is checked to be as it was read (an editor may have saved one meanwhile).
enum RecordBatch {
    typealias Writer = @Sendable ([UInt8], URL, AtomicWrite.Mode) throws -> Void

    static let atomicWriter: Writer = { bytes, url, mode in try AtomicWrite.write(bytes, to: url, mode: mode) }

    static func write(_ changes: [FileChange], root: URL, writer: Writer = atomicWriter) throws(ImportError) {
        for change in changes {
            let url = root.appendingPathComponent(change.path)
            if let original = change.original {
                guard let now = try? FileSystem.read(url), now == original else {
                    throw ImportError("the file changed while the import was being prepared; nothing was written; run the import again", location: change.path)
                }
            } else if FileManager.default.fileExists(atPath: url.path) {
                throw ImportError("the file appeared while the import was being prepared; nothing was written; run the import again", location: change.path)
            }
        }
        var done: [FileChange] = []
        for change in changes {
            do {
                try writer(change.bytes, root.appendingPathComponent(change.path), change.original == nil ? .createNew : .replace)
                done.append(change)
            } catch {
                let left = undo(done, root: root)
                let reason = (error as? RepositoryError)?.message ?? "it cannot be written"
                let outcome = left.isEmpty
                    ? "every file written before it was put back as it was; nothing was changed"
                    : "these files could not be put back and need checking by hand: \(left.joined(separator: ", "))"
                throw ImportError("\(reason); \(outcome)", location: change.path)
            }
        }
    }

    /// Puts back the files written so far, newest first; returns those that could not be.
    static func undo(_ done: [FileChange], root: URL) -> [String] {
        var left: [String] = []
        for change in done.reversed() {
            let url = root.appendingPathComponent(change.path)
            if let original = change.original {
                do { try AtomicWrite.write(original, to: url, mode: .replace) } catch { left.append(change.path) }
            } else if unlink(url.path) != 0 {
                left.append(change.path)
            }
        }
        return left
    }
}
