import Foundation
import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// Builds or brings up to date the people-and-case index of a repository.
///
/// Incremental: a file whose size and modification time (to the nanosecond) are those the
/// index recorded is trusted and not opened, and its entry is copied as bytes. Any other file
/// is read and hashed; if its content hash and size still match (a `touch`, a checkout of the
/// same bytes) its entry is kept with the new stamp, otherwise it is decoded again. So all
/// three are compared, and the hash is only computed for files whose size or time moved.
///
/// Repeats and links (`RepeatDetection`) are worked out again only for the cases a change can
/// affect: the changed cases and every case sharing a blocking key (role, last word of a name,
/// dob) with their old or new version, each analysed with the cases sharing a key with it. A
/// change to `marac.toml` works them out for every case. The index does not validate records
/// against the schemas (that is `mfile lint`); it keeps what it can read.
public enum IndexBuilder {
    /// The new index (as written) and what it took to make it.
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// Files opened and hashed (changed size or time, or new).
        public var filesRead: Int
        /// Of those, files decoded again (their content had changed).
        public var filesDecoded: Int
        /// Files taken from the previous index without being opened.
        public var filesReused: Int
        /// Cases whose repeats and links were worked out again.
        public var casesRelated: Int
        public var caseCount: Int
        public var meetingCount: Int
        /// Whether nothing had changed since the previous index (which is then `bytes`).
        public var unchanged: Bool
    }

    public static let configurationFile = RepositoryLocator.configurationFile

    /// Where one entry of the new index comes from.
    private enum Source {
        /// Copied from the previous index (with, maybe, a new stamp).
        case raw(IndexFormat.RawEntry)
        /// Read again from its file.
        case fresh(IndexedRecord)
    }

    /// A full build: every file read.
    public static func build(root: URL) throws(RepositoryError) -> Outcome {
        try update(root: root, previous: nil)
    }

    /// Brings a stored index (or nothing: a full build) up to date with the files under `root`;
    /// `progress` counts the files read again.
    package static func update(root: URL, previous: IndexFormat.RawIndex?, progress: ProgressLine? = nil) throws(RepositoryError) -> Outcome {
        var timer = PhaseTimer()
        let configBytes = try FileSystem.read(root.appendingPathComponent(configurationFile))
        try RecordAccess.requireUnlocked(configBytes)
        guard let configStat = RecordFileStat.stat(configurationFile, root: root) else {
            throw RepositoryError("\(configurationFile) cannot be read")
        }
        let configStamp = FileStamp(
            path: configurationFile, size: configStat.size, modified: configStat.modified,
            hash: ContentHash.hash(configBytes))
        let (listing, listingProblems) = RecordFileStat.listing(root: root)
        timer.lap("list")

        // Merge the sorted listing with the sorted previous entries.
        let old = previous?.entries ?? []
        var sources: [Source?] = Array(repeating: nil, count: listing.count)
        var toRead: [(Int, IndexFormat.RawEntry?)] = []
        var removed: [IndexFormat.RawEntry] = []
        var j = 0
        for (i, file) in listing.enumerated() {
            while j < old.count, old[j].stamp.path < file.path { removed.append(old[j]); j += 1 }
            if j < old.count, old[j].stamp.path == file.path {
                if old[j].stamp.size == file.size, old[j].stamp.modified == file.modified {
                    sources[i] = .raw(old[j])
                } else {
                    toRead.append((i, old[j]))
                }
                j += 1
            } else {
                toRead.append((i, nil))
            }
        }
        removed += old[j...]

        progress?.begin(toRead.count)
        let read = toRead.parallelMap { i, entry in
            defer { progress?.advance() }
            return readEntry(listing[i], root: root, previous: entry)
        }
        // Never an index without a file it could not read: the command says so instead.
        if read.contains(where: { $0.problem == .locked }) { throw RepositoryError(RecordAccess.lockedMessage) }
        let unreadable = listingProblems + read.compactMap { entry -> Diagnostic? in
            if case .unreadable(let finding)? = entry.problem { return finding }
            return nil
        }
        if !unreadable.isEmpty { throw RecordAccess.unreadable(unreadable) }
        var stamps = listing.map { FileStamp(path: $0.path, size: $0.size, modified: $0.modified, hash: 0) }
        var decoded = 0
        var changedKeys: [BlockingKey] = []
        let bytes = previous?.bytes ?? []
        for (n, (i, entry)) in toRead.enumerated() {
            let (stamp, source, _) = read[n]
            sources[i] = source
            if case .fresh(let record) = source {
                decoded += 1
                if let entry, entry.kind == 1 { changedKeys += keys(of: entry, in: bytes) }
                if case .case(let item) = record { changedKeys += IndexRecordCoding.blockingKeys(item) }
            }
            stamps[i] = stamp
        }
        for (i, source) in sources.enumerated() {
            if case .raw(let entry) = source!, stamps[i].hash == 0 { stamps[i].hash = entry.stamp.hash }
        }
        for entry in removed where entry.kind == 1 { changedKeys += keys(of: entry, in: bytes) }
        timer.lap("read changed")

        let configChanged = previous.map { $0.configuration.hash != configStamp.hash } ?? true
        if let previous, toRead.isEmpty, removed.isEmpty, configStamp == previous.configuration {
            return outcome(bytes: previous.bytes, sources: sources, read: 0, decoded: 0, related: 0, unchanged: true)
        }

        // Repeats and links of the cases a change can affect.
        let relations = try related(
            sources: sources, bytes: bytes, changedKeys: changedKeys, everything: configChanged, configBytes: configBytes)
        timer.lap("relations")

        var fingerprint = IndexFingerprint()
        fingerprint.add(configStamp)
        for stamp in stamps { fingerprint.add(stamp) }
        var w = ByteWriter()
        w.bytes.reserveCapacity(max(bytes.count, listing.count * 300) + 1024)
        w.word(fingerprint.count)
        w.word(fingerprint.sum)
        IndexRecordCoding.stamp(configStamp, &w)
        w.count(listing.count)
        for (i, source) in sources.enumerated() {
            IndexRecordCoding.stamp(stamps[i], &w)
            switch source! {
            case .raw(let entry):
                w.byte(entry.kind)
                switch entry.kind {
                case 1:
                    copyPart(bytes, entry.record, &w)
                    copyPart(bytes, entry.keys, &w)
                    if let rel = relations[i] { IndexFormat.part(&w) { $0.bytes += rel } } else { copyPart(bytes, entry.relations, &w) }
                case 2: copyPart(bytes, entry.record, &w)
                default: break
                }
            case .fresh(let record):
                switch record {
                case .unreadable: w.byte(0)
                case .case(let item):
                    w.byte(1)
                    IndexFormat.part(&w) { IndexRecordCoding.encodeCase(item, &$0) }
                    IndexFormat.part(&w) { IndexRecordCoding.encodeKeys(IndexRecordCoding.blockingKeys(item), &$0) }
                    IndexFormat.part(&w) { $0.bytes += relations[i] ?? [0, 0] }
                case .meeting(let item):
                    w.byte(2)
                    IndexFormat.part(&w) { IndexRecordCoding.encodeMeeting(item, &$0) }
                }
            }
        }
        let sealed = IndexFormat.seal(w.bytes)
        timer.lap("encode")
        return outcome(bytes: sealed, sources: sources, read: toRead.count, decoded: decoded, related: relations.count, unchanged: false)
    }

    private static func outcome(bytes: [UInt8], sources: [Source?], read: Int, decoded: Int, related: Int, unchanged: Bool) -> Outcome {
        var cases = 0, meetings = 0
        for source in sources {
            switch source! {
            case .raw(let e): if e.kind == 1 { cases += 1 } else if e.kind == 2 { meetings += 1 }
            case .fresh(.case): cases += 1
            case .fresh(.meeting): meetings += 1
            case .fresh(.unreadable): break
            }
        }
        return Outcome(
            bytes: bytes, filesRead: read, filesDecoded: decoded, filesReused: sources.count - read,
            casesRelated: related, caseCount: cases, meetingCount: meetings, unchanged: unchanged)
    }

    private static func copyPart(_ bytes: [UInt8], _ range: Range<Int>, _ w: inout ByteWriter) {
        w.count(range.count)
        w.bytes.append(contentsOf: bytes[range])
    }

    private static func keys(of entry: IndexFormat.RawEntry, in bytes: [UInt8]) -> [BlockingKey] {
        var r = ByteReader(bytes, offset: entry.keys.lowerBound)
        return (try? IndexRecordCoding.decodeKeys(&r)) ?? []
    }

    /// The encoded repeats and links of each affected case, by entry position.
    private static func related(
        sources: [Source?], bytes: [UInt8], changedKeys: [BlockingKey], everything: Bool, configBytes: [UInt8]
    ) throws(RepositoryError) -> [Int: [UInt8]] {
        var caseKeys: [Int: [BlockingKey]] = [:]
        for (i, source) in sources.enumerated() {
            switch source! {
            case .raw(let e) where e.kind == 1: caseKeys[i] = keys(of: e, in: bytes)
            case .fresh(.case(let item)): caseKeys[i] = IndexRecordCoding.blockingKeys(item)
            default: break
            }
        }
        func sharing(_ wanted: [BlockingKey]) -> Set<Int> {
            var byStem: [UInt64: [UInt64]] = [:]
            for k in wanted { byStem[k.stem, default: []].append(k.dob) }
            var found = Set<Int>()
            for (i, keys) in caseKeys where keys.contains(where: { k in
                byStem[k.stem].map { dobs in dobs.contains { $0 == k.dob || $0 == 0 || k.dob == 0 } } ?? false
            }) { found.insert(i) }
            return found
        }
        var affected: Set<Int>
        if everything {
            affected = Set(caseKeys.keys)
        } else {
            affected = sharing(changedKeys)
            for (i, source) in sources.enumerated() { if case .fresh(.case) = source! { affected.insert(i) } }
        }
        if affected.isEmpty { return [:] }
        let context = everything ? affected : affected.union(sharing(affected.flatMap { caseKeys[$0] ?? [] }))
        let order = context.sorted()
        var cases: [IndexedCase] = []
        for i in order {
            switch sources[i]! {
            case .raw(let e):
                var r = ByteReader(bytes, offset: e.record.lowerBound)
                guard let item = try? IndexRecordCoding.decodeCase(&r, file: e.stamp.path) else { continue }
                cases.append(item)
            case .fresh(.case(let item)): cases.append(item)
            default: continue
            }
        }
        let engine = try protocolEngine(configBytes)
        let found = RepeatDetection.analyse(cases.map(\.caseSummary), rules: engine.rules, calendar: engine.calendar)
        var repeats: [String: [IndexedRepeat]] = [:]
        for r in found.repeats {
            repeats[r.caseID, default: []].append(
                IndexedRepeat(referral: r.referral, previousCaseID: r.previousCaseID, previousReferral: r.previousReferral))
        }
        var links: [String: [IndexedLink]] = [:]
        for link in found.links {
            links[link.caseIDs[0], default: []].append(IndexedLink(caseID: link.caseIDs[1], kind: link.kind))
            links[link.caseIDs[1], default: []].append(IndexedLink(caseID: link.caseIDs[0], kind: link.kind))
        }
        var result: [Int: [UInt8]] = [:]
        var position: [Int: Int] = [:]
        for (n, i) in order.enumerated() { position[i] = n }
        for i in affected {
            var w = ByteWriter()
            var id: String?
            switch sources[i]! {
            case .raw(let e):
                var r = ByteReader(bytes, offset: e.record.lowerBound)
                id = (try? r.optionalString()) ?? nil
            case .fresh(.case(let item)): id = item.id
            default: break
            }
            let key = id ?? ""
            IndexRecordCoding.encodeRelations(
                repeats: (repeats[key] ?? []).sorted { $0.referral < $1.referral },
                links: (links[key] ?? []).sorted { ($0.caseID, $0.kind.rawValue) < ($1.caseID, $1.kind.rawValue) }, &w)
            result[i] = w.bytes
        }
        return result
    }

    /// Why a file could not be indexed: this copy is locked, or the file cannot be read.
    private enum ReadProblem: Equatable {
        case locked
        case unreadable(Diagnostic)
    }

    /// Reads one changed file: its stamp, and either the previous entry (same hash and size)
    /// or what it holds now; or why it cannot be read.
    private static func readEntry(
        _ file: RecordFileStat, root: URL, previous: IndexFormat.RawEntry?
    ) -> (stamp: FileStamp, source: Source, problem: ReadProblem?) {
        let unread = FileStamp(path: file.path, size: file.size, modified: file.modified, hash: 0)
        let bytes: [UInt8]
        switch FileSystem.readBytes(path: root.appendingPathComponent(file.path).path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            return (unread, .fresh(.unreadable), .unreadable(RecordAccess.cannotRead(file.path, reason: failure.reason)))
        }
        if RecordAccess.isEncrypted(bytes) { return (unread, .fresh(.unreadable), .locked) }
        let stamp = FileStamp(path: file.path, size: UInt64(bytes.count), modified: file.modified, hash: ContentHash.hash(bytes))
        if let previous, previous.stamp.hash == stamp.hash, previous.stamp.size == stamp.size {
            return (stamp, .raw(previous), nil)
        }
        return (stamp, .fresh(summarise(bytes, file: file.path)), nil)
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

    /// The protocol engine of `marac.toml` (for the repeat window).
    static func protocolEngine(_ bytes: [UInt8]) throws(RepositoryError) -> ProtocolEngine {
        var problems: [Diagnostic] = []
        guard case .success(let table) = RecordText.decode(bytes, file: configurationFile) else {
            throw RepositoryError("\(configurationFile) cannot be read as TOML; run 'mfile lint' to see where")
        }
        let configuration = Configuration(table: table, file: configurationFile, problems: &problems)
        do {
            return try ProtocolEngine.load(configuration)
        } catch {
            throw RepositoryError(error.message)
        }
    }
}
