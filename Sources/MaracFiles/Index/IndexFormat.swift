import MaracBase

/// The index file: `MFILEIDX`, a version (UInt32), the payload's length and `ContentHash`
/// (UInt64 each, little-endian), then the payload (see `ByteWriter` for the primitives):
///
///     fingerprint (count, sum: UInt64 each); marac.toml's stamp; entry count;
///     per entry: stamp (path, size, time, hash), kind (0 unreadable, 1 case, 2 meeting),
///       a case: its record, its blocking keys, its repeats, links and matches, and its facts,
///       each length-prefixed (so an update copies unchanged entries as bytes and `find` skips
///       what it does not read);
///       a meeting: its record and its facts, length-prefixed.
///
/// A case record: id, reference (as written, then as `find` compares it), people (role, dob, names with their normalised and sound-key forms,
/// gender, equality fields, in-household), referrals, transfer directions. A meeting record:
/// marac, date, the case ids heard, kind, attendees' agencies, apologies (agency, written). Hearing dates are worked out from the meetings on loading.
/// A case's matches are the cases (by file) whose victim or a perpetrator is the same person
/// (`RepeatDetection.matches`). The facts of a case or meeting are every field of the typed
/// record without its free text (`IndexFactsCoding`), so that `check`, `sweep`, `plan` and
/// `stats` rebuild records without reading their files.
/// A file that is short, of another version, fails its checksum or does not decode exactly
/// to its end is an `IndexFormat.Problem`, and the index is rebuilt.
public enum IndexFormat {
    public static let magic = Array("MFILEIDX".utf8)
    /// 3: a file that could not be read is never kept (earlier versions kept it as unreadable).
    /// 4: a meeting keeps its kind, its attendees' agencies and its apologies (attendance counts).
    /// 5: every record keeps its facts (`IndexFactsCoding`) and each case its matches.
    public static let version: UInt32 = 5
    static let headerSize = 8 + 4 + 8 + 8

