import MaracBase
import MaracRecords
import MaracRepository

/// `mfile find`: the people of the index matching a name, ranked.
///
/// The search reads the index's bytes in place: for each case it reads the id and each
/// person's role, dob and name forms, and matches the name bytes (`NameQuery`) without
/// decoding anything else, so a 100,000-case index is searched in a few tens of milliseconds.
public enum PeopleSearch {
    /// One person found: where they appear, how their name matched, and whether the dob agreed.
    public struct Hit: Sendable {
        /// The name as written in the record.
        public var name: String
        /// The alias that matched, if the best match was an alias.
        public var matchedAlias: String?
        public var role: Person.Role
        public var dob: LocalDate?
        public var match: NameMatch
        /// `--dob` was given and equals the person's dob.
        public var dobMatches: Bool
        /// The cases the person appears in, in this role, sorted.
        public var caseIDs: [String]
    }

    /// People matching `query` (best match of any of their names), ranked: match kind, then
    /// a matching dob, then name. With `dob`, people whose dob differs are left out (people
    /// without a dob stay, after those whose dob matches), then name, role, first case and dob.
    /// The same person (same name as written, role and dob) in several cases is one hit with
    /// every case id.
    ///
    /// The entries are cut into one run per core, searched at the same time, and the runs'
    /// findings merged in index order (so a person's best match and alias are those a single
    /// pass would keep).
    public static func find(_ query: NameQuery, dob: LocalDate? = nil, in index: [UInt8]) throws(IndexFormat.Problem) -> [Hit] {
        try find(query, dob: dob, in: index, runs: ProcessInfoCores.count)
    }

    /// The same, the entries cut into `runs` runs.
    static func find(_ query: NameQuery, dob: LocalDate?, in index: [UInt8], runs count: Int) throws(IndexFormat.Problem) -> [Hit] {
        guard !query.isEmpty else { return [] }
        let wanted = dob.map { UInt64($0.year * 10000 + $0.month * 100 + $0.day) }
        guard let runs = index.withUnsafeBytes({ entryRuns($0, count: count) }) else { throw .malformed }
        let found = runs.parallelMap(serialBelow: 2) { run in
            index.withUnsafeBytes { buffer -> [String: Hit]? in
                var hits: [String: Hit] = [:]
                var c = Cursor(buffer, offset: run.offset)
                for _ in 0..<run.entries {
                    guard c.skipString(), c.skipVarint(), c.skipVarint(), c.skip(8), let kind = c.byte() else { return nil }
                    if kind == 0 { continue }
                    guard let length = c.varint() else { return nil }
                    let end = c.offset + Int(length)
                    guard end <= buffer.count else { return nil }
                    if kind == 1 {
                        guard scanCase(&c, query: query, wanted: wanted, hits: &hits) else { return nil }
                        c.offset = end
                        guard c.skipPart(), c.skipPart(), c.skipPart() else { return nil }  // keys, relations, facts
                    } else {
                        c.offset = end
                        guard c.skipPart() else { return nil }  // facts
                    }
                }
                return hits
            }
        }
        var hits: [String: Hit] = [:]
        for run in found {
            guard let run else { throw .malformed }
            merge(run, into: &hits)
        }
        return hits.values.map { hit in
            var hit = hit
            hit.caseIDs.sort()
            return hit
        }.sorted { a, b in
            if a.match != b.match { return a.match < b.match }
            if a.dobMatches != b.dobMatches { return a.dobMatches }
            if (a.name, a.role.rawValue, a.caseIDs.first ?? "") != (b.name, b.role.rawValue, b.caseIDs.first ?? "") {
                return (a.name, a.role.rawValue, a.caseIDs.first ?? "") < (b.name, b.role.rawValue, b.caseIDs.first ?? "")
            }
            // Name, role and dob make a hit, so the dob settles the rest.
            return (a.dob?.description ?? "") < (b.dob?.description ?? "")
        }
    }

    /// The same over an index held in memory.
    public static func find(_ query: NameQuery, dob: LocalDate? = nil, in index: PeopleIndex) -> [Hit] {
        (try? find(query, dob: dob, in: IndexFormat.encode(index))) ?? []
    }

    /// The index's entries cut into `count` runs of about as many entries: where each starts
    /// and how many it holds; nil if the bytes are bad.
    private static func entryRuns(_ buffer: UnsafeRawBufferPointer, count runs: Int) -> [(offset: Int, entries: Int)]? {
        var c = Cursor(buffer, offset: IndexFormat.headerSize + 16)
        guard c.skipString(), c.skipVarint(), c.skipVarint(), c.skip(8) else { return nil }  // marac.toml's stamp
        guard let total = c.varint(), total <= UInt64(buffer.count) else { return nil }
        let perRun = max(1, (Int(total) + runs - 1) / runs)
        var result: [(offset: Int, entries: Int)] = []
        for i in 0..<Int(total) {
            if i % perRun == 0 { result.append((c.offset, min(perRun, Int(total) - i))) }
            guard c.skipString(), c.skipVarint(), c.skipVarint(), c.skip(8), let kind = c.byte() else { return nil }
            if kind == 0 { continue }
            guard let length = c.varint(), c.skip(Int(clamping: length)) else { return nil }
            if kind == 1 { guard c.skipPart(), c.skipPart() else { return nil } }  // keys, relations
            guard c.skipPart() else { return nil }  // a case's or meeting's facts
        }
        return result
    }

