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
        // The year folders, taken one at a time by whichever core is free (they differ much in
        // size); each folder is read once, its sub-folders with it.
        let rootPath = root.path
        var folders: [String] = []
        for top in [Repository.casesFolder, Repository.meetingsFolder] {
            total.merge(fingerprint(folder: top, root: rootPath, recursive: false, subfolders: &folders))
        }
        let parts = folders.parallelMap { folder in
            var nested: [String] = []
            return fingerprint(folder: folder, root: rootPath, recursive: true, subfolders: &nested)
        }
        for part in parts { total.merge(part) }
        return total
    }

    /// The `*.toml` files directly in one folder, as `RecordFileStat.list` lists them, and with
    /// `recursive` those of every folder below it; otherwise the folders below are added to
    /// `subfolders`. No string is made per file.
    private static func fingerprint(
        folder: String, root: String, recursive: Bool, subfolders: inout [String]
    ) -> IndexFingerprint {
        var result = IndexFingerprint()
        guard let dir = opendir(root + "/" + folder) else { return result }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var path = Array(folder.utf8) + [UInt8(ascii: "/")]
        let prefix = path.count
        var children: [String] = []
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            var info = stat()
            let isFile = withUnsafeBytes(of: &entry.pointee.d_name) { name -> Bool in
                let length = strnlen(name.baseAddress!.assumingMemoryBound(to: CChar.self), name.count)
                guard length > 0, name[0] != UInt8(ascii: ".") else { return false }
                if type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) {
                    let isFolder = type == UInt8(DT_DIR)
                        || (fstatat(fd, name.baseAddress!.assumingMemoryBound(to: CChar.self), &info, 0) == 0
                            && (info.st_mode & S_IFMT) == S_IFDIR)
                    if isFolder {
                        children.append(String(decoding: name[0..<length], as: UTF8.self))
                        return false
                    }
                    if type == UInt8(DT_DIR) { return false }
                }
                guard length >= 5, name[length - 5] == UInt8(ascii: "."), name[length - 4] == UInt8(ascii: "t"),
                      name[length - 3] == UInt8(ascii: "o"), name[length - 2] == UInt8(ascii: "m"),
                      name[length - 1] == UInt8(ascii: "l") else { return false }
                path.removeSubrange(prefix...)
                path.append(contentsOf: name[0..<length])
                return true
            }
            guard isFile else { continue }
            let ok = withUnsafePointer(to: &entry.pointee.d_name) {
                fstatat(fd, UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), &info, 0) == 0
            }
            guard ok, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            path.withUnsafeBytes {
                result.add(path: $0, size: UInt64(info.st_size), modified: RecordFileStat.nanoseconds(info))
            }
        }
        for child in children.sorted() {
            if recursive {
                result.merge(fingerprint(folder: folder + "/" + child, root: root, recursive: true, subfolders: &subfolders))
            } else {
                subfolders.append(folder + "/" + child)
            }
        }
        return result
    }
}
