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
    public static func due(_ repository: Repository, records: ProtocolRecords, asOf: LocalDate) -> [Due] {
        var found: [Due] = []
        for record in repository.cases {
            guard let id = record.id, let status = records.flagStatus(of: id, asOf: asOf), status.isDue(asOf: asOf)
            else { continue }
            found.append(Due(
                caseID: id, file: record.file, start: status.start, ended: status.ended,
                agencies: agencies(for: record, in: repository, engine: records.engine)))
        }
        return found.sorted { $0.caseID < $1.caseID }
    }

    /// The agencies told to lift a case's flags. A closed-session case
    /// (`ProtocolEngine.isClosedSession`) was shared only with the agencies in that session
    /// [001 §4.12: the chair will "invite the agencies required to participate"; 003 MOP §5.13:
    /// "information sharing may be restricted to a small number of agencies"], so only they are
    /// told: its referring agencies, the agencies that presented it, shared information or
    /// took an action at its hearings, and those attending a meeting of kind `closed` that
    /// heard it. Any other case: every core agency (children's agencies only when the case has
    /// a child), and any other agency that referred it or shared information or took an
    /// action at one of its hearings.
    public static func agencies(for record: Case, in repository: Repository, engine: ProtocolEngine) -> [String] {
        var involved = Set(record.referrals.compactMap(\.agency))
        var closed = engine.isClosedSession(record)
        if let id = record.id {
            for meeting in repository.meetings {
                for hearing in meeting.hearings where hearing.caseID == id {
                    involved.formUnion(hearing.information.compactMap(\.agency))
                    involved.formUnion(hearing.actions.compactMap(\.agency))
                    if let presenter = hearing.presentedBy { involved.insert(presenter) }
                    if meeting.kind == .closed {
                        closed = true
                        involved.formUnion(meeting.attendees.compactMap(\.agency))
                    }
                }
            }
        }
        let hasChildren = !record.children.isEmpty
        return repository.configuration.agencies.filter { agency in
            involved.contains(agency.id) || (!closed && agency.core && (!agency.children || hasChildren))
        }.map(\.id)
    }

    /// The cases recorded as lifted on `date` (by an earlier `--apply` that day), with the
    /// agencies their `[flag] notice` names: their notices are written again, so that a
    /// second run, or a run after a crash, still leaves every agency's notice whole.
    public static func liftedOn(_ date: LocalDate, _ repository: Repository, records: ProtocolRecords) -> [Due] {
        repository.cases.compactMap { record in
            guard record.flagLifted == date, let id = record.id,
                  let status = records.flagStatus(of: id, asOf: date) else { return nil }
            let notice = record.table["flag"]?.table?["notice"]?.array?.compactMap(\.string) ?? []
            return Due(
                caseID: id, file: record.file, start: status.start, ended: status.ended,
                agencies: notice.isEmpty ? agencies(for: record, in: repository, engine: records.engine) : notice)
        }.sorted { $0.caseID < $1.caseID }
    }
}
