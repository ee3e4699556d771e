import Dispatch
import Foundation
import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

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
