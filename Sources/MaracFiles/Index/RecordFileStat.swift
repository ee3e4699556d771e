import Dispatch
import Foundation
import MaracRepository

/// A record file's size and modification time, as listed without reading it.
public struct RecordFileStat: Sendable, Hashable {
    public var path: String
    public var size: UInt64
    /// Nanoseconds since 1970.
    public var modified: Int64

    /// Every `*.toml` file below `cases/` and `meetings/` (names starting with "." skipped, as
    /// `FileSystem.tomlFiles` does), sorted by path, with `readdir` and `fstatat` only, the
    /// year folders on all cores.
    public static func list(root: URL) -> [RecordFileStat] {
        let folders = folders(root: root)
        let results = FolderResults(count: folders.count)
        let folderList = folders, rootPath = root.path
        // One worker per core, each taking every n-th folder.
        let workers = max(1, min(ProcessInfoCores.count, folderList.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: folderList.count, by: workers) { results.set(i, files(in: folderList[i], root: rootPath)) }
        }
        let all = results.all().flatMap { $0 }
        return zip(all, all.dropFirst()).allSatisfy { $0.path < $1.path } ? all : all.sorted { $0.path < $1.path }
    }

    /// `cases/`, `meetings/` and every folder below them, in path order.
    static func folders(root: URL) -> [String] {
        var folders: [String] = []
        for top in [Repository.casesFolder, Repository.meetingsFolder] { collectFolders(top, root: root.path, into: &folders) }
        return folders
    }

    /// The stat of one file (relative to `root`), if it exists.
    public static func stat(_ path: String, root: URL) -> RecordFileStat? {
        var info = Foundation.stat()
        guard fstatat(AT_FDCWD, root.appendingPathComponent(path).path, &info, 0) == 0 else { return nil }
        return RecordFileStat(path: path, size: UInt64(info.st_size), modified: nanoseconds(info))
    }

    static func nanoseconds(_ info: Foundation.stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// `folder` and every folder below it (not starting with ".").
    private static func collectFolders(_ folder: String, root: String, into folders: inout [String]) {
        guard let dir = opendir(root + "/" + folder) else { return }
        defer { closedir(dir) }
        folders.append(folder)
        var children: [String] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name.hasPrefix(".") { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) {
                children.append(name)
            } else if type == UInt8(DT_UNKNOWN) {
                var info = Foundation.stat()
                if fstatat(dirfd(dir), name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFDIR { children.append(name) }
            }
        }
        for child in children.sorted() { collectFolders(folder + "/" + child, root: root, into: &folders) }
    }

    /// The `*.toml` files directly in `folder`.
    private static func files(in folder: String, root: String) -> [RecordFileStat] {
        guard let dir = opendir(root + "/" + folder) else { return [] }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var found: [RecordFileStat] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            guard !name.hasPrefix("."), name.hasSuffix(".toml") else { continue }
            var info = Foundation.stat()
            guard fstatat(fd, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            found.append(RecordFileStat(path: folder + "/" + name, size: UInt64(info.st_size), modified: nanoseconds(info)))
        }
        return found.sorted { $0.path < $1.path }
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
    }
}

/// One slot per folder, each written by one worker.
private final class FolderResults: @unchecked Sendable {
    private var slots: [[RecordFileStat]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [RecordFileStat]) { lock.lock(); slots[i] = value; lock.unlock() }
    func all() -> [[RecordFileStat]] { slots }
}
