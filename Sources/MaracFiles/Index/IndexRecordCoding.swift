import MaracRecords

/// The bytes of one record in the index (see `IndexFormat`).
enum IndexRecordCoding {
    static let roles = Person.Role.allCases
    static let criteria = Referral.Criterion.allCases
    static let decisions: [Referral.Decision] = [.accepted, .returned, .pending]

    static func stamp(_ s: FileStamp, _ w: inout ByteWriter) {
        w.string(s.path)
        w.varint(s.size)
        w.signed(s.modified)
        w.word(s.hash)
    }

    static func readStamp(_ r: inout ByteReader) throws(ByteReader.Malformed) -> FileStamp {
        FileStamp(path: try r.string(), size: try r.varint(), modified: try r.signed(), hash: try r.word())
    }

    /// A case without what is worked out across files: id, reference and its search key,
    /// then people (what `find` reads), then referrals and transfers.
    static func encodeCase(_ c: IndexedCase, _ w: inout ByteWriter) {
        w.optionalString(c.id)
        w.optionalString(c.reference)
        w.optionalString(c.reference.map(NameQuery.referenceKey))
        w.count(c.people.count)
        for p in c.people {
            w.byte(UInt8(roles.firstIndex(of: p.role)!))
            w.date(p.dob)
            w.count(p.names.count)
            for n in p.names {
                w.byte(n.isAlias ? 1 : 0)
                w.string(n.normalised)
                w.string(n.phonetic)
                w.string(n.display)
            }
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
    }

    static func decodeCase(_ r: inout ByteReader, file: String) throws(ByteReader.Malformed) -> IndexedCase {
        let id = try r.optionalString()
        let reference = try r.optionalString()
        _ = try r.optionalString()
        var people: [IndexedPerson] = []
        let peopleCount = try r.count()
        people.reserveCapacity(peopleCount)
        for _ in 0..<peopleCount {
            let roleIndex = Int(try r.byte())
            guard roleIndex < roles.count else { throw ByteReader.Malformed() }
            let dob = try r.date()
            var names: [IndexedName] = []
            let nameCount = try r.count()
            names.reserveCapacity(nameCount)
            for _ in 0..<nameCount {
                let alias = try r.byte() == 1
                let normalised = try r.string(), phonetic = try r.string(), display = try r.string()
                names.append(IndexedName(display: display, normalised: normalised, phonetic: phonetic, isAlias: alias))
            }
            people.append(IndexedPerson(
                role: roles[roleIndex], names: names, dob: dob, gender: try r.optionalString(),
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
        return IndexedCase(id: id, reference: reference, file: file, people: people, referrals: referrals, transfers: transfers)
    }

    /// A case's repeats and links.
    static func encodeRelations(repeats: [IndexedRepeat], links: [IndexedLink], _ w: inout ByteWriter) {
        w.count(repeats.count)
        for r in repeats {
            w.count(r.referral)
            w.string(r.previousCaseID)
            w.count(r.previousReferral)
        }
        w.count(links.count)
        for l in links {
            w.string(l.caseID)
            w.byte(l.kind == .sameVictim ? 0 : 1)
        }
    }

    static func decodeRelations(_ r: inout ByteReader, into item: inout IndexedCase) throws(ByteReader.Malformed) {
        for _ in 0..<(try r.count()) {
            item.repeats.append(IndexedRepeat(referral: try r.count(), previousCaseID: try r.string(), previousReferral: try r.count()))
        }
        for _ in 0..<(try r.count()) {
            item.links.append(IndexedLink(caseID: try r.string(), kind: try r.byte() == 0 ? .sameVictim : .samePerpetrator))
        }
    }

    /// The case's blocking keys: for the victim and each perpetrator, the hash of role and
    /// each name's last word, with the dob (0 when not given). Two cases can only share a
    /// person (`PersonMatching.samePerson`) if they share a stem with equal dobs or one
    /// missing; an incremental update uses them to find the cases a change can affect.
    static func blockingKeys(_ c: IndexedCase) -> [BlockingKey] {
        var keys: [BlockingKey] = []
        for p in c.people where p.role != .child {
            let dob = p.dob.map { UInt64($0.year * 10000 + $0.month * 100 + $0.day) } ?? 0
            for n in p.names {
                guard let last = n.normalised.split(separator: " ").last else { continue }
                var stem = p.role.rawValue + ":" + last
                let hash = stem.withUTF8 { ContentHash.hash(UnsafeRawBufferPointer($0)) }
                let key = BlockingKey(stem: hash, dob: dob)
                if !keys.contains(key) { keys.append(key) }
            }
        }
        return keys
    }

    static func encodeKeys(_ keys: [BlockingKey], _ w: inout ByteWriter) {
        w.count(keys.count)
        for k in keys {
            w.word(k.stem)
            w.varint(k.dob)
        }
    }

    static func decodeKeys(_ r: inout ByteReader) throws(ByteReader.Malformed) -> [BlockingKey] {
        var keys: [BlockingKey] = []
        for _ in 0..<(try r.count()) { keys.append(BlockingKey(stem: try r.word(), dob: try r.varint())) }
        return keys
    }

    static func encodeMeeting(_ m: IndexedMeeting, _ w: inout ByteWriter) {
        w.optionalString(m.marac)
        w.date(m.date)
        w.count(m.hearingCaseIDs.count)
        for id in m.hearingCaseIDs { w.string(id) }
        w.optionalString(m.kind?.rawValue)
        w.count(m.attendedAgencies.count)
        for agency in m.attendedAgencies { w.string(agency) }
        w.count(m.apologies.count)
        for apology in m.apologies {
            w.string(apology.agency)
            w.varint(apology.written ? 1 : 0)
        }
    }

    static func decodeMeeting(_ r: inout ByteReader, file: String) throws(ByteReader.Malformed) -> IndexedMeeting {
        let marac = try r.optionalString()
        let date = try r.date()
        var ids: [String] = []
        for _ in 0..<(try r.count()) { ids.append(try r.string()) }
        let kind = try r.optionalString().flatMap(Meeting.Kind.init(rawValue:))
        var attended: [String] = []
        for _ in 0..<(try r.count()) { attended.append(try r.string()) }
        var apologies: [IndexedApology] = []
        for _ in 0..<(try r.count()) { apologies.append(IndexedApology(agency: try r.string(), written: try r.varint() != 0)) }
        return IndexedMeeting(
            file: file, marac: marac, date: date, hearingCaseIDs: ids, kind: kind, attendedAgencies: attended, apologies: apologies)
    }
}

/// A role and last word (hashed) with a dob (YYYYMMDD, 0 when not given).
struct BlockingKey: Hashable, Sendable {
    var stem: UInt64
    var dob: UInt64

    /// Whether a person with this key may be the same as one with `other`.
    func mayMatch(_ other: BlockingKey) -> Bool {
        stem == other.stem && (dob == other.dob || dob == 0 || other.dob == 0)
    }
}
