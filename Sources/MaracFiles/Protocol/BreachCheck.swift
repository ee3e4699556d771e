import Foundation
import MaracBase
import MaracJSON
import MaracRepository

/// `mfile check`: every breach of the protocol's deadlines in a repository as of a date.
///
/// Each rule runs only when the effective profile has it on; the action due-date rule runs
/// always (every protocol makes actions SMART, with a due date). Something done on or before
/// its due date is on time; a date in a record later than the as-of date counts as not done
/// yet, so a past date can be checked again as it stood then.
public struct BreachCheck: Sendable {
    public var repository: Repository
    public var engine: ProtocolEngine
    public var asOf: LocalDate
    /// The records as the protocol questions see them (repeats, hearings, flags, listings).
    public let records: ProtocolRecords

    public init(repository: Repository, engine: ProtocolEngine, asOf: LocalDate) {
        self.repository = repository
        self.engine = engine
        self.asOf = asOf
        records = ProtocolRecords(engine: engine, repository: repository)
    }

    /// The agenda candidates of the meeting at `index` in `records.meetings`, worked out where
    /// they are counted and not kept (the cap and attendance rules run side by side).
    func agendaCandidates(ofMeeting index: Int) -> [AgendaCandidate] { records.agendaCandidates(records.meetings[index]) }

    /// Repeats and links among the cases.
    public var detection: RepeatDetection { records.detection }
    var rules: ProtocolRules { engine.rules }
    var calendar: WorkingCalendar { engine.calendar }
    var hearings: HearingIndex { records.hearings }

    /// Every breach, in stable order (by case).
    public func breaches() -> [Breach] {
        let families: [@Sendable (BreachCheck) -> [Breach]] = [
            { $0.referralBreaches() }, { $0.listingBreaches() }, { $0.meetingBreaches() }, { $0.attendanceBreaches() },
            { $0.circulationBreaches() }, { $0.relistingBreaches() }, { $0.actionBreaches() }, { $0.caseBreaches() },
        ]
        let check = self
        var found = families.concurrentMap { $0(check) }
        var all: [Breach] = []
        all.reserveCapacity(found.reduce(0) { $0 + $1.count })
        for i in found.indices {
            all += found[i]
            found[i] = []
        }
        return Breach.sorted(all, .case)
    }

    /// The citation of a profile rule (or of the override that sets it).
    func reference(_ id: RuleID) -> String { engine.reference(id) }

    /// How late something due on `due` and done on `done` is as of `asOf`, in `unit`
    /// (working days, or calendar days for any other unit); `nil` when it is not late.
    /// A working-day count is at least 1 once the due day has passed.
    func lateness(due: LocalDate, done: LocalDate?, unit: TimeUnit) -> (late: Int, done: LocalDate?)? {
        let doneAsOf = done.flatMap { $0 <= asOf ? $0 : nil }
        let end: LocalDate
        if let doneAsOf {
            guard doneAsOf > due else { return nil }
            end = doneAsOf
        } else {
            guard asOf > due else { return nil }
            end = asOf
        }
        let count = unit == .workingDays ? max(1, calendar.workingDays(from: due, to: end)) : due.days(to: end)
        return (count, doneAsOf)
    }

    /// The unit lateness is counted in for a rule's period.
    static func countingUnit(_ period: RulePeriod) -> TimeUnit {
        period.unit == .workingDays ? .workingDays : .days
    }

    /// A breach of a deadline rule, when late: `nil` otherwise.
    func deadlineBreach(
        _ rule: String, period: RulePeriod, ruleID: RuleID, due: LocalDate, done: LocalDate?,
        caseID: String? = nil, meetingID: String? = nil, agency: String? = nil, item: String? = nil,
        missingRule: String? = nil
    ) -> Breach? {
        let unit = BreachCheck.countingUnit(period)
        guard let (late, doneAsOf) = lateness(due: due, done: done, unit: unit) else { return nil }
        return Breach(
            rule: doneAsOf == nil ? (missingRule ?? rule) : rule, caseID: caseID, meetingID: meetingID,
            agency: agency, item: item, due: due, done: doneAsOf, late: late, unit: unit,
            protocolRule: ruleID, reference: reference(ruleID))
    }
}

/// The full result of a check, for the command's report.
public struct BreachReport: Sendable {
    public var asOf: LocalDate
    public var profile: String
    public var breaches: [Breach]
    /// Recommendations and reminders that are not breaches (`BreachCheck.reported`).
    public var reported: [Reported]
    public var links: [RepeatDetection.Link]

    public init(check: BreachCheck) {
        asOf = check.asOf
        profile = check.rules.profile
        breaches = check.breaches()
        reported = check.reported()
        links = check.detection.links
    }

    /// The breaches in the order of `grouping` (they are kept in case order).
    func sorted(_ grouping: Breach.Grouping) -> [Breach] {
        grouping == .case ? breaches : Breach.sorted(breaches, grouping)
    }

    /// Text lines grouped as asked (by agency: the chasing list, `ChasingList`), then what is
    /// reported but is not a breach, then the linked cases.
    public func textLines(_ grouping: Breach.Grouping) -> [String] {
        var lines = grouping == .agency ? ChasingList(breaches).textLines : sorted(grouping).map { $0.line(grouping) }
        lines += reported.map(\.line)
        for link in links {
            lines.append("\(link.caseIDs.map(ShownID.caseID).joined(separator: "  "))  linked-case  \(link.kind.rawValue)  (reported, not a breach)")
        }
        return lines
    }

    public func json(_ grouping: Breach.Grouping) -> JSONValue {
        let sorted = sorted(grouping)
        var groups: [(key: String, value: JSONValue)] = []
        var current: String?
        var members: [JSONValue] = []
        for breach in sorted {
            let key = breach.groupKey(grouping)
            if key != current, let current { groups.append((current, .array(members))); members = [] }
            current = key
            members.append(breach.json)
        }
        if let current { groups.append((current, .array(members))) }
        var fields: [(String, JSONValue)] = [
            ("as_of", .string(asOf.description)),
            ("profile", .string(profile)),
            ("by", .string(grouping.rawValue)),
            ("count", .integer(Int64(breaches.count))),
            ("breaches", .array(sorted.map(\.json))),
            ("groups", .object(groups)),
            ("reported", .array(reported.map(\.json))),
        ]
        if grouping == .agency { fields.append(("chasing", ChasingList(breaches).json)) }
        return .object(fields + [
            ("linked", .array(links.map { link in
                .object([("cases", .array(link.caseIDs.map { .string(ShownID.caseID($0)) })), ("kind", .string(link.kind.rawValue))])
            })),
        ])
    }
}

