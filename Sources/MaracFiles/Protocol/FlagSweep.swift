import MaracBase
import MaracRecords
import MaracRepository

/// Flag and tag [000 §9, 003 MOP §2.6, 002 §3 duty 7]: agencies flag a victim's and
/// perpetrator's files for the flag period after the later of the last incident and the last
/// accepted referral, and lift the flags when it ends with no repeat. `mfile sweep` lists the
/// flags due to be lifted (`ProtocolRecords.flagStatus`, as `check` does).
public enum FlagSweep {
    /// One case whose flags are due to be lifted.
    public struct Due: Sendable, Equatable {
        public var caseID: String
        /// The case file, relative to the repository root.
        public var file: String
        /// The later of the last incident and the last accepted referral (of this case or a repeat of it).
        public var start: LocalDate
        /// The day the flag period ended.
        public var ended: LocalDate
        /// The agencies to tell (ids from marac.toml), in marac.toml's order.
        public var agencies: [String]
    }

    /// The cases whose flags are due to be lifted as of `asOf` (`ProtocolRecords.flagStatus`),
    /// sorted by case id.
    public static func due(
        _ repository: Repository, records: ProtocolRecords, asOf: LocalDate
    ) -> [Due] {
        let due = repository.cases.compactMap { record -> (Case, String, FlagStatus)? in
            guard let id = record.id, let status = records.flagStatus(of: id, asOf: asOf), status.isDue(asOf: asOf)
            else { return nil }
            return (record, id, status)
        }
        let involved = HearingAgencies(repository.meetings, of: Set(due.map(\.1)))
        return due.map { record, id, status in
            Due(
                caseID: id, file: record.file, start: status.start, ended: status.ended,
                agencies: agencies(for: record, involved: involved, engine: records.engine))
        }.sorted { $0.caseID < $1.caseID }
    }

    /// The agencies told to lift a case's flags. A closed-session case
    /// (`ProtocolEngine.isClosedSession`) was shared only with the agencies in that session
    /// [001 §4.12: the chair will "invite the agencies required to participate"; 003 MOP §5.13:
    /// "information sharing may be restricted to a small number of agencies"], so only they are
    /// told: its referring agencies, the agencies that presented it, shared information or
    /// took an action at its hearings, and those attending a meeting of kind `closed` that
    /// heard it. Any other case: every core agency (children's agencies only when the case has
    /// a child), and any other agency that referred it or shared information or took an
    /// action at one of its hearings. `involved` holds what the meetings say of each case.
    public static func agencies(for record: Case, involved: HearingAgencies, engine: ProtocolEngine) -> [String] {
        var agencies = Set(record.referrals.compactMap(\.agency))
        var closed = engine.isClosedSession(record)
        if let id = record.id {
            let heard = involved.agencies(of: id)
            agencies.formUnion(heard.agencies)
            closed = closed || heard.atClosedMeeting
        }
        let hasChildren = !record.children.isEmpty
        return engine.configuration.agencies.filter { agency in
            agencies.contains(agency.id) || (!closed && agency.core && (!agency.children || hasChildren))
        }.map(\.id)
    }

    /// The cases recorded as lifted on `date` (by an earlier `--apply` that day), with the
    /// agencies their `[flag] notice` names: their notices are written again, so that a
    /// second run, or a run after a crash, still leaves every agency's notice whole.
    public static func liftedOn(_ date: LocalDate, _ repository: Repository, records: ProtocolRecords) -> [Due] {
        let lifted = repository.cases.filter { $0.flagLifted == date && $0.flagNotice.isEmpty }.compactMap(\.id)
        let involved = HearingAgencies(repository.meetings, of: Set(lifted))
        return repository.cases.compactMap { record in
            guard record.flagLifted == date, let id = record.id,
                  let status = records.flagStatus(of: id, asOf: date) else { return nil }
            let notice = record.flagNotice
            return Due(
                caseID: id, file: record.file, start: status.start, ended: status.ended,
                agencies: notice.isEmpty ? agencies(for: record, involved: involved, engine: records.engine) : notice)
        }.sorted { $0.caseID < $1.caseID }
    }
}

/// What the meetings say of each case's hearings: the agencies that took part (presented it,
/// shared information or took an action, and everyone attending a meeting of kind `closed`
/// that heard it) and whether such a closed meeting heard it, gathered in one pass over the
/// meetings for the cases asked about.
public struct HearingAgencies: Sendable {
    private var byCase: [String: (agencies: Set<String>, atClosedMeeting: Bool)] = [:]

    /// What `meetings` say of the cases `ids`.
    public init(_ meetings: [Meeting], of ids: Set<String>) {
        guard !ids.isEmpty else { return }
        for meeting in meetings {
            for hearing in meeting.hearings {
                guard let id = hearing.caseID, ids.contains(id) else { continue }
                var entry = byCase[id] ?? ([], false)
                entry.agencies.formUnion(hearing.information.compactMap(\.agency))
                entry.agencies.formUnion(hearing.actions.compactMap(\.agency))
                if let presenter = hearing.presentedBy { entry.agencies.insert(presenter) }
                if meeting.kind == .closed {
                    entry.atClosedMeeting = true
                    entry.agencies.formUnion(meeting.attendees.compactMap(\.agency))
                }
                byCase[id] = entry
            }
        }
    }

    /// The agencies that took part in the hearings of case `id`, and whether a closed meeting heard it.
    public func agencies(of id: String) -> (agencies: Set<String>, atClosedMeeting: Bool) { byCase[id] ?? ([], false) }
}
