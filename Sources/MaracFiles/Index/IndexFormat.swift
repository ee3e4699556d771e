/// The index file: `MFILEIDX`, a version (UInt32), the payload's length and `ContentHash`
/// (UInt64 each, little-endian), then the payload (see `ByteWriter` for the primitives):
///
///     configuration stamp; entry count; per entry: stamp, kind (0 unreadable, 1 case,
///     2 meeting), then the record
///
/// A case: id, people (role, names with their normalised and sound-key forms, dob, gender,
/// equality fields, in-household), referrals, transfer directions, hearing dates, repeats and
/// links. A meeting: marac, date, the case ids heard. A file that is short, of another
/// version, fails its checksum or does not decode exactly to its end is `IndexFormat.Problem`.
public enum IndexFormat {
    public static let magic = Array("MFILEIDX".utf8)
    public static let version: UInt32 = 1
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

    public static func encode(_ index: PeopleIndex) -> [UInt8] {
        var w = ByteWriter()
        w.bytes.reserveCapacity(index.entries.count * 400)
        stamp(index.configuration, &w)
        w.count(index.entries.count)
        for entry in index.entries {
            stamp(entry.stamp, &w)
            switch entry.record {
            case .unreadable: w.byte(0)
            case .case(let item): w.byte(1); encodeCase(item, &w)
            case .meeting(let item): w.byte(2); encodeMeeting(item, &w)
            }
        }
        let payload = w.bytes
        var out = ByteWriter()
        out.bytes.reserveCapacity(payload.count + headerSize)
        out.bytes += magic
        for shift in stride(from: 0, to: 32, by: 8) { out.byte(UInt8(truncatingIfNeeded: version >> UInt32(shift))) }
        out.word(UInt64(payload.count))
        out.word(ContentHash.hash(payload))
        out.bytes += payload
        return out.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(Problem) -> PeopleIndex {
        guard bytes.count >= headerSize else { throw bytes.starts(with: magic.prefix(bytes.count)) ? .truncated : .notAnIndex }
        guard bytes.starts(with: magic) else { throw .notAnIndex }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[8 + i]) << UInt32(8 * i) }
        guard v == version else { throw .wrongVersion(v) }
        var r = ByteReader(bytes, offset: 12)
        guard let length = try? r.word(), let checksum = try? r.word() else { throw .truncated }
        guard UInt64(bytes.count - headerSize) == length else {
            throw UInt64(bytes.count - headerSize) < length ? .truncated : .malformed
        }
        guard ContentHash.hash(bytes[headerSize...]) == checksum else { throw .badChecksum }
        do {
            let configuration = try readStamp(&r)
            let count = try r.count()
            var entries: [IndexEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let stamp = try readStamp(&r)
                let record: IndexedRecord
                switch try r.byte() {
                case 0: record = .unreadable
                case 1: record = .case(try decodeCase(&r, file: stamp.path))
                case 2: record = .meeting(try decodeMeeting(&r, file: stamp.path))
                default: throw ByteReader.Malformed()
                }
                entries.append(IndexEntry(stamp: stamp, record: record))
            }
            guard r.atEnd else { throw ByteReader.Malformed() }
            return PeopleIndex(entries: entries, configuration: configuration)
        } catch {
            throw .malformed
        }
    }

    // MARK: - Parts

    private static func stamp(_ s: FileStamp, _ w: inout ByteWriter) {
        w.string(s.path)
        w.varint(s.size)
        w.signed(s.modified)
        w.word(s.hash)
    }

    private static func readStamp(_ r: inout ByteReader) throws(ByteReader.Malformed) -> FileStamp {
        FileStamp(path: try r.string(), size: try r.varint(), modified: try r.signed(), hash: try r.word())
    }

    private static let roles = Person.Role.allCases
    private static let criteria = Referral.Criterion.allCases
    private static let decisions: [Referral.Decision] = [.accepted, .returned, .pending]

    private static func encodeCase(_ c: IndexedCase, _ w: inout ByteWriter) {
        w.optionalString(c.id)
        w.count(c.people.count)
        for p in c.people {
            w.byte(UInt8(roles.firstIndex(of: p.role)!))
            w.count(p.names.count)
            for n in p.names {
                w.string(n.display)
                w.string(n.normalised)
                w.string(n.phonetic)
                w.byte(n.isAlias ? 1 : 0)
            }
            w.date(p.dob)
            w.optionalString(p.gender)
            w.optionalString(p.ethnicity)
            w.optionalString(p.sexualOrientation)
            w.optionalString(p.disability)
            w.optionalBool(p.inHousehold)
        }
        w.count(c.referrals.count)
        for f in c.referrals {
            w.count(f.number)
            w.date(f.received)
            w.date(f.incident)
            w.date(f.decided)
            w.optionalString(f.agency)
            var mask: UInt64 = 0
            for item in f.criteria { mask |= 1 << UInt64(criteria.firstIndex(of: item)!) }
            w.varint(mask)
            w.byte(f.decision.map { UInt8(decisions.firstIndex(of: $0)! + 1) } ?? 0)
            w.optionalBool(f.idvaEngaged)
            w.byte(f.infoOnly ? 1 : 0)
            w.optionalString(f.dvds)
        }
        w.count(c.transfers.count)
        for t in c.transfers { w.byte(t == .in ? 0 : 1) }
        w.count(c.hearings.count)
        for d in c.hearings { w.date(d) }
        w.count(c.repeats.count)
        for r in c.repeats {
            w.count(r.referral)
            w.string(r.previousCaseID)
            w.count(r.previousReferral)
        }
        w.count(c.links.count)
        for l in c.links {
            w.string(l.caseID)
            w.byte(l.kind == .sameVictim ? 0 : 1)
        }
    }

    private static func decodeCase(_ r: inout ByteReader, file: String) throws(ByteReader.Malformed) -> IndexedCase {
        let id = try r.optionalString()
        var people: [IndexedPerson] = []
        let peopleCount = try r.count()
        people.reserveCapacity(peopleCount)
        for _ in 0..<peopleCount {
            let roleIndex = Int(try r.byte())
            guard roleIndex < roles.count else { throw ByteReader.Malformed() }
            var names: [IndexedName] = []
            let nameCount = try r.count()
            names.reserveCapacity(nameCount)
            for _ in 0..<nameCount {
                names.append(IndexedName(
                    display: try r.string(), normalised: try r.string(), phonetic: try r.string(),
                    isAlias: try r.byte() == 1))
            }
            people.append(IndexedPerson(
                role: roles[roleIndex], names: names, dob: try r.date(), gender: try r.optionalString(),
                ethnicity: try r.optionalString(), sexualOrientation: try r.optionalString(),
                disability: try r.optionalString(), inHousehold: try r.optionalBool()))
        }
        var referrals: [IndexedReferral] = []
        let referralCount = try r.count()
        for _ in 0..<referralCount {
            let number = try r.count()
            let received = try r.date(), incident = try r.date(), decided = try r.date()
            let agency = try r.optionalString()
            let mask = try r.varint()
            let decision = Int(try r.byte())
            guard decision <= decisions.count else { throw ByteReader.Malformed() }
            referrals.append(IndexedReferral(
                number: number, received: received, incident: incident, decided: decided, agency: agency,
                criteria: criteria.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { criteria[$0] },
                decision: decision == 0 ? nil : decisions[decision - 1], idvaEngaged: try r.optionalBool(),
                infoOnly: try r.byte() == 1, dvds: try r.optionalString()))
        }
        var transfers: [Transfer.Direction] = []
        for _ in 0..<(try r.count()) { transfers.append(try r.byte() == 0 ? .in : .out) }
        var item = IndexedCase(id: id, file: file, people: people, referrals: referrals, transfers: transfers)
        for _ in 0..<(try r.count()) {
            guard let date = try r.date() else { throw ByteReader.Malformed() }
            item.hearings.append(date)
        }
        for _ in 0..<(try r.count()) {
            item.repeats.append(IndexedRepeat(referral: try r.count(), previousCaseID: try r.string(), previousReferral: try r.count()))
        }
        for _ in 0..<(try r.count()) {
            item.links.append(IndexedLink(caseID: try r.string(), kind: try r.byte() == 0 ? .sameVictim : .samePerpetrator))
        }
        return item
    }

    private static func encodeMeeting(_ m: IndexedMeeting, _ w: inout ByteWriter) {
        w.optionalString(m.marac)
        w.date(m.date)
        w.count(m.hearingCaseIDs.count)
        for id in m.hearingCaseIDs { w.string(id) }
    }

    private static func decodeMeeting(_ r: inout ByteReader, file: String) throws(ByteReader.Malformed) -> IndexedMeeting {
        let marac = try r.optionalString()
        let date = try r.date()
        var ids: [String] = []
        for _ in 0..<(try r.count()) { ids.append(try r.string()) }
        return IndexedMeeting(file: file, marac: marac, date: date, hearingCaseIDs: ids)
    }
}
