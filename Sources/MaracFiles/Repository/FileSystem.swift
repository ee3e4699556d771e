import Foundation

/// Reading whole files and listing record files, the repository's only reads.
public enum FileSystem {
    /// The bytes of a file.
    public static func read(_ url: URL) throws(RepositoryError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw RepositoryError("\(url.path): cannot be read (\(errnoText()))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw RepositoryError("\(url.path): cannot be read (\(errnoText()))") }
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
                throw RepositoryError("\(url.path): cannot be read (\(errnoText()))")
            }
            if got == 0 { break }
            total += got
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    /// Every `*.toml` file below `folder`, as paths relative to `root`, sorted.
    public static func tomlFiles(in folder: String, root: URL) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var found: [String] = []
        while let entry = enumerator.nextObject() as? String {
            if entry.hasSuffix(".toml"), !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                found.append(folder + "/" + entry)
            }
        }
        return found.sorted()
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
