import MaracBase
import MaracRecords

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

    public let repeats: [Repeat]
    public let links: [Link]
    private let repeatIndex: [RepeatKey: Int]
    private let linkIndex: [String: [Int]]

    private struct RepeatKey: Hashable {
        var caseID: String
        var referral: Int
    }

    public init(repeats: [Repeat], links: [Link]) {
        self.repeats = repeats
        self.links = links
        var repeatIndex: [RepeatKey: Int] = [:]
        for (index, found) in repeats.enumerated() {
            let key = RepeatKey(caseID: found.caseID, referral: found.referral)
            if repeatIndex[key] == nil { repeatIndex[key] = index }
        }
        var linkIndex: [String: [Int]] = [:]
        for (index, link) in links.enumerated() {
            for id in link.caseIDs { linkIndex[id, default: []].append(index) }
        }
        self.repeatIndex = repeatIndex
        self.linkIndex = linkIndex
    }

    /// The repeat finding of referral `number` of case `id`, if it is one.
    public func repeatOf(caseID id: String, referral number: Int) -> Repeat? {
        repeatIndex[RepeatKey(caseID: id, referral: number)].map { repeats[$0] }
    }

    /// The links of one case.
    public func links(of id: String) -> [Link] { (linkIndex[id] ?? []).map { links[$0] } }

    /// Finds the repeats and links among `cases` under `rules`. `hearings` gives each case's
    /// hearing dates (the MARAC dates), for Gwent's IDVA-only exception.
    public static func analyse(
        _ cases: [Case], rules: ProtocolRules, hearings: [String: [LocalDate]] = [:],
        calendar: WorkingCalendar = WorkingCalendar()
    ) -> RepeatDetection {
        analyse(cases.map(CaseSummary.init), rules: rules, hearings: hearings, calendar: calendar)
    }

    /// The same over case summaries (what lint keeps of each case).
    public static func analyse(
        _ cases: [CaseSummary], rules: ProtocolRules, hearings: [String: [LocalDate]] = [:],
        calendar: WorkingCalendar = WorkingCalendar()
    ) -> RepeatDetection {
        let people = cases.map(\.people)
        var pairs = Set<Pair>()
        for role in ["v", "p"] {
            // People are compared only within a block: the same first and last name word and
            // the same date of birth, or with anyone of that name when a date is unknown.
            var byName: [String: [Int]] = [:]
            var byNameAndDOB: [String: [Int]] = [:]
            var unknownDOB: [String: [Int]] = [:]
            for (index, entry) in people.enumerated() {
                let persons = role == "v" ? (entry.victim.map { [$0] } ?? []) : entry.perpetrators
                for person in persons {
                    for key in person.keys {
                        byName[key, default: []].append(index)
                        if let dob = person.dob {
                            byNameAndDOB[key + "|" + dob.description, default: []].append(index)
                        } else {
                            unknownDOB[key, default: []].append(index)
                        }
                    }
                }
            }
            func addPairs(_ members: [Int], with others: [Int]? = nil) {
                if let others {
                    for a in members { for b in others where a != b { pairs.insert(Pair(a: min(a, b), b: max(a, b))) } }
                } else {
                    let sorted = Array(Set(members)).sorted()
                    for i in sorted.indices { for j in sorted.indices where j > i { pairs.insert(Pair(a: sorted[i], b: sorted[j])) } }
                }
            }
            for members in byNameAndDOB.values where members.count > 1 { addPairs(members) }
            for (key, members) in unknownDOB { addPairs(members, with: byName[key] ?? []) }
        }
        var sameVictimAndPerpetrator: [Int: [Int]] = [:]
        var links: [Link] = []
        for pair in pairs {
            let a = people[pair.a], b = people[pair.b]
            let victim = a.victim.flatMap { va in b.victim.map { va.matches($0) } } ?? false
            let perpetrator = a.perpetrators.contains { pa in b.perpetrators.contains { pa.matches($0) } }
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
                // A transfer in carries an earlier MARAC's case here: no new incident.
                for referral in record.referrals where !referral.criteria.contains(.transferIn) {
                    guard let received = referral.received else { continue }
                    let incident = referral.incident.map { min($0, received) } ?? received
                    var previous: (caseIndex: Int, referral: ReferralSummary)?
                    for other in related {
                        for earlier in cases[other].referrals where earlier.decision == .accepted {
                            guard let when = earlier.received, when < received,
                                !(other == index && earlier.number == referral.number)
                            else { continue }
                            if previous.map({ when > $0.referral.received! }) ?? true { previous = (other, earlier) }
                        }
                    }
                    guard let previous, let previousReceived = previous.referral.received,
                        incident <= window.deadline(after: previousReceived, in: calendar),
                        let previousID = cases[previous.caseIndex].id
                    else { continue }
                    var idvaOnly = false
                    if let idvaWindow = rules.repeatIDVAOnlyWindow, referral.idvaEngaged == true {
                        let heard = (hearings[previousID] ?? []).filter { $0 >= previousReceived && $0 <= received }.max()
                        if let heard, incident <= idvaWindow.deadline(after: heard, in: calendar) { idvaOnly = true }
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

    /// A person's normalised names, blocking keys (first and last name word) and date of birth.
    struct NormalisedPerson: Sendable {
        var names: [String]
        var keys: Set<String>
        var dob: LocalDate?

        init(_ person: Person) {
            names = PersonMatching.names(of: person)
            dob = person.dob
            keys = Set(names.map { name in
                let words = name.split(separator: " ")
                return "\(words.first ?? "")|\(words.last ?? "")"
            })
        }

        /// `PersonMatching.samePerson` on the normalised forms.
        func matches(_ other: NormalisedPerson) -> Bool {
            if let a = dob, let b = other.dob, a != b { return false }
            return names.contains { x in other.names.contains { y in PersonMatching.namesAgree(x, y) } }
        }
    }

    /// A case's victim and perpetrators, normalised once.
    package struct CasePeople: Sendable {
        var victim: NormalisedPerson?
        var perpetrators: [NormalisedPerson]

        package init(victim: Person?, perpetrators: [Person]) {
            self.victim = victim.map(NormalisedPerson.init)
            self.perpetrators = perpetrators.map(NormalisedPerson.init)
        }
    }
}
