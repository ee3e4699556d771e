import Dispatch
import Foundation
import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

extension Repository {
    /// The repository's records rebuilt from its index (`IndexStore.currentBytes`: brought up
    /// to date first, so an edited file is never missed): every fact of every case and meeting
    /// and the cases whose people match, without opening a record file. The records carry no
    /// free text (`FreeText`) and no diagnostics: a command that prints free text reads the
    /// files it prints.
    ///
    /// `marac.toml` is read as `Repository.load` reads it (the schemas are not: checking files
    /// against them is lint's work). When its protocol settings cannot be used (the index
    /// works out repeats under them), the records are read from their files instead, so the
    /// command reports the problem as it always has.
    /// `progress` counts the files read again.
    public static func fromIndex(
        root: URL, progress: ProgressLine? = nil
    ) throws(RepositoryError) -> (repository: Repository, refresh: IndexStore.Refresh) {
        let found = try withIndex(root: root, progress: progress) { (records, configuration) throws(IndexFormat.Problem) in
            try records.repository(root: root, configuration: configuration)
        }
        guard let found else { return (try load(at: root), .fresh) }
        return found
    }

    /// The records a paper needs, from the index and a few files. `meetings` is given every
    /// meeting's heading (from the index) and names the meeting files to read; `cases` is given
    /// those meetings, read from their files with their free text, and names the cases whose
    /// facts are asked about, from the index with every case their people match (directly or
    /// through another, so repeats and links among them are as over the whole repository),
    /// and among them those whose files are read again. The diagnostics are `marac.toml`'s and
    /// those files'. When `marac.toml` cannot be used, every file is read.
    public static func selected(
        root: URL, progress: ProgressLine? = nil, meetings: ([MeetingHeading]) -> Set<String>,
        cases: ([Meeting]) -> RecordSelection
    ) throws(RepositoryError) -> Repository {
        let schemas = try RecordSchemas.load(repository: root)
        var readProblem: RepositoryError?
        var selection = RecordSelection()
        let found = try withIndex(root: root, progress: progress) { (records, configuration) throws(IndexFormat.Problem) in
            var timer = PhaseTimer()
            let headings = try records.meetingHeadings()
            let files = meetings(headings)
            var read: [Meeting] = [], problems: [Diagnostic] = []
            for heading in headings where files.contains(heading.file) {
                switch readMeeting(heading.file, root: root, schemas: schemas) {
                case .success(let (meeting, diagnostics)):
                    if let meeting { read.append(meeting) }
                    problems += diagnostics
                case .failure(let error): readProblem = error
                }
            }
            timer.lap("meeting files read")
            selection = cases(read)
            var repository = try records.selected(root: root, configuration: configuration, caseIDs: selection.caseIDs, meetings: read)
            repository.diagnostics = problems
            return repository
        }
        if let readProblem { throw readProblem }
        guard var repository = found?.repository else { return try load(at: root) }
        var timer = PhaseTimer()
        for (n, record) in repository.cases.enumerated() where record.id.map(selection.caseFiles.contains) ?? false {
            let (read, problems) = try readRecord(record.file, kind: .case, root: root, schemas: schemas)
            if case .case(let read)? = read { repository.cases[n] = read }
            repository.diagnostics += problems
        }
        timer.lap("case files read again")
        return repository
    }

    private static func readMeeting(
        _ file: String, root: URL, schemas: RecordSchemas
    ) -> Result<(Meeting?, [Diagnostic]), RepositoryError> {
        do {
            let (record, diagnostics) = try readRecord(file, kind: .meeting, root: root, schemas: schemas)
            guard case .meeting(let meeting)? = record else { return .success((nil, diagnostics)) }
            return .success((meeting, diagnostics))
        } catch {
            return .failure(error)
        }
    }

    /// `body` run on the current index (`IndexStore.currentBytes`) with `marac.toml`'s
    /// configuration, its diagnostics put on the repository `body` gives; an index this mfile
    /// cannot read is built again once. `nil` when the configuration cannot be used (the
    /// caller reads the files, so the command reports the problem as it always has).
    static func withIndex(
        root: URL, progress: ProgressLine?,
        _ body: (IndexedRecords, Configuration) throws(IndexFormat.Problem) -> Repository
    ) throws(RepositoryError) -> (repository: Repository, refresh: IndexStore.Refresh)? {
        var timer = PhaseTimer()
        let file = RepositoryLocator.configurationFile
        var diagnostics: [Diagnostic] = []
        let configBytes = try FileSystem.read(root.appendingPathComponent(file))
        try RecordAccess.requireUnlocked(configBytes)
        guard case .success(let configTable) = RecordText.decode(configBytes, file: file) else { return nil }
        let configuration = Configuration(table: configTable, file: file, problems: &diagnostics)
        guard (try? ProtocolEngine.load(configuration)) != nil else { return nil }
        timer.lap("configuration")

        var (bytes, refresh) = try IndexStore.currentBytes(root: root, progress: progress)
        timer.lap("index")
        var repository: Repository
        do {
            let records = try IndexedRecords(bytes)
            timer.lap("index entries")
            repository = try body(records, configuration)
        } catch {
            // Whole and fresh, but not what this mfile reads: never trusted, built again.
            bytes = try IndexBuilder.build(root: root).bytes
            IndexStore.saveOrWarn(bytes, root: root)
            refresh = .rebuilt(reason: "the index file cannot be read")
            do {
                repository = try body(try IndexedRecords(bytes), configuration)
            } catch {
                throw RepositoryError("the index just written cannot be read back; run 'mfile index --full'")
            }
        }
        repository.diagnostics = diagnostics + repository.diagnostics
        timer.lap("records from the index")
        return (repository, refresh)
    }
}