    /// Adds a later run's findings to those of the runs before it.
    private static func merge(_ later: [String: Hit], into hits: inout [String: Hit]) {
        for (key, found) in later {
            guard var hit = hits[key] else {
                hits[key] = found
                continue
            }
            for id in found.caseIDs where !hit.caseIDs.contains(id) { hit.caseIDs.append(id) }
            if found.match < hit.match {
                hit.match = found.match
                hit.matchedAlias = found.matchedAlias
            }
            hits[key] = hit
        }
    }

    /// Reads one case record's people, adding matches to `hits`; false if the bytes are bad.
    private static func scanCase(_ c: inout Cursor, query: NameQuery, wanted: UInt64?, hits: inout [String: Hit]) -> Bool {
        guard let idLength = c.varint() else { return false }
        let idRange = c.offset..<(c.offset + max(Int(idLength) - 1, 0))
        guard c.skip(idLength == 0 ? 0 : Int(idLength) - 1), c.skipOptionalString(), let keyLength = c.varint() else { return false }
        let keyRange = c.offset..<(c.offset + max(Int(keyLength) - 1, 0))
        guard c.skip(keyLength == 0 ? 0 : Int(keyLength) - 1), let people = c.varint() else { return false }
        let referenceMatches = keyLength > 0 && query.matchesReference(UnsafeRawBufferPointer(rebasing: c.buffer[keyRange]))
        for _ in 0..<people {
            guard let role = c.byte(), Int(role) < IndexRecordCoding.roles.count, let dob = c.varint(), let names = c.varint() else { return false }
            let dobDiffers = wanted != nil && dob != 0 && dob != wanted
            var best: (NameMatch, Range<Int>, Bool)?
            var primary: Range<Int>?
            for _ in 0..<names {
                guard let alias = c.byte(), let n = c.bytes(), let k = c.bytes(), let display = c.range() else { return false }
                if alias == 0, primary == nil { primary = display }
                if dobDiffers { continue }
                if let m = query.match(normalised: n, phonetic: k, isAlias: alias == 1), best.map({ m < $0.0 }) ?? true {
                    best = (m, display, alias == 1)
                }
            }
            for _ in 0..<4 { guard c.skipOptionalString() else { return false } }
            guard c.skip(1) else { return false }
            if referenceMatches, IndexRecordCoding.roles[Int(role)] == .victim, let primary {
                best = (.reference, primary, false)
            }
            guard let (match, matched, isAlias) = best else { continue }
            let name = c.string(primary ?? matched)
            let id = idLength == 0 ? "" : c.string(idRange)
            let personRole = IndexRecordCoding.roles[Int(role)]
            let date = dob == 0 ? nil : LocalDate(year: Int(dob / 10000), month: Int(dob / 100 % 100), day: Int(dob % 100))
            let key = "\(name)\u{0}\(personRole.rawValue)\u{0}\(dob)"
            let alias = isAlias ? c.string(matched) : nil
            if var hit = hits[key] {
                if !hit.caseIDs.contains(id) { hit.caseIDs.append(id) }
                if match < hit.match { hit.match = match; hit.matchedAlias = alias }
                hits[key] = hit
            } else {
                hits[key] = Hit(
                    name: name, matchedAlias: alias, role: personRole, dob: date, match: match,
                    dobMatches: wanted != nil && dob == wanted, caseIDs: [id])
            }
        }
        return true
    }
}

/// A bounds-checked reader over the index bytes in place (the `ByteWriter` primitives).
struct Cursor {
    let buffer: UnsafeRawBufferPointer
    var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int) {
        self.buffer = buffer
        self.offset = offset
    }

    mutating func byte() -> UInt8? {
        guard offset < buffer.count else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0, shift: UInt64 = 0
        while let b = byte() {
            guard shift < 64 else { return nil }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    mutating func skip(_ n: Int) -> Bool {
        guard n >= 0, n <= buffer.count - offset else { return false }
        offset += n
        return true
    }

    mutating func skipVarint() -> Bool { varint() != nil }

    mutating func range() -> Range<Int>? {
        guard let length = varint(), length <= UInt64(buffer.count - offset) else { return nil }
        defer { offset += Int(length) }
        return offset..<(offset + Int(length))
    }

    mutating func bytes() -> UnsafeRawBufferPointer? {
        range().map { UnsafeRawBufferPointer(rebasing: buffer[$0]) }
    }

    mutating func skipString() -> Bool { range() != nil }
    mutating func skipPart() -> Bool { range() != nil }

    mutating func skipOptionalString() -> Bool {
        guard let length = varint() else { return false }
        return skip(length == 0 ? 0 : Int(length) - 1)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}
