/// Repeats and linked cases across a repository's cases.
///
/// A *repeat* is a further incident between the same victim and the same perpetrator within
/// the profile's repeat window (`repeat_window_months`, or Liverpool's
/// `repeat_any_instance_months` if longer) of the last referral to MARAC [000 §9, 003 §2.7]:
/// an earlier accepted referral in the same case file, or in another case whose victim and one
/// of whose perpetrators are the same people (`PersonMatching`). The incident date is compared
/// (the date received when no incident date is given).
///
/// A *linked* case shares the victim but not the perpetrator, or a perpetrator but not the
/// victim: a new referral, reported, never merged [001 §4.2.3, 003 §2.8].
public struct RepeatDetection: Sendable {
    /// A referral found to be a repeat.
    public struct Repeat: Sendable, Hashable {
        public var caseID: String
        /// 1-based referral number within its case.
        public var referral: Int
        /// The earlier referral it repeats.
        public var previousCaseID: String
        public var previousReferral: Int
        public var previousReceived: LocalDate
        /// Gwent: within `repeat_idva_only_months` of the previous MARAC date while the victim
        /// engages with the IDVA (`idva_engaged = true`): goes to the IDVA only [001 §4.2.3].
        public var idvaOnly: Bool
    }

    /// Two cases that share one person in the same role but not the other.
    public struct Link: Sendable, Hashable {
        public enum Kind: String, Sendable { case sameVictim = "same-victim", samePerpetrator = "same-perpetrator" }
        /// The case ids in sorted order.
        public var caseIDs: [String]
        public var kind: Kind
    }

    public var repeats: [Repeat]
    public var links: [Link]

    /// The repeat finding of referral `number` of case `id`, if it is one.
    public func repeatOf(caseID id: String, referral number: Int) -> Repeat? {
        repeats.first { $0.caseID == id && $0.referral == number }
    }

    /// The links of one case.
    public func links(of id: String) -> [Link] { links.filter { $0.caseIDs.contains(id) } }

    /// Finds the repeats and links among `cases` under `rules`. `hearings` gives each case's
    /// hearing dates (the MARAC dates), for Gwent's IDVA-only exception.
    public static func analyse(
        _ cases: [Case], rules: ProtocolRules, hearings: [String: [LocalDate]] = [:]
    ) -> RepeatDetection {
        analyse(cases.map(CaseSummary.init), rules: rules, hearings: hearings)
    }

    /// The same over case summaries (what lint keeps of each case).
    public static func analyse(
        _ cases: [CaseSummary], rules: ProtocolRules, hearings: [String: [LocalDate]] = [:]
    ) -> RepeatDetection {
        let people = cases.map(CasePeople.init)
        // Candidate pairs: cases sharing a name's last word for the victim or a perpetrator.
        var buckets: [String: Set<Int>] = [:]
        for (index, entry) in people.enumerated() {
            for key in entry.blockingKeys { buckets[key, default: []].insert(index) }
        }
        var pairs = Set<Pair>()
        for members in buckets.values where members.count > 1 {
            let sorted = members.sorted()
            for i in sorted.indices { for j in sorted.indices where j > i { pairs.insert(Pair(a: sorted[i], b: sorted[j])) } }
        }
        var sameVictimAndPerpetrator: [Int: [Int]] = [:]
        var links: [Link] = []
        for pair in pairs {
            let a = people[pair.a], b = people[pair.b]
            let victim = a.victim.flatMap { va in b.victim.map { PersonMatching.samePerson(va, $0) } } ?? false
            let perpetrator = a.perpetrators.contains { pa in b.perpetrators.contains { PersonMatching.samePerson(pa, $0) } }
            guard let idA = cases[pair.a].id, let idB = cases[pair.b].id, idA != idB else { continue }
            if victim && perpetrator {
                sameVictimAndPerpetrator[pair.a, default: []].append(pair.b)
                sameVictimAndPerpetrator[pair.b, default: []].append(pair.a)
            } else if victim {
                links.append(Link(caseIDs: [idA, idB].sorted(), kind: .sameVictim))
            } else if perpetrator {
                links.append(Link(caseIDs: [idA, idB].sorted(), kind: .samePerpetrator))
            }
        }
        let window = [rules.repeatWindow, rules.repeatAnyInstanceWindow].compactMap { $0 }
            .max { $0.amount < $1.amount }
        var repeats: [Repeat] = []
        if let window {
            for (index, record) in cases.enumerated() {
                guard let id = record.id else { continue }
                let related = [index] + (sameVictimAndPerpetrator[index] ?? [])
                for referral in record.referrals {
                    guard let received = referral.received else { continue }
                    let incident = referral.incident.map { min($0, received) } ?? received
                    var previous: (caseIndex: Int, referral: Referral)?
                    for other in related {
                        for earlier in cases[other].referrals where earlier.decision == .accepted {
                            guard let when = earlier.received, when < received,
                                !(other == index && earlier.number == referral.number)
                            else { continue }
                            if previous.map({ when > $0.referral.received! }) ?? true { previous = (other, earlier) }
                        }
                    }
                    guard let previous, let previousReceived = previous.referral.received,
                        incident <= window.deadline(after: previousReceived, in: WorkingCalendar()),
                        let previousID = cases[previous.caseIndex].id
                    else { continue }
                    var idvaOnly = false
                    if let idvaWindow = rules.repeatIDVAOnlyWindow, referral.idvaEngaged == true {
                        let heard = (hearings[previousID] ?? []).filter { $0 >= previousReceived && $0 <= received }.max()
                        if let heard, incident <= idvaWindow.deadline(after: heard, in: WorkingCalendar()) { idvaOnly = true }
                    }
                    repeats.append(Repeat(
                        caseID: id, referral: referral.number, previousCaseID: previousID,
                        previousReferral: previous.referral.number, previousReceived: previousReceived,
                        idvaOnly: idvaOnly))
                }
            }
        }
        links.sort { ($0.caseIDs[0], $0.caseIDs[1], $0.kind.rawValue) < ($1.caseIDs[0], $1.caseIDs[1], $1.kind.rawValue) }
        return RepeatDetection(repeats: repeats, links: links)
    }

    private struct Pair: Hashable { var a: Int; var b: Int }

    /// A case's victim and perpetrators with their blocking keys (last words of names).
    private struct CasePeople {
        var victim: Person?
        var perpetrators: [Person]
        var blockingKeys: Set<String>

        init(_ record: CaseSummary) {
            victim = record.victim
            perpetrators = record.perpetrators
            var keys = Set<String>()
            for (role, person) in ([("v", record.victim)] + record.perpetrators.map { ("p", $0) }) {
                guard let person else { continue }
                for name in PersonMatching.names(of: person) {
                    if let last = name.split(separator: " ").last { keys.insert(role + ":" + last) }
                }
            }
            blockingKeys = keys
        }
    }
}
