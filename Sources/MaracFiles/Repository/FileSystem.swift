import Foundation
import MaracBase

/// Reading whole files and listing record files, the repository's only reads.
public enum FileSystem {
    /// The bytes of a file.
    public static func read(_ url: URL) throws(RepositoryError) -> [UInt8] {
        try read(path: url.path)
    }

    /// The bytes of the file at `path` (no URL made: the parallel scan reads many files).
    public static func read(path: String) throws(RepositoryError) -> [UInt8] {
        switch readBytes(path: path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw RepositoryError("\(path): cannot be read (\(failure.reason))")
        }
    }

    /// Why a file could not be read: the system's words (`Permission denied`).
    public struct ReadFailure: Error, Sendable {
        public var reason: String
    }

    /// The bytes of the file at `path`, or why they cannot be read.
    public static func readBytes(path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(reason: errnoText())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(reason: errnoText())) }
        var bytes = [UInt8]()
        var capacity = max(Int(info.st_size), 0) + 1
        bytes.reserveCapacity(capacity)
        var total = 0
        while true {
            if bytes.count == total { bytes.append(contentsOf: repeatElement(0, count: capacity)); capacity *= 2 }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: errnoText()))
            }
            if got == 0 { break }
            total += got
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }

    /// Every `*.toml` file below `folder`, as paths relative to `root`, sorted. Hidden files
    /// and folders are skipped, and so is anything that cannot be listed (see `recordListing`).
    public static func tomlFiles(in folder: String, root: URL) -> [String] {
        recordListing(in: folder, root: root).files
    }

    /// The `*.toml` files below `folder` (relative to `root`, sorted), and every folder that
    /// cannot be listed, file that cannot be reached, folder nested too deep (a link loop) and
    /// link leading outside the repository, as `[io]` / `[outside-link]` findings. A missing
    /// `folder` itself holds no files and is no problem.
    public static func recordListing(in folder: String, root: URL) -> RecordListing {
        var listing = RecordListing()
        let top = root.appendingPathComponent(folder).path
        var info = stat()
        if lstat(top, &info) != 0, errno == ENOENT { return listing }
        let realRoot = RecordAccess.realPath(root.path) ?? root.path
        collect(top, relative: folder, depth: 0, realRoot: realRoot, into: &listing)
        listing.files.sort()
        return listing
    }

    private static func collect(_ path: String, relative: String, depth: Int, realRoot: String, into listing: inout RecordListing) {
        // Linked folders inside the repository are followed; the depth limit stops a link loop.
        guard depth < 16 else {
            listing.problems.append(RecordAccess.cannotRead(relative, reason: "more than 16 folders deep; a link loop?"))
            return
        }
        guard let directory = opendir(path) else {
            listing.problems.append(RecordAccess.cannotRead(relative, reason: errnoText()))
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let childPath = path + "/" + name
            let childRelative = relative + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_LNK), !RecordAccess.linkStaysInside(childPath, realRoot: realRoot) {
                listing.problems.append(RecordAccess.linkOutside(childRelative))
                continue
            }
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                var info = stat()
                guard stat(childPath, &info) == 0 else {
                    if name.hasSuffix(".toml") || kind == Int32(DT_LNK) {
                        listing.problems.append(RecordAccess.cannotRead(childRelative, reason: errnoText()))
                    }
                    continue
                }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if kind == Int32(DT_DIR) {
                collect(childPath, relative: childRelative, depth: depth + 1, realRoot: realRoot, into: &listing)
            } else if name.hasSuffix(".toml") {
                listing.files.append(childRelative)
            }
        }
    }

    /// The process's umask (read once: mfile never changes it).
    public static let umask: mode_t = {
        let mask = Foundation.umask(0o077)
        _ = Foundation.umask(mask)
        return mask
    }()

    package static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// What listing a record folder found: the files, and what could not be listed or reached.
public struct RecordListing: Sendable {
    public var files: [String] = []
    public var problems: [Diagnostic] = []
}
