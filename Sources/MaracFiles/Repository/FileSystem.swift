import Foundation

/// Reading whole files and listing record files, the repository's only reads.
public enum FileSystem {
    /// The bytes of a file.
    public static func read(_ url: URL) throws(RepositoryError) -> [UInt8] {
        try read(path: url.path)
    }

    /// The bytes of the file at `path` (no URL made: the parallel scan reads many files).
    public static func read(path: String) throws(RepositoryError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw RepositoryError("\(path): cannot be read (\(errnoText()))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw RepositoryError("\(path): cannot be read (\(errnoText()))") }
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
                throw RepositoryError("\(path): cannot be read (\(errnoText()))")
            }
            if got == 0 { break }
            total += got
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    /// Every `*.toml` file below `folder`, as paths relative to `root`, sorted. Hidden files
    /// and folders are skipped.
    public static func tomlFiles(in folder: String, root: URL) -> [String] {
        var found: [String] = []
        collect(root.appendingPathComponent(folder).path, relative: folder, depth: 0, into: &found)
        return found.sorted()
    }

    private static func collect(_ path: String, relative: String, depth: Int, into found: inout [String]) {
        // Linked folders are followed; the depth limit stops a link loop.
        guard depth < 16, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let childPath = path + "/" + name
            let childRelative = relative + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                var info = stat()
                guard stat(childPath, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if kind == Int32(DT_DIR) {
                collect(childPath, relative: childRelative, depth: depth + 1, into: &found)
            } else if name.hasSuffix(".toml") {
                found.append(childRelative)
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