/// A checked index, its records decoded on demand (`IndexFactsCoding`).
package struct IndexedRecords: Sendable {
    let raw: IndexFormat.RawIndex

    /// `bytes` as `IndexStore.currentBytes` or `IndexBuilder` gave them (checked already);
    /// each file's path is made only when a record is decoded.
    package init(_ bytes: [UInt8]) throws(IndexFormat.Problem) {
        raw = try IndexFormat.raw(bytes, checked: true, paths: false)
    }

    /// The file of `entry`.
    func path(_ entry: IndexFormat.RawEntry) -> String { String(decoding: raw.bytes[entry.path], as: UTF8.self) }

    /// Every case and meeting, in file order, with the cases' matches.
    func repository(root: URL, configuration: Configuration) throws(IndexFormat.Problem) -> Repository {
        let parts = split()
        let meetings = try decodeMeetings(parts.meetings)
        return try repository(root: root, configuration: configuration, cases: parts.cases, meetings: meetings, undecoded: parts.undecoded)
    }

    /// Every meeting's heading (`IndexFactsCoding.decodeMeetingHeader`), in file order.
    func meetingHeadings() throws(IndexFormat.Problem) -> [MeetingHeading] {
        var headings: [MeetingHeading] = []
        for entry in raw.entries where entry.kind == 2 {
            var r = ByteReader(raw.bytes, offset: entry.facts.lowerBound)
            guard let header = try? IndexFactsCoding.decodeMeetingHeader(&r) else { throw .malformed }
            headings.append(MeetingHeading(
                file: path(entry), marac: header.marac, date: header.date, kind: header.kind,
                latestOutstandingEnd: header.latestOutstandingEnd))
        }
        return headings
    }

    /// `meetings`, and of the cases those with an id in `caseIDs` and every case their people
    /// match, directly or through another, in file order.
    func selected(
        root: URL, configuration: Configuration, caseIDs wanted: Set<String>, meetings: [Meeting]
    ) throws(IndexFormat.Problem) -> Repository {
        let parts = split()
        let entries = raw.entries, bytes = raw.bytes
        // Each case's id compared as bytes where it is stored: no string made for 100,000 ids.
        let wantedBytes = Dictionary(grouping: wanted.map { Array($0.utf8) }, by: \.count)
        var queue: [Int] = []
        for n in parts.cases {
            var r = ByteReader(bytes, offset: entries[n].record.lowerBound)
            let stored: Int
            do { stored = try r.count() } catch { throw .malformed }
            guard stored > 0, let candidates = wantedBytes[stored - 1] else { continue }
            guard r.offset + stored - 1 <= bytes.count else { throw .malformed }
            let id = bytes[r.offset..<(r.offset + stored - 1)]
            if candidates.contains(where: { $0.elementsEqual(id) }) { queue.append(n) }
        }
        let cases = CaseEntries(records: self, cases: parts.cases)
        var chosen = Set(queue)
        while let n = queue.popLast() {
            var r = ByteReader(bytes, offset: entries[n].relations.lowerBound)
            guard (try? IndexRecordCoding.skipToMatches(&r)) != nil, let matches = try? IndexRecordCoding.decodeMatches(&r)
            else { throw .malformed }
            for match in matches {
                if let other = cases.entry(of: match.file), chosen.insert(other).inserted { queue.append(other) }
            }
        }
        return try repository(
            root: root, configuration: configuration, cases: parts.cases.filter(chosen.contains), meetings: meetings,
            undecoded: parts.undecoded)
    }

    /// The entries of cases and of meetings, and the case files that could not be decoded.
    private func split() -> (cases: [Int], meetings: [Int], undecoded: [String]) {
        var cases: [Int] = [], meetings: [Int] = [], undecoded: [String] = []
        for (n, entry) in raw.entries.enumerated() {
            switch entry.kind {
            case 1: cases.append(n)
            case 2: meetings.append(n)
            default:
                let file = path(entry)
                if file.hasPrefix(Repository.casesFolder + "/") { undecoded.append(file) }
            }
        }
        return (cases, meetings, undecoded)
    }

    private func decodeMeetings(_ positions: [Int]) throws(IndexFormat.Problem) -> [Meeting] {
        try decodeEach(positions) { (r: inout ByteReader, entry) throws(ByteReader.Malformed) in
            try IndexFactsCoding.decodeMeeting(&r, file: path(entry))
        } placeholder: { Meeting(file: path($0)) }
    }

    /// The cases of `caseEntries` decoded, with `meetings`, and the matches among those cases.
    private func repository(
        root: URL, configuration: Configuration, cases caseEntries: [Int], meetings: [Meeting], undecoded: [String]
    ) throws(IndexFormat.Problem) -> Repository {
        let entries = raw.entries, bytes = raw.bytes
        let cases = try decodeEach(caseEntries) { (r: inout ByteReader, entry) throws(ByteReader.Malformed) in
            try IndexFactsCoding.decodeCase(&r, file: path(entry))
        } placeholder: { Case(file: path($0)) }

        var caseIndex: [String: Int] = [:]
        caseIndex.reserveCapacity(cases.count)
        for (a, n) in caseEntries.enumerated() { caseIndex[path(entries[n])] = a }
        var kinds: [Pair: (victim: Bool, perpetrator: Bool)] = [:]
        for (a, n) in caseEntries.enumerated() {
            var r = ByteReader(bytes, offset: entries[n].relations.lowerBound)
            guard (try? IndexRecordCoding.skipToMatches(&r)) != nil, let matches = try? IndexRecordCoding.decodeMatches(&r)
            else { throw .malformed }
            for match in matches {
                guard let b = caseIndex[match.file], b != a else { continue }
                let pair = Pair(first: min(a, b), second: max(a, b))
                let known = kinds[pair] ?? (false, false)
                kinds[pair] = (known.victim || match.sameVictim, known.perpetrator || match.samePerpetrator)
            }
        }
        let matches = kinds.map { pair, kind in
            CaseMatch(first: pair.first, second: pair.second, sameVictim: kind.victim, samePerpetrator: kind.perpetrator)
        }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        var repository = Repository(
            root: root, configuration: configuration, cases: cases, meetings: meetings, diagnostics: [],
            recordFileCount: entries.count, undecodedCaseFiles: undecoded)
        repository.caseMatches = matches
        return repository
    }

    /// The facts of the entries at `positions`, decoded on all cores straight into the array.
    private func decodeEach<T>(
        _ positions: [Int], _ decode: (inout ByteReader, IndexFormat.RawEntry) throws(ByteReader.Malformed) -> T,
        placeholder: (IndexFormat.RawEntry) -> T
    ) throws(IndexFormat.Problem) -> [T] {
        let failed = FailureFlag()
        let entries = raw.entries, bytes = raw.bytes
        let records = [T](unsafeUninitializedCapacity: positions.count) { buffer, initialised in
            let chunk = 256
            let chunks = (positions.count + chunk - 1) / chunk
            let output = UnsafeSendableBuffer(buffer)
            withoutActuallyEscaping(decode) { decode in
                withoutActuallyEscaping(placeholder) { placeholder in
                    let work = UnsafeSendableWork(decode: decode, placeholder: placeholder)
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        for i in (c * chunk)..<min(positions.count, (c + 1) * chunk) {
                            let entry = entries[positions[i]]
                            var r = ByteReader(bytes, offset: entry.facts.lowerBound)
                            var value: T
                            do {
                                value = try work.decode(&r, entry)
                                if r.offset != entry.facts.upperBound { failed.set() }
                            } catch {
                                value = work.placeholder(entry)
                                failed.set()
                            }
                            (output.buffer.baseAddress! + i).initialize(to: value)
                        }
                    }
                }
            }
            initialised = positions.count
        }
        if failed.isSet { throw .malformed }
        return records
    }

    /// The case entries looked up by file: the index keeps its entries in path order, so by
    /// binary search (by a table of every path, should the order ever not hold).
    private final class CaseEntries {
        let records: IndexedRecords
        let cases: [Int]
        lazy var byPath: [String: Int] = Dictionary(cases.map { (records.path(records.raw.entries[$0]), $0) }) { first, _ in first }

        init(records: IndexedRecords, cases: [Int]) {
            self.records = records
            self.cases = cases
        }

        func entry(of path: String) -> Int? {
            let wanted = Array(path.utf8), bytes = records.raw.bytes, entries = records.raw.entries
            func stored(_ n: Int) -> ArraySlice<UInt8> { bytes[entries[cases[n]].path] }
            var low = 0, high = cases.count
            while low < high {
                let middle = (low + high) / 2
                if stored(middle).lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
            }
            if low < cases.count, stored(low).elementsEqual(wanted) { return cases[low] }
            return byPath[path]
        }
    }

    private struct Pair: Hashable {
        var first: Int
        var second: Int
    }

    private var malformed: IndexFormat.Problem { .malformed }
}

private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

private struct UnsafeSendableWork<T>: @unchecked Sendable {
    let decode: (inout ByteReader, IndexFormat.RawEntry) throws(ByteReader.Malformed) -> T
    let placeholder: (IndexFormat.RawEntry) -> T
}
