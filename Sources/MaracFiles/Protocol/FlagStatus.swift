import MaracBase
import MaracRecords

/// Where a case's flag period stands as of a date.
public struct FlagStatus: Sendable, Equatable {
    /// The later of the last incident and the last accepted referral, of this case or of any
    /// case joined to it by a repeat (same victim and perpetrator).
    public var start: LocalDate
    /// The day the flag period ends.
    public var ended: LocalDate
    /// `[flag] lifted` on or after `start` and on or before the as-of date: lifted for this
    /// period.
    public var lifted: Bool

    /// The flags are due to be lifted (sweep lists the case): the period has ended and they
    /// have not been lifted.
    public func isDue(asOf: LocalDate) -> Bool { !lifted && ended <= asOf }

    /// The flags should already have been lifted (check reports `flag-expired`): past the
    /// day the period ended.
    public func isOverdue(asOf: LocalDate) -> Bool { !lifted && ended < asOf }
}

extension ProtocolRecords {
    /// Is this flag due to be lifted, as of `asOf`: the one answer `sweep` and `check` use.
    ///
    /// Agencies flag a victim's (and perpetrator's) files "for twelve months following the last
    /// incident" [002 §3 duty 7, 000 §7] and "remove flags after a twelve month period if there
    /// have been no repeat incidents" [000 §9]; Liverpool "for 12 months following a referral"
    /// [003 MOP §2.6]. So the period runs from the later of the last incident and the last
    /// accepted referral, and a repeat (in this file or filed as a new case) starts it again.
    /// `nil` when the profile has no flag period, the case is transferred out (the receiving
    /// MARAC keeps the flags), or no referral was accepted by `asOf`.
    public func flagStatus(of id: String, asOf: LocalDate) -> FlagStatus? {
        guard let period = engine.rules.flagPeriod, let record = summary(of: id),
              record.status != .transferredOut else { return nil }
        let dates = repeatGroup(of: id).flatMap { member in
            member.referrals.filter { $0.decision == .accepted }.flatMap { [$0.received, $0.incident].compactMap { $0 } }
        }
        guard let start = dates.filter({ $0 <= asOf }).max() else { return nil }
        let lifted = record.flagLifted.map { $0 >= start && $0 <= asOf } ?? false
        return FlagStatus(start: start, ended: period.deadline(after: start, in: engine.calendar), lifted: lifted)
    }
}
