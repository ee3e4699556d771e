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
    public static func fromIndex(root: URL) throws(RepositoryError) -> (repository: Repository, refresh: IndexStore.Refresh) {
        var timer = PhaseTimer()
        let file = RepositoryLocator.configurationFile
        var diagnostics: [Diagnostic] = []
        guard case .success(let configTable) = RecordText.decode(try FileSystem.read(root.appendingPathComponent(file)), file: file)
        else { return (try load(at: root), .fresh) }
        let configuration = Configuration(table: configTable, file: file, problems: &diagnostics)
        guard (try? ProtocolEngine.load(configuration)) != nil else { return (try load(at: root), .fresh) }
        timer.lap("configuration")

        var (bytes, refresh) = try IndexStore.currentBytes(root: root)
        timer.lap("index")
        var repository: Repository
        do {
            repository = try IndexedRecords(bytes).repository(root: root, configuration: configuration)
        } catch {
            // Whole and fresh, but not what this mfile reads: never trusted, built again.
            bytes = try IndexBuilder.build(root: root).bytes
            try? IndexStore.save(bytes, root: root)
            refresh = .rebuilt(reason: "the index file cannot be read")
            do {
                repository = try IndexedRecords(bytes).repository(root: root, configuration: configuration)
            } catch {
                throw RepositoryError("the index just written cannot be read back; run 'mfile index --full'")
            }
        }
        repository.diagnostics = diagnostics
        timer.lap("records from the index")
        return (repository, refresh)
    }
}

/// A checked index, its records decoded on demand (`IndexFactsCoding`).
package struct IndexedRecords: Sendable {
    let raw: IndexFormat.RawIndex

    package init(_ bytes: [UInt8]) throws(IndexFormat.Problem) {
        raw = try IndexFormat.raw(bytes)
    }

    /// Every case and meeting, in file order, with the cases' matches.
    func repository(root: URL, configuration: Configuration) throws(IndexFormat.Problem) -> Repository {
        let entries = raw.entries
        var caseEntries: [Int] = [], meetingEntries: [Int] = [], undecoded: [String] = []
        for (n, entry) in entries.enumerated() {
            switch entry.kind {
            case 1: caseEntries.append(n)
            case 2: meetingEntries.append(n)
            default: if entry.stamp.path.hasPrefix(Repository.casesFolder + "/") { undecoded.append(entry.stamp.path) }
            }
        }
        let bytes = raw.bytes
        let cases = try decodeEach(caseEntries) { (r: inout ByteReader, entry) throws(ByteReader.Malformed) in
            try IndexFactsCoding.decodeCase(&r, file: entry.stamp.path)
        } placeholder: { Case(file: $0.stamp.path) }
        let meetings = try decodeEach(meetingEntries) { (r: inout ByteReader, entry) throws(ByteReader.Malformed) in
            try IndexFactsCoding.decodeMeeting(&r, file: entry.stamp.path)
        } placeholder: { Meeting(file: $0.stamp.path) }

        var caseIndex: [String: Int] = [:]
        caseIndex.reserveCapacity(cases.count)
        for (a, n) in caseEntries.enumerated() { caseIndex[entries[n].stamp.path] = a }
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
