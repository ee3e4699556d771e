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
        _ repository: Repository, records: ProtocolRecords, asOf: LocalDate, progress: ProgressLine = .none
    ) -> [Due] {
        let involved = HearingAgencies(repository.meetings)
        var found: [Due] = []
        for (done, record) in repository.cases.enumerated() {
            progress.step("finding the flags due", done + 1, of: repository.cases.count)
            guard let id = record.id, let status = records.flagStatus(of: id, asOf: asOf), status.isDue(asOf: asOf)
            else { continue }
            found.append(Due(
                caseID: id, file: record.file, start: status.start, ended: status.ended,
                agencies: agencies(for: record, involved: involved, configuration: repository.configuration)))
        }
        return found.sorted { $0.caseID < $1.caseID }
    }

    /// The agencies that flag a case: every core agency (children's agencies only when the
    /// case has a child), and any other agency that referred it or shared information or
    /// took an action at one of its hearings.
    public static func agencies(for record: Case, involved: HearingAgencies, configuration: Configuration) -> [String] {
        var agencies = Set(record.referrals.compactMap(\.agency))
        if let id = record.id { agencies.formUnion(involved.agencies(of: id)) }
        let hasChildren = !record.children.isEmpty
        return configuration.agencies.filter { agency in
            agencies.contains(agency.id) || (agency.core && (!agency.children || hasChildren))
        }.map(\.id)
    }

    /// The cases recorded as lifted on `date` (by an earlier `--apply` that day), with the
    /// agencies their `[flag] notice` names: their notices are written again, so that a
    /// second run, or a run after a crash, still leaves every agency's notice whole.
    public static func liftedOn(_ date: LocalDate, _ repository: Repository, records: ProtocolRecords) -> [Due] {
        let involved = HearingAgencies(repository.meetings)
        return repository.cases.compactMap { record in
            guard record.flagLifted == date, let id = record.id,
                  let status = records.flagStatus(of: id, asOf: date) else { return nil }
            let notice = record.flagNotice
            return Due(
                caseID: id, file: record.file, start: status.start, ended: status.ended,
                agencies: notice.isEmpty ? agencies(for: record, involved: involved, configuration: repository.configuration) : notice)
        }.sorted { $0.caseID < $1.caseID }
    }
}

/// The agencies that took part in each case's hearings (presented it, shared information or
/// took an action), gathered in one pass over the meetings.
public struct HearingAgencies: Sendable {
    private var byCase: [String: Set<String>] = [:]

    public init(_ meetings: [Meeting]) {
        for meeting in meetings {
            for hearing in meeting.hearings {
                guard let id = hearing.caseID else { continue }
                byCase[id, default: []].formUnion(hearing.information.compactMap(\.agency))
                byCase[id, default: []].formUnion(hearing.actions.compactMap(\.agency))
                if let presenter = hearing.presentedBy { byCase[id, default: []].insert(presenter) }
            }
        }
    }

    /// The agencies that took part in the hearings of case `id`.
    public func agencies(of id: String) -> Set<String> { byCase[id] ?? [] }
}
