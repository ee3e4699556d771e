import MaracBase
import MaracRecords
import MaracRepository

/// Flag and tag [000 §9, 003 §2.6]: agencies flag a victim's and perpetrator's files for the
/// flag period after the later of the last incident and the last accepted referral, and lift
/// the flags when it ends with no repeat. `mfile sweep` lists the flags due to be lifted.
public enum FlagSweep {
    /// One case whose flags are due to be lifted.
    public struct Due: Sendable, Equatable {
        public var caseID: String
        /// The case file, relative to the repository root.
        public var file: String
        /// The later of the last incident and the last accepted referral.
        public var start: LocalDate
        /// The day the flag period ended.
        public var ended: LocalDate
        /// The agencies to tell (ids from marac.toml), in marac.toml's order.
        public var agencies: [String]
    }

    /// The cases whose flag period of `period` has ended on or before `asOf`: not
    /// transferred out, and not already lifted for this period. Sorted by case id. Each is
    /// told to `recipients` of its case (by default `agencies(for:in:)`; the sweep gives the
    /// closed-session rule, `FlagNotice.recipients`).
    public static func due(
        _ repository: Repository, period: RulePeriod, asOf: LocalDate, calendar: WorkingCalendar,
        recipients: ((Case) -> [String])? = nil
    ) -> [Due] {
        var found: [Due] = []
        for record in repository.cases where record.status != .transferredOut {
            guard let id = record.id, let start = flagStart(record, asOf: asOf) else { continue }
            if let lifted = record.flagLifted, lifted >= start { continue }
            let ended = period.deadline(after: start, in: calendar)
            guard ended <= asOf else { continue }
            found.append(Due(
                caseID: id, file: record.file, start: start, ended: ended,
                agencies: recipients?(record) ?? agencies(for: record, in: repository)))
        }
        return found.sorted { $0.caseID < $1.caseID }
    }

    /// The later of the last incident and the last accepted referral (up to `asOf`); `nil`
    /// when no referral was accepted (a returned referral is never flagged).
    public static func flagStart(_ record: Case, asOf: LocalDate) -> LocalDate? {
        record.referrals.filter { $0.decision == .accepted }
            .flatMap { [$0.received, $0.incident].compactMap { $0 } }
            .filter { $0 <= asOf }
            .max()
    }

    /// The agencies that flag a case: every core agency (children's agencies only when the
    /// case has a child), and any other agency that referred it or shared information or
    /// took an action at one of its hearings.
    public static func agencies(for record: Case, in repository: Repository) -> [String] {
        var involved = Set(record.referrals.compactMap(\.agency))
        if let id = record.id {
            for meeting in repository.meetings {
                for hearing in meeting.hearings where hearing.caseID == id {
                    involved.formUnion(hearing.information.compactMap(\.agency))
                    involved.formUnion(hearing.actions.compactMap(\.agency))
                    if let presenter = hearing.presentedBy { involved.insert(presenter) }
                }
            }
        }
        let hasChildren = !record.children.isEmpty
        return repository.configuration.agencies.filter { agency in
            involved.contains(agency.id) || (agency.core && (!agency.children || hasChildren))
        }.map(\.id)
    }

    /// The cases recorded as lifted on `date` (by an earlier `--apply` that day), with the
    /// agencies their `[flag] notice` names: their notices are written again, so that a
    /// second run, or a run after a crash, still leaves every agency's notice whole.
    public static func liftedOn(
        _ date: LocalDate, _ repository: Repository, period: RulePeriod, calendar: WorkingCalendar,
        recipients: ((Case) -> [String])? = nil
    ) -> [Due] {
        repository.cases.compactMap { record in
            guard record.flagLifted == date, let id = record.id,
                  let start = flagStart(record, asOf: date) else { return nil }
            let notice = record.table["flag"]?.table?["notice"]?.array?.compactMap(\.string) ?? []
            return Due(
                caseID: id, file: record.file, start: start, ended: period.deadline(after: start, in: calendar),
                agencies: notice.isEmpty ? (recipients?(record) ?? agencies(for: record, in: repository)) : notice)
        }.sorted { $0.caseID < $1.caseID }
    }
}
