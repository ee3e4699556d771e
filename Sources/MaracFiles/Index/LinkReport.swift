import MaracBase
import MaracProtocol
import MaracRecords

/// `mfile links`: groups of cases for the administrator to confirm, by case id.
///
/// - serial perpetrators: cases joined by the same perpetrator with different victims
///   (`RepeatDetection`'s same-perpetrator links, taken as connected groups);
/// - victims with more than one perpetrator: cases joined by the same victim with a
///   different perpetrator (same-victim links), and any case naming two or more perpetrators;
/// - likely duplicates: people in different cases with the same dob and names that match as
///   `mfile find` would (exact, alias, swapped, sounds alike) but that person matching does
///   not already treat as one victim or one perpetrator (a child in two cases, a victim who is
///   a perpetrator elsewhere, "Jon Smyth" and "John Smith").
public struct LinkReport: Sendable {
    /// One group: the case ids, and each person concerned (role, case id, name).
    public struct Group: Sendable {
        public var caseIDs: [String]
        public var people: [(role: Person.Role, caseID: String, name: String)]
    }

    public var serialPerpetrators: [Group]
    public var victimsWithSeveralPerpetrators: [Group]
    public var likelyDuplicates: [Group]

    public init(_ index: PeopleIndex) {
        let cases = index.cases
        var byID: [String: IndexedCase] = [:]
        for item in cases { if let id = item.id { byID[id] = item } }

        func groups(_ kind: RepeatDetection.Link.Kind) -> [[String]] {
            var sets = UnionFind<String>()
            for item in cases {
                guard let id = item.id else { continue }
                for link in item.links where link.kind == kind { sets.union(id, link.caseID) }
            }
            return sets.groups()
        }
        func name(_ p: IndexedPerson) -> String { p.displayName ?? "" }

        serialPerpetrators = groups(.samePerpetrator).map { ids in
            var people: [(Person.Role, String, String)] = []
            for id in ids {
                guard let item = byID[id] else { continue }
                // The perpetrators of this case that match one in another case of the group.
                for p in item.perpetrators {
                    let shared = ids.contains { other in
                        other != id && (byID[other]?.perpetrators.contains { PersonMatching.samePerson(Person(indexed: p), Person(indexed: $0)) } ?? false)
                    }
                    if shared { people.append((.perpetrator, id, name(p))) }
                }
            }
            return Group(caseIDs: ids, people: people)
        }

        var victimGroups = groups(.sameVictim)
        let grouped = Set(victimGroups.flatMap { $0 })
        for item in cases where item.perpetrators.count > 1 {
            if let id = item.id, !grouped.contains(id) { victimGroups.append([id]) }
        }
        victimsWithSeveralPerpetrators = victimGroups.sorted { $0[0] < $1[0] }.map { ids in
            var people: [(Person.Role, String, String)] = []
            for id in ids { for p in byID[id]?.perpetrators ?? [] { people.append((.perpetrator, id, name(p))) } }
            return Group(caseIDs: ids, people: people)
        }

        likelyDuplicates = LinkReport.duplicates(cases)
    }

    /// People with the same dob in different cases whose names match but are not already one
    /// victim or one perpetrator to person matching.
    static func duplicates(_ cases: [IndexedCase]) -> [Group] {
        struct Occurrence { var caseID: String; var person: IndexedPerson; var queries: [NameQuery] }
        var byDOB: [LocalDate: [Occurrence]] = [:]
        for item in cases {
            guard let id = item.id else { continue }
            for p in item.people {
                guard let dob = p.dob, !p.names.isEmpty else { continue }
                byDOB[dob, default: []].append(Occurrence(caseID: id, person: p, queries: p.names.map(NameQuery.init(indexed:))))
            }
        }
        var sets = UnionFind<String>()
        var members: [String: (Person.Role, String, String)] = [:]
        for bucket in byDOB.values where bucket.count > 1 {
            for i in bucket.indices {
                for j in bucket.indices where j > i && bucket[i].caseID != bucket[j].caseID {
                    let a = bucket[i], b = bucket[j]
                    let similar = a.queries.contains { q in
                        b.person.names.contains { n in (q.match(n).map { $0 <= .phonetic }) ?? false }
                    }
                    guard similar else { continue }
                    let alreadyLinked = a.person.role == b.person.role && a.person.role != .child
                        && PersonMatching.samePerson(Person(indexed: a.person), Person(indexed: b.person))
                    if alreadyLinked { continue }
                    let ka = "\(a.caseID)\u{0}\(a.person.role.rawValue)\u{0}\(a.person.displayName ?? "")"
                    let kb = "\(b.caseID)\u{0}\(b.person.role.rawValue)\u{0}\(b.person.displayName ?? "")"
                    members[ka] = (a.person.role, a.caseID, a.person.displayName ?? "")
                    members[kb] = (b.person.role, b.caseID, b.person.displayName ?? "")
                    sets.union(ka, kb)
                }
            }
        }
        return sets.groups().map { keys in
            let people = keys.compactMap { members[$0] }.sorted { ($0.1, $0.0.rawValue) < ($1.1, $1.0.rawValue) }
            return Group(caseIDs: Array(Set(people.map(\.1))).sorted(), people: people)
        }.sorted { $0.caseIDs.lexicographicallyPrecedes($1.caseIDs) }
    }
}

/// Disjoint sets of values, for grouping linked cases.
struct UnionFind<T: Hashable & Comparable> {
    private var parent: [T: T] = [:]

    mutating func find(_ x: T) -> T {
        var root = x
        while let p = parent[root], p != root { root = p }
        var node = x
        while let p = parent[node], p != root { parent[node] = root; node = p }
        if parent[x] == nil { parent[x] = x }
        return root
    }

    mutating func union(_ a: T, _ b: T) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// Every set of two or more, each sorted, sorted by first member.
    mutating func groups() -> [[T]] {
        var sets: [T: [T]] = [:]
        for key in Array(parent.keys) { sets[find(key), default: []].append(key) }
        return sets.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
