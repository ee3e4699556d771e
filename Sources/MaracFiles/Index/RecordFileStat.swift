import Dispatch
import Foundation
import MaracBase
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
        listing(root: root).files
    }

    /// The record files as `list` gives them, and every folder that cannot be listed, file
    /// this user cannot read and link leading outside the repository (`[io]`,
    /// `[outside-link]` findings, as `FileSystem.recordListing` reports them).
    public static func listing(root: URL) -> (files: [RecordFileStat], problems: [Diagnostic]) {
        let (folders, folderProblems) = foldersAndProblems(root: root)
        let results = FolderResults(count: folders.count)
        let folderList = folders, rootPath = root.path
        let realRoot = RecordAccess.realPath(rootPath) ?? rootPath
        // One worker per core, each taking every n-th folder.
        let workers = max(1, min(ProcessInfoCores.count, folderList.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: folderList.count, by: workers) {
                results.set(i, files(in: folderList[i], root: rootPath, realRoot: realRoot))
            }
        }
        let parts = results.all()
        let all = parts.flatMap(\.files)
        let sorted = zip(all, all.dropFirst()).allSatisfy { $0.path < $1.path } ? all : all.sorted { $0.path < $1.path }
        return (sorted, folderProblems + parts.flatMap(\.problems))
    }

    /// `cases/`, `meetings/` and every folder below them, in path order.
    static func folders(root: URL) -> [String] {
        foldersAndProblems(root: root).folders
    }

    /// The folders, and those that could not be listed (a missing top folder is no problem).
    static func foldersAndProblems(root: URL) -> (folders: [String], problems: [Diagnostic]) {
        var folders: [String] = []
        var problems: [Diagnostic] = []
        let realRoot = RecordAccess.realPath(root.path) ?? root.path
        for top in [Repository.casesFolder, Repository.meetingsFolder] {
            var info = Foundation.stat()
            if lstat(root.appendingPathComponent(top).path, &info) != 0, errno == ENOENT { continue }
            collectFolders(top, root: root.path, realRoot: realRoot, depth: 0, into: &folders, problems: &problems)
        }
        return (folders, problems)
    }

    /// Whether this process may read a file with this `stat` (by its permission bits; the
    /// superuser reads everything).
    static func isReadable(_ info: Foundation.stat) -> Bool {
        if Identity.user == 0 { return true }
        if info.st_uid == Identity.user { return info.st_mode & S_IRUSR != 0 }
        if Identity.groups.contains(info.st_gid) { return info.st_mode & S_IRGRP != 0 }
        return info.st_mode & S_IROTH != 0
    }

    private enum Identity {
        static let user = geteuid()
        static let groups: Set<gid_t> = {
            var list = [gid_t](repeating: 0, count: Int(getgroups(0, nil)) + 1)
            let count = getgroups(Int32(list.count), &list)
            return Set(list.prefix(max(0, Int(count)))).union([getegid()])
        }()
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
    private static func collectFolders(
        _ folder: String, root: String, realRoot: String, depth: Int, into folders: inout [String], problems: inout [Diagnostic]
    ) {
        guard depth < 16 else {
            problems.append(RecordAccess.cannotRead(folder, reason: "more than 16 folders deep; a link loop?"))
            return
        }
        guard let dir = opendir(root + "/" + folder) else {
            problems.append(RecordAccess.cannotRead(folder, reason: String(cString: strerror(errno))))
            return
        }
        defer { closedir(dir) }
        folders.append(folder)
        var children: [String] = []
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            if type == UInt8(DT_REG) { continue }  // only folders and links lead further (no name made)
            let name = entryName(entry)
            if name.hasPrefix(".") { continue }
            if type == UInt8(DT_DIR) {
                children.append(name)
            } else if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                if type == UInt8(DT_LNK), !RecordAccess.linkStaysInside(root + "/" + folder + "/" + name, realRoot: realRoot) {
                    if !name.hasSuffix(".toml") {
                        problems.append(RecordAccess.linkOutside(folder + "/" + name))
                    }
                    continue
                }
                var info = Foundation.stat()
                if fstatat(dirfd(dir), name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFDIR { children.append(name) }
            }
        }
        for child in children.sorted() {
            collectFolders(folder + "/" + child, root: root, realRoot: realRoot, depth: depth + 1, into: &folders, problems: &problems)
        }
    }

    /// The `*.toml` files directly in `folder`, and those that cannot be read.
    private static func files(in folder: String, root: String, realRoot: String) -> (files: [RecordFileStat], problems: [Diagnostic]) {
        guard let dir = opendir(root + "/" + folder) else { return ([], []) }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var found: [RecordFileStat] = []
        var problems: [Diagnostic] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            guard !name.hasPrefix("."), name.hasSuffix(".toml") else { continue }
            let path = folder + "/" + name
            if entry.pointee.d_type == UInt8(DT_LNK), !RecordAccess.linkStaysInside(root + "/" + path, realRoot: realRoot) {
                problems.append(RecordAccess.linkOutside(path))
                continue
            }
            var info = Foundation.stat()
            guard fstatat(fd, name, &info, 0) == 0 else {
                problems.append(RecordAccess.cannotRead(path, reason: String(cString: strerror(errno))))
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else { continue }
            guard isReadable(info) else {
                problems.append(RecordAccess.cannotRead(path, reason: String(cString: strerror(EACCES))))
                continue
            }
            found.append(RecordFileStat(path: path, size: UInt64(info.st_size), modified: nanoseconds(info)))
        }
        return (found.sorted { $0.path < $1.path }, problems)
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
    }
}

/// One slot per folder, each written by one worker.
private final class FolderResults: @unchecked Sendable {
    private var slots: [(files: [RecordFileStat], problems: [Diagnostic])]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: ([], []), count: count) }
    func set(_ i: Int, _ value: (files: [RecordFileStat], problems: [Diagnostic])) { lock.lock(); slots[i] = value; lock.unlock() }
    func all() -> [(files: [RecordFileStat], problems: [Diagnostic])] { slots }
}
