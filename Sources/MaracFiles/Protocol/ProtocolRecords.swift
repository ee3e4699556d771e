import MaracBase
import MaracRecords
import MaracRepository

/// A repository's records as the protocol questions see them, read once: every case's and
/// meeting's summary, each case's hearing dates, and the repeats and links among the cases.
/// Lint builds it from what it keeps of each file; check, the papers and sweep from the
/// loaded repository. The same records give the same answers whoever asks.
public struct ProtocolRecords: Sendable {
    public let engine: ProtocolEngine
    public let cases: [CaseSummary]
    public let meetings: [MeetingSummary]
    /// Repeats and linked cases (`RepeatDetection`), under the engine's rules and calendar.
    public let detection: RepeatDetection
    package let hearings: HearingIndex
    private let caseIndex: [String: Int]
    /// Cases joined by repeats (same victim and perpetrator, each referral within the repeat
    /// window of the one before): case index to its group's member indices.
    private let repeatGroups: [Int: [Int]]

    /// The records of `cases` and `meetings`; `matches` are the cases' matching people
    /// (`RepeatDetection.matches`) when already known, else they are worked out.
    public init(engine: ProtocolEngine, cases: [CaseSummary], meetings: [MeetingSummary], matches: [CaseMatch]? = nil) {
        var timer = PhaseTimer()
        self.engine = engine
        self.cases = cases
        self.meetings = meetings
        var caseIndex: [String: Int] = [:]
        caseIndex.reserveCapacity(cases.count)
        for (index, record) in cases.enumerated() {
            if let id = record.id, caseIndex[id] == nil { caseIndex[id] = index }
        }
        self.caseIndex = caseIndex
        hearings = HearingIndex(meetings.compactMap { meeting in meeting.date.map { ($0, meeting.hearings.map(\.caseID)) } })
        timer.lap("case ids and hearings")
        detection = RepeatDetection.analyse(
            cases, matches: matches ?? RepeatDetection.matches(cases), rules: engine.rules, hearings: hearings.dates,
            calendar: engine.calendar)
        timer.lap("repeats and links")
        repeatGroups = ProtocolRecords.groups(detection.repeats, caseIndex: caseIndex)
        timer.lap("repeat groups")
    }

    /// The records of a loaded repository, with the matches its index worked out if it has them.
    public init(engine: ProtocolEngine, repository: Repository) {
        let known = repository.caseMatches
        var timer = PhaseTimer()
        let cases = repository.cases.parallelMap { CaseSummary($0, normalisingNames: known == nil) }
        let meetings = repository.meetings.parallelMap(MeetingSummary.init)
        timer.lap("case and meeting summaries")
        self.init(engine: engine, cases: cases, meetings: meetings, matches: known)
    }

    /// The case with id `id`, if a file has it.
    public func summary(of id: String) -> CaseSummary? { caseIndex[id].map { cases[$0] } }

    /// The dates of the meetings that heard case `id`, in order.
    public func hearingDates(of id: String) -> [LocalDate] { hearings.dates[id] ?? [] }

    /// The links of case `id` (same victim or same perpetrator as another case,
    /// `RepeatDetection.links`) as they stood on `date`: each other case had a referral by
    /// then, so a paper of a past meeting never shows a case that came later. `nil`: every link.
    public func links(of id: String, asOf date: LocalDate?) -> [RepeatDetection.Link] {
        detection.links(of: id).filter { link in
            guard let date else { return true }
            return link.caseIDs.allSatisfy { other in
                summary(of: other)?.referrals.contains { $0.received.map { $0 <= date } ?? true } ?? false
            }
        }
    }

    /// The cases repeat-linked with case `id` (itself included).
    func repeatGroup(of id: String) -> [CaseSummary] {
        guard let index = caseIndex[id] else { return [] }
        return repeatGroup(ofIndex: index).map { cases[$0] }
    }

    /// The place in `cases` of the case with id `id`.
    func caseIndex(of id: String) -> Int? { caseIndex[id] }

    /// The places in `cases` of the cases repeat-linked with the case at `index` (itself included).
    func repeatGroup(ofIndex index: Int) -> [Int] { repeatGroups[index] ?? [index] }

    private static func groups(_ repeats: [RepeatDetection.Repeat], caseIndex: [String: Int]) -> [Int: [Int]] {
        var parent: [Int: Int] = [:]
        func root(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for found in repeats {
            guard let a = caseIndex[found.caseID], let b = caseIndex[found.previousCaseID], a != b else { continue }
            parent[a] = parent[a] ?? a
            parent[b] = parent[b] ?? b
            let ra = root(a), rb = root(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var members: [Int: [Int]] = [:]
        for x in parent.keys { members[root(x), default: []].append(x) }
        var groups: [Int: [Int]] = [:]
        for list in members.values {
            let sorted = list.sorted()
            for x in sorted { groups[x] = sorted }
        }
        return groups
    }
}