    /// Why a stored index cannot be used (it is then rebuilt).
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case truncated, notAnIndex, wrongVersion(UInt32), badChecksum, malformed
        public var description: String {
            switch self {
            case .truncated: "the index file is cut short"
            case .notAnIndex: "the index file is not an mfile index"
            case .wrongVersion(let v): "the index file is version \(v), this mfile writes version \(IndexFormat.version)"
            case .badChecksum: "the index file fails its checksum"
            case .malformed: "the index file cannot be read"
            }
        }
    }

    /// One entry as found in a stored index: its stamp and where its parts are. Split with
    /// `paths: false`, the stamp's path is empty and only `path` says where its bytes are.
    struct RawEntry {
        var stamp: FileStamp
        /// Where the file's path is in the index.
        var path: Range<Int> = 0..<0
        var kind: UInt8
        var record: Range<Int>
        var keys: Range<Int> = 0..<0
        var relations: Range<Int> = 0..<0
        var facts: Range<Int> = 0..<0
    }

    /// A stored index checked and split into entries, nothing decoded yet.
    package struct RawIndex {
        var bytes: [UInt8]
        var fingerprint: IndexFingerprint
        var configuration: FileStamp
        var entries: [RawEntry]
    }

    // MARK: - Writing

    /// Wraps a payload in the header.
    static func seal(_ payload: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.bytes.reserveCapacity(payload.count + headerSize)
        out.bytes += magic
        for shift in stride(from: 0, to: 32, by: 8) { out.byte(UInt8(truncatingIfNeeded: version >> UInt32(shift))) }
        out.word(UInt64(payload.count))
        out.word(ContentHash.hash(payload))
        out.bytes += payload
        return out.bytes
    }

    /// The whole index written from memory (repeats and links as the cases hold them).
    public static func encode(_ index: PeopleIndex) -> [UInt8] {
        var w = ByteWriter()
        var fingerprint = IndexFingerprint()
        fingerprint.add(index.configuration)
        for entry in index.entries { fingerprint.add(entry.stamp) }
        w.word(fingerprint.count)
        w.word(fingerprint.sum)
        IndexRecordCoding.stamp(index.configuration, &w)
        w.count(index.entries.count)
        for entry in index.entries {
            IndexRecordCoding.stamp(entry.stamp, &w)
            switch entry.record {
            case .unreadable: w.byte(0)
            case .case(let item):
                w.byte(1)
                part(&w) { IndexRecordCoding.encodeCase(item, &$0) }
                part(&w) { IndexRecordCoding.encodeKeys(IndexRecordCoding.blockingKeys(item), &$0) }
                part(&w) { IndexRecordCoding.encodeRelations(repeats: item.repeats, links: item.links, matches: item.matches, &$0) }
                part(&w) { $0.bytes += entry.facts }
            case .meeting(let item):
                w.byte(2)
                part(&w) { IndexRecordCoding.encodeMeeting(item, &$0) }
                part(&w) { $0.bytes += entry.facts }
            }
        }
        return seal(w.bytes)
    }

    /// Writes a length-prefixed part.
    static func part(_ w: inout ByteWriter, _ body: (inout ByteWriter) -> Void) {
        var inner = ByteWriter()
        body(&inner)
        w.count(inner.bytes.count)
        w.bytes += inner.bytes
    }

    // MARK: - Reading

    /// Checks the header and checksum; returns where the payload starts.
    static func check(_ bytes: [UInt8]) throws(Problem) -> Int {
        guard bytes.count >= headerSize else { throw bytes.starts(with: magic.prefix(bytes.count)) ? .truncated : .notAnIndex }
        guard bytes.starts(with: magic) else { throw .notAnIndex }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[8 + i]) << UInt32(8 * i) }
        guard v == version else { throw .wrongVersion(v) }
        var r = ByteReader(bytes, offset: 12)
        guard let length = try? r.word(), let checksum = try? r.word() else { throw .truncated }
        let actual = UInt64(bytes.count - headerSize)
        guard actual == length else { throw actual < length ? .truncated : .malformed }
        guard ContentHash.hash(bytes[headerSize...]) == checksum else { throw .badChecksum }
        return headerSize
    }

    /// The stored fingerprint of a checked index.
    static func fingerprint(_ bytes: [UInt8]) -> IndexFingerprint? {
        var r = ByteReader(bytes, offset: headerSize)
        guard let count = try? r.word(), let sum = try? r.word() else { return nil }
        return IndexFingerprint(count: count, sum: sum)
    }

    /// The entries of `bytes`. `checked`: `check` has already passed them (the checksum is not
    /// worked out again); `paths`: each stamp's path is made (else only where it is).
    static func raw(_ bytes: [UInt8], checked: Bool = false, paths: Bool = true) throws(Problem) -> RawIndex {
        guard bytes.count >= headerSize else { throw .truncated }
        var r = ByteReader(bytes, offset: checked ? headerSize : try check(bytes))
        do {
            let fingerprint = IndexFingerprint(count: try r.word(), sum: try r.word())
            let configuration = try IndexRecordCoding.readStamp(&r)
            let count = try r.count()
            var entries: [RawEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path: Range<Int>, stamp: FileStamp
                if paths {
                    var pathReader = ByteReader(bytes, offset: r.offset)
                    path = try pathReader.skipString()
                    stamp = try IndexRecordCoding.readStamp(&r)
                } else {
                    path = try r.skipString()
                    stamp = FileStamp(path: "", size: try r.varint(), modified: try r.signed(), hash: try r.word())
                }
                let kind = try r.byte()
                var entry = RawEntry(stamp: stamp, path: path, kind: kind, record: r.offset..<r.offset)
                switch kind {
                case 0: break
                case 1:
                    entry.record = try r.skipPart()
                    entry.keys = try r.skipPart()
                    entry.relations = try r.skipPart()
                    entry.facts = try r.skipPart()
                case 2:
                    entry.record = try r.skipPart()
                    entry.facts = try r.skipPart()
                default: throw ByteReader.Malformed()
                }
                entries.append(entry)
            }
            guard r.atEnd else { throw ByteReader.Malformed() }
            return RawIndex(bytes: bytes, fingerprint: fingerprint, configuration: configuration, entries: entries)
        } catch {
            throw .malformed
        }
    }

    /// Everything in a stored index, with each case's hearing dates from the meetings.
    public static func decode(_ bytes: [UInt8]) throws(Problem) -> PeopleIndex {
        let raw = try raw(bytes)
        do {
            var entries: [IndexEntry] = []
            entries.reserveCapacity(raw.entries.count)
            for e in raw.entries {
                let record: IndexedRecord
                switch e.kind {
                case 1:
                    var r = ByteReader(bytes, offset: e.record.lowerBound)
                    var item = try IndexRecordCoding.decodeCase(&r, file: e.stamp.path)
                    guard r.offset == e.record.upperBound else { throw ByteReader.Malformed() }
                    var k = ByteReader(bytes, offset: e.keys.lowerBound)
                    _ = try IndexRecordCoding.decodeKeys(&k)
                    guard k.offset == e.keys.upperBound else { throw ByteReader.Malformed() }
                    var rel = ByteReader(bytes, offset: e.relations.lowerBound)
                    try IndexRecordCoding.decodeRelations(&rel, into: &item)
                    guard rel.offset == e.relations.upperBound else { throw ByteReader.Malformed() }
                    record = .case(item)
                case 2:
                    var r = ByteReader(bytes, offset: e.record.lowerBound)
                    record = .meeting(try IndexRecordCoding.decodeMeeting(&r, file: e.stamp.path))
                    guard r.offset == e.record.upperBound else { throw ByteReader.Malformed() }
                default:
                    record = .unreadable
                }
                entries.append(IndexEntry(stamp: e.stamp, record: record, facts: bytes[e.facts]))
            }
            var index = PeopleIndex(entries: entries, configuration: raw.configuration)
            index.attachHearings()
            return index
        } catch {
            throw .malformed
        }
    }
}

extension ByteReader {
    /// Skips a length-prefixed part; returns where its bytes are.
    mutating func skipPart() throws(Malformed) -> Range<Int> {
        let length = try count()
        let start = offset
        offset += length
        return start..<offset
    }
}

extension PeopleIndex {
    /// Sets each case's hearing dates from the meetings.
    mutating func attachHearings() {
        var hearings: [String: [LocalDate]] = [:]
        for entry in entries {
            guard case .meeting(let meeting) = entry.record, let date = meeting.date else { continue }
            for id in meeting.hearingCaseIDs { hearings[id, default: []].append(date) }
        }
        for i in entries.indices {
            guard case .case(var item) = entries[i].record, let id = item.id, let dates = hearings[id] else { continue }
            item.hearings = dates.sorted()
            entries[i].record = .case(item)
        }
    }
}
