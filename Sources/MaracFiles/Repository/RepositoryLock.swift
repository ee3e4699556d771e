import Foundation
import MaracBase

/// The repository's write lock: while one mfile command changes records, papers or the index,
/// another that would change them waits for nothing and stops with a clear message (exit 2).
///
/// The lock is `flock(2)` on `.mfile/lock`, held for as long as this value lives and released
/// by the kernel if the process dies, so a killed command never leaves the records locked.
public final class RepositoryLock: @unchecked Sendable {
    /// The lock file, relative to the repository root (never committed: `.mfile/` is ignored).
    public static let path = ".mfile/lock"
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock of the repository at `root`, or throws when another command holds it.
    public static func acquire(root: URL) throws(RepositoryError) -> RepositoryLock {
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw RepositoryError("\(url.deletingLastPathComponent().path) cannot be created, so the records cannot be locked for this change; check the folder's permissions")
        }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RepositoryError("\(url.path) cannot be opened, so the records cannot be locked for this change; check the folder's permissions")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw RepositoryError("another mfile command is changing these records (\(path) is locked); wait for it to finish, then run this again")
        }
        return RepositoryLock(descriptor: descriptor)
    }
}
