import Foundation

/// Where the index lives (`.mfile/index`, git-ignored) and how commands get a fresh one.
public enum IndexStore {
    public static let path = ".mfile/index"

    public static func url(root: URL) -> URL { root.appendingPathComponent(path) }

    /// How the index a command uses was obtained.
    public enum Refresh: Sendable, Equatable {
        /// The stored index matched every file.
        case fresh
        /// The stored index was whole but some files had changed: brought up to date.
        case updated
        /// There was no usable index: built from every file (`reason` says why; no record values).
        case rebuilt(reason: String)
    }

    /// The stored index, `nil` when there is none, or why it cannot be used.
    public static func read(root: URL) -> Result<PeopleIndex, IndexFormat.Problem>? {
        let file = url(root: root)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let bytes = try? FileSystem.read(file) else { return .failure(.malformed) }
        do {
            return .success(try IndexFormat.decode(bytes))
        } catch {
            return .failure(error)
        }
    }

    /// Writes the index atomically.
    public static func save(_ index: PeopleIndex, root: URL) throws(RepositoryError) {
        try AtomicWrite.write(IndexFormat.encode(index), to: url(root: root))
    }

    /// Whether every record file and `marac.toml` has the size and time the index recorded,
    /// and no file has come or gone.
    public static func isFresh(_ index: PeopleIndex, root: URL) -> Bool {
        guard let config = RecordFileStat.stat(IndexBuilder.configurationFile, root: root),
            config.size == index.configuration.size, config.modified == index.configuration.modified
        else { return false }
        let listing = RecordFileStat.list(root: root)
        guard listing.count == index.entries.count else { return false }
        for (file, entry) in zip(listing, index.entries) {
            if file.path != entry.stamp.path || file.size != entry.stamp.size || file.modified != entry.stamp.modified {
                return false
            }
        }
        return true
    }

    /// The index for `find`, `links` and `stats`: the stored one when it is fresh; otherwise
    /// brought up to date (stale) or rebuilt (missing, cut short, another version, failing
    /// its checksum) and saved. A damaged index is never trusted, not even in part.
    public static func current(root: URL) throws(RepositoryError) -> (index: PeopleIndex, refresh: Refresh) {
        var previous: PeopleIndex?
        var refresh = Refresh.updated
        switch read(root: root) {
        case .none:
            refresh = .rebuilt(reason: "there was no index")
        case .failure(let problem):
            refresh = .rebuilt(reason: problem.description)
        case .success(let index):
            if isFresh(index, root: root) { return (index, .fresh) }
            previous = index
        }
        let outcome = try IndexBuilder.update(root: root, previous: previous)
        try? save(outcome.index, root: root)
        return (outcome.index, refresh)
    }
}
