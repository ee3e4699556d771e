import Foundation

/// Writes files so that a reader (or a crash) only ever sees the whole old file or the whole
/// new one: the bytes go to a temporary file in the same folder, are flushed to disk, and
/// the temporary file is renamed over (or linked to) the target.
///
/// A new file is never readable by more people than the umask allows (the kernel applies it
/// when the temporary file is created); papers, notices, bundles and the index are readable
/// by their owner only, whatever the umask and whatever an older copy allowed.
public enum AtomicWrite {
    public enum Mode: Sendable {
        /// Replace the file if it exists.
        case replace
        /// Refuse if the file exists (new records never overwrite).
        case createNew
    }

    /// Who may read the file written.
    public enum Access: Sendable {
        /// Records and settings: as the umask allows (`0666` narrowed by it); a file replaced
        /// keeps its permissions, narrowed by the umask.
        case shared
        /// Papers, notices, bundles and the index, which name people: the owner only (`0600`).
        case ownerOnly
    }

    public static func write(_ bytes: [UInt8], to url: URL, mode: Mode = .replace, access: Access = .shared) throws(RepositoryError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RepositoryError("\(folder.path): cannot create the folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, access == .ownerOnly ? 0o600 : 0o666)
        guard fd >= 0 else { throw RepositoryError("\(url.path): cannot be written (\(FileSystem.errnoText()))") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = FileSystem.errnoText()
                close(fd)
                unlink(temporary.path)
                throw RepositoryError("\(url.path): cannot be written (\(reason))")
            }
            written += result
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = FileSystem.errnoText()
            unlink(temporary.path)
            throw RepositoryError("\(url.path): cannot be written (\(reason))")
        }
        switch mode {
        case .replace:
            var info = stat()
            if access == .shared, stat(url.path, &info) == 0 {
                chmod(temporary.path, info.st_mode & 0o7777 & ~FileSystem.umask)
            }
            guard rename(temporary.path, url.path) == 0 else {
                let reason = FileSystem.errnoText()
                unlink(temporary.path)
                throw RepositoryError("\(url.path): cannot be written (\(reason))")
            }
        case .createNew:
            defer { unlink(temporary.path) }
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST { throw RepositoryError("\(url.path) already exists; nothing was written") }
                throw RepositoryError("\(url.path): cannot be written (\(FileSystem.errnoText()))")
            }
        }
        syncFolder(folder)
    }

    public static func write(_ text: String, to url: URL, mode: Mode = .replace, access: Access = .shared) throws(RepositoryError) {
        try write(Array(text.utf8), to: url, mode: mode, access: access)
    }

    /// Flushes the folder entry so the rename itself survives a power cut.
    private static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
