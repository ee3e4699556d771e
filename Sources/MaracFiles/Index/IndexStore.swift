import Dispatch
import Foundation
import MaracBase
import MaracRepository

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

        /// The one-line note a command prints on standard error, or `nil` when the index was fresh.
        public var note: String? {
            switch self {
            case .fresh: nil
            case .updated: "note: the index was out of date and has been brought up to date"
            case .rebuilt(let reason): "note: the index was rebuilt (\(reason))"
            }
        }
    }

    /// The stored index's bytes, `nil` when there is none.
    static func storedBytes(root: URL) -> [UInt8]? {
        let file = url(root: root)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return (try? FileSystem.read(file)) ?? []
    }

    /// The stored index checked and split into entries, `nil` when there is none, or why it
    /// cannot be used.
    package static func read(root: URL) -> Result<IndexFormat.RawIndex, IndexFormat.Problem>? {
        var timer = PhaseTimer()
        guard let bytes = storedBytes(root: root) else { return nil }
        timer.lap("read index")
        do {
            defer { timer.lap("check index") }
            return .success(try IndexFormat.raw(bytes))
        } catch {
            return .failure(error)
        }
    }

    /// Writes the index atomically.
    public static func save(_ bytes: [UInt8], root: URL) throws(RepositoryError) {
        var timer = PhaseTimer()
        try AtomicWrite.write(bytes, to: url(root: root), access: .ownerOnly)
        timer.lap("write index")
    }

    /// Writes the index; when it cannot be written, says so in one line on standard error (the
    /// reason names the index file, never a record value) and carries on: the command has the
    /// index in memory, and the next one reads the changed files again.
    static func saveOrWarn(_ bytes: [UInt8], root: URL) {
        do {
            try save(bytes, root: root)
        } catch {
            FileHandle.standardError.write(Data(
                "mfile: warning: the index could not be saved (\(error.message)); carrying on without it\n".utf8))
        }
    }

    /// Writes an index held in memory (tests).
    public static func save(_ index: PeopleIndex, root: URL) throws(RepositoryError) {
        try save(IndexFormat.encode(index), root: root)
    }

    /// Whether a whole index's fingerprint is that of the files as they are now: every record
    /// file and `marac.toml` with the size and time recorded, none come or gone.
    static func isFresh(_ bytes: [UInt8], root: URL) -> Bool {
        guard let stored = IndexFormat.fingerprint(bytes) else { return false }
        return stored == IndexFingerprint.current(root: root)
    }

    /// The index bytes for `find`, `links` and `stats`: the stored index when it is whole and
    /// fresh; otherwise brought up to date (stale) or rebuilt (missing, cut short, another
    /// version, failing its checksum, malformed) and saved. A damaged index is never trusted,
    /// not even in part.
    /// With `checkFreshness` false a whole stored index is used without looking at the record
    /// files (`mfile find --no-refresh`); damage is still detected.
    /// `progress` counts the files read again.
    public static func currentBytes(
        root: URL, checkFreshness: Bool = true, progress: ProgressLine? = nil
    ) throws(RepositoryError) -> (bytes: [UInt8], refresh: Refresh) {
        var timer = PhaseTimer()
        var previous: IndexFormat.RawIndex?
        var refresh = Refresh.updated
        // The files' fingerprint is worked out while the stored index is read and checked.
        let current = checkFreshness && FileManager.default.fileExists(atPath: url(root: root).path)
            ? PendingFingerprint(root: root) : nil
        if let bytes = storedBytes(root: root) {
            timer.lap("read index")
            do {
                _ = try IndexFormat.check(bytes)
                timer.lap("checksum")
                if !checkFreshness || IndexFormat.fingerprint(bytes) == current?.value {
                    timer.lap("fingerprint")
                    return (bytes, .fresh)
                }
                previous = try IndexFormat.raw(bytes)
            } catch {
                refresh = .rebuilt(reason: error.description)
            }
        } else {
            refresh = .rebuilt(reason: "there was no index")
        }
        let outcome = try IndexBuilder.update(root: root, previous: previous, progress: progress)
        saveOrWarn(outcome.bytes, root: root)
        return (outcome.bytes, refresh)
    }

    /// `use` applied to the index `currentBytes` gives, worked out while the index is checked:
    /// `use` reads the stored index at once, beside its checksum and the freshness check (both
    /// on all cores); its answer is kept only when the index turns out whole and fresh, and
    /// otherwise `use` runs again on the index brought up to date.
    public static func withCurrentBytes<T: Sendable>(
        root: URL, checkFreshness: Bool = true, _ use: @Sendable ([UInt8]) -> T
    ) throws(RepositoryError) -> (value: T, refresh: Refresh) {
        var timer = PhaseTimer()
        if let bytes = storedBytes(root: root) {
            timer.lap("read index")
            let checked = LockedBox<Bool>()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                checked.value = (try? IndexFormat.check(bytes)) != nil && (!checkFreshness || isFresh(bytes, root: root))
            }
            let early = use(bytes)
            timer.lap("search, beside the checksum and fingerprint")
            group.wait()
            timer.lap("checksum and fingerprint")
            if checked.value == true { return (early, .fresh) }
        }
        let (bytes, refresh) = try currentBytes(root: root, checkFreshness: checkFreshness)
        return (use(bytes), refresh)
    }

    /// The index decoded, brought up to date first as `currentBytes` does.
    public static func current(root: URL) throws(RepositoryError) -> (index: PeopleIndex, refresh: Refresh) {
        let (bytes, refresh) = try currentBytes(root: root)
        do {
            return (try IndexFormat.decode(bytes), refresh)
        } catch {
            throw RepositoryError("the index just written cannot be read back (\(error.description)); run 'mfile index --full'")
        }
    }
}

/// A value set by one thread and read by another after it is done.
private final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// `IndexFingerprint.current` worked out on another thread from the moment it is made.
private final class PendingFingerprint: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: IndexFingerprint?

    init(root: URL) {
        DispatchQueue.global().async { [self] in
            result = IndexFingerprint.current(root: root)
            done.signal()
        }
    }

    /// The fingerprint, once worked out.
    var value: IndexFingerprint {
        done.wait()
        done.signal()
        return result!
    }
}
