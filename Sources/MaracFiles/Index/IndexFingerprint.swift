import Dispatch
import Foundation
import MaracRepository

/// One number standing for the size and modification time of every record file and of
/// `marac.toml`: the wrapping sum of a hash of each file's (path, size, time), with the
/// file count. The sum does not depend on listing order, so it is computed straight from
/// `readdir` and `fstatat` on all cores without building a path string per file; `find`
/// compares it with the one stored in the index to know the index is fresh.
public struct IndexFingerprint: Sendable, Hashable {
    public var count: UInt64 = 0
    public var sum: UInt64 = 0

    mutating func add(path: UnsafeRawBufferPointer, size: UInt64, modified: Int64) {
        var tail = (size, UInt64(bitPattern: modified))
        let h = withUnsafeBytes(of: &tail) { t in
            ContentHash.hash(path) ^ (ContentHash.hash(t) &* 0x9E37_79B9_7F4A_7C15)
        }
        count &+= 1
        sum &+= h
    }

    mutating func add(_ stamp: FileStamp) {
        var path = stamp.path
        path.withUTF8 { add(path: UnsafeRawBufferPointer($0), size: stamp.size, modified: stamp.modified) }
    }

    mutating func merge(_ other: IndexFingerprint) {
        count &+= other.count
        sum &+= other.sum
    }

    /// The fingerprint of the files as they are now.
    public static func current(root: URL) -> IndexFingerprint {
        var total = IndexFingerprint()
        if let config = RecordFileStat.stat(IndexBuilder.configurationFile, root: root) {
            total.add(FileStamp(path: config.path, size: config.size, modified: config.modified, hash: 0))
        }
        let (folders, problems) = RecordFileStat.foldersAndProblems(root: root)
        // A folder that cannot be listed makes the index stale, so the update reports it.
        if !problems.isEmpty { total.add(FileStamp(path: "\0unreadable", size: 0, modified: -1, hash: 0)) }
        // The folders taken one at a time by whichever core is free (they differ much in size).
        let rootPath = root.path
        let realRoot = RecordAccess.realPath(rootPath) ?? rootPath
        let parts = folders.parallelMap(serialBelow: 2) { fingerprint(folder: $0, root: rootPath, realRoot: realRoot) }
        for part in parts { total.merge(part) }
        return total
    }

    /// The `*.toml` files directly in one folder, as `RecordFileStat.list` lists them. A file
    /// this user cannot read, or a link out of the repository, counts with a modification time
    /// no index holds (-1), so the index is never fresh while it is there.
    private static func fingerprint(folder: String, root: String, realRoot: String) -> IndexFingerprint {
        var result = IndexFingerprint()
        guard let dir = opendir(root + "/" + folder) else { return result }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var path = Array(folder.utf8) + [UInt8(ascii: "/")]
        let prefix = path.count
        let suffix = Array(".toml".utf8)
        while let entry = readdir(dir) {
            let nameLength = withUnsafePointer(to: &entry.pointee.d_name) { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            let skip = withUnsafeBytes(of: &entry.pointee.d_name) { name -> Bool in
                guard nameLength > 0, name[0] != UInt8(ascii: "."), nameLength >= suffix.count else { return true }
                path.removeSubrange(prefix...)
                path.append(contentsOf: name[0..<nameLength])
                return !path.suffix(suffix.count).elementsEqual(suffix)
            }
            if skip { continue }
            var info = stat()
            let ok = withUnsafePointer(to: &entry.pointee.d_name) {
                fstatat(fd, UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), &info, 0) == 0
            }
            guard ok, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            var modified = RecordFileStat.nanoseconds(info)
            if !RecordFileStat.isReadable(info) { modified = -1 }
            if entry.pointee.d_type == UInt8(DT_LNK),
               !RecordAccess.linkStaysInside(root + "/" + String(decoding: path, as: UTF8.self), realRoot: realRoot) {
                modified = -1
            }
            path.withUnsafeBytes { result.add(path: $0, size: UInt64(info.st_size), modified: modified) }
        }
        return result
    }
}
