import Foundation

/// Builds or brings up to date the people-and-case index of a repository.
///
/// Incremental: a file whose size and modification time (to the nanosecond) are those the
/// index recorded is trusted and not opened. Any other file is read and hashed; if its
/// content hash and size still match (a `touch`, a checkout of the same bytes) its summary is
/// kept with the new stamp, otherwise it is decoded again. So all three are compared, and the
/// hash is only computed for files whose size or time moved. The index does not validate
/// against the schemas (that is `mfile lint`); it keeps what it can read.
public enum IndexBuilder {
    /// The index and what it took to make it.
    public struct Outcome: Sendable {
        public var index: PeopleIndex
        /// Files opened and hashed (changed size or time, or new).
        public var filesRead: Int
        /// Of those, files decoded again (their content had changed).
        public var filesDecoded: Int
        /// Files taken from the previous index without being opened.
        public var filesReused: Int
        /// Whether nothing had changed since `previous`.
        public var unchanged: Bool
    }

    public static let configurationFile = RepositoryLocator.configurationFile

    /// Brings `previous` (or nothing: a full build) up to date with the files under `root`.
    public static func update(root: URL, previous: PeopleIndex?) throws(RepositoryError) -> Outcome {
        let configBytes = try FileSystem.read(root.appendingPathComponent(configurationFile))
        guard let configStat = RecordFileStat.stat(configurationFile, root: root) else {
            throw RepositoryError("\(configurationFile) cannot be read")
        }
        let configStamp = FileStamp(
            path: configurationFile, size: configStat.size, modified: configStat.modified,
            hash: ContentHash.hash(configBytes))

        let listing = RecordFileStat.list(root: root)
        var previousByPath: [String: IndexEntry] = [:]
        if let previous {
            previousByPath.reserveCapacity(previous.entries.count)
            for entry in previous.entries { previousByPath[entry.stamp.path] = entry }
        }
        var entries: [IndexEntry?] = Array(repeating: nil, count: listing.count)
        var toRead: [Int] = []
        for (i, file) in listing.enumerated() {
            if let old = previousByPath[file.path], old.stamp.size == file.size, old.stamp.modified == file.modified {
                entries[i] = old
            } else {
                toRead.append(i)
            }
        }
        let byPath = previousByPath
        let read = toRead.parallelMap { i -> (IndexEntry, Bool) in
            readEntry(listing[i], root: root, previous: byPath[listing[i].path])
        }
        var decoded = 0
        for (n, i) in toRead.enumerated() {
            entries[i] = read[n].0
            if read[n].1 { decoded += 1 }
        }
        var finished = entries.map { $0! }
        let unchanged = previous != nil && decoded == 0 && listing.count == previous!.entries.count
            && configStamp.hash == previous!.configuration.hash
        if unchanged, let previous {
            // Same records: keep the worked-out relations, take the new stamps.
            for i in finished.indices { finished[i].record = previous.entries[i].record }
        } else {
            let rules = try repeatRules(configBytes)
            CaseRelations.attach(to: &finished, rules: rules)
        }
        return Outcome(
            index: PeopleIndex(entries: finished, configuration: configStamp),
            filesRead: toRead.count, filesDecoded: decoded, filesReused: listing.count - toRead.count,
            unchanged: unchanged && toRead.isEmpty)
    }

    /// Reads one changed file; the flag says whether it was decoded (its hash had changed).
    static func readEntry(_ file: RecordFileStat, root: URL, previous: IndexEntry?) -> (IndexEntry, Bool) {
        guard let bytes = try? FileSystem.read(root.appendingPathComponent(file.path)) else {
            return (IndexEntry(stamp: FileStamp(path: file.path, size: file.size, modified: file.modified, hash: 0), record: .unreadable), true)
        }
        let stamp = FileStamp(path: file.path, size: UInt64(bytes.count), modified: file.modified, hash: ContentHash.hash(bytes))
        if let previous, previous.stamp.hash == stamp.hash, previous.stamp.size == stamp.size {
            return (IndexEntry(stamp: stamp, record: previous.record), false)
        }
        return (IndexEntry(stamp: stamp, record: summarise(bytes, file: file.path)), true)
    }

    /// What the index keeps of one record file's bytes.
    static func summarise(_ bytes: [UInt8], file: String) -> IndexedRecord {
        guard case .success(let table) = RecordText.decode(bytes, file: file) else { return .unreadable }
        var ignored: [Diagnostic] = []
        if file.hasPrefix(Repository.meetingsFolder + "/") {
            return .meeting(IndexedMeeting(Meeting(table: table, file: file, problems: &ignored)))
        }
        return .case(IndexedCase(Case(table: table, file: file, problems: &ignored)))
    }

    /// The protocol rules of `marac.toml` (for the repeat window).
    static func repeatRules(_ bytes: [UInt8]) throws(RepositoryError) -> ProtocolRules {
        var problems: [Diagnostic] = []
        guard case .success(let table) = RecordText.decode(bytes, file: configurationFile) else {
            throw RepositoryError("\(configurationFile) cannot be read as TOML; run 'mfile lint' to see where")
        }
        let configuration = Configuration(table: table, file: configurationFile, problems: &problems)
        do {
            return try ProtocolContext.load(configuration).rules
        } catch {
            throw RepositoryError("the protocol settings in \(configurationFile) cannot be used; run 'mfile rules' to see why")
        }
    }
}
