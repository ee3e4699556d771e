/// `mfile find`: the people of the index matching a name, ranked.
public enum PeopleSearch {
    /// One person found: where they appear, how their name matched, and whether the dob agreed.
    public struct Hit: Sendable {
        /// The name as written in the record (or the alias that matched, after it).
        public var name: String
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
    /// without a dob stay, after those whose dob matches). The same person (same name as
    /// written, role and dob) in several cases is one hit with every case id.
    public static func find(_ query: NameQuery, dob: LocalDate? = nil, in index: PeopleIndex) -> [Hit] {
        guard !query.isEmpty else { return [] }
        var hits: [String: Hit] = [:]
        for entry in index.entries {
            guard case .case(let item) = entry.record else { continue }
            for person in item.people {
                if let dob, let own = person.dob, own != dob { continue }
                var best: (NameMatch, IndexedName)?
                for name in person.names {
                    if let m = query.match(name), best.map({ m < $0.0 }) ?? true { best = (m, name) }
                }
                guard let (match, name) = best else { continue }
                let display = person.displayName ?? name.display
                let key = "\(display)\u{0}\(person.role.rawValue)\u{0}\(person.dob?.description ?? "")"
                let id = item.id ?? item.file
                if var hit = hits[key] {
                    if !hit.caseIDs.contains(id) { hit.caseIDs.append(id) }
                    if match < hit.match { hit.match = match; hit.matchedAlias = name.isAlias ? name.display : nil }
                    hits[key] = hit
                } else {
                    hits[key] = Hit(
                        name: display, matchedAlias: name.isAlias ? name.display : nil, role: person.role,
                        dob: person.dob, match: match, dobMatches: dob != nil && person.dob == dob, caseIDs: [id])
                }
            }
        }
        return hits.values.map { hit in
            var hit = hit
            hit.caseIDs.sort()
            return hit
        }.sorted { a, b in
            if a.match != b.match { return a.match < b.match }
            if a.dobMatches != b.dobMatches { return a.dobMatches }
            return (a.name, a.role.rawValue, a.caseIDs.first ?? "") < (b.name, b.role.rawValue, b.caseIDs.first ?? "")
        }
    }
}
