import MaracBase
import MaracRecords

/// Where a case stands against the retention period (`retention_months`): when its
/// retention starts and ends.
///
/// No protocol gives a number: "This data will be destroyed when no longer required for the
/// purpose it was provided" [003 ISP §3.7]; agencies "can hold relevant information for as long
/// as a risk to the victim, including children remains" [003 ISP §9.4]; "kept for no longer
/// than is strictly necessary ... destroyed in line with agencies' retention procedures" [003
/// ISP §9.6]; "destroyed in accordance with individual agency guidelines" [000 §23]. So the
/// period is the MARAC's own, and the start is the latest of what shows a risk may remain.
public struct RetentionStatus: Sendable, Equatable {
    /// The latest of: the day the case was closed (or its transfer out sent), the end of its
    /// flag period (a repeat is still possible until then), its last hearing, and its last
    /// disclosure (made or requested).
    public var start: LocalDate
    /// `start` plus the retention period: listed for a destruction review from this day.
    public var ends: LocalDate

    /// Listed for review: the period has ended by `asOf`.
    public func isDue(asOf: LocalDate) -> Bool { ends <= asOf }
}

extension ProtocolRecords {
    /// The retention of case `id` as of `asOf`: the one answer `sweep` and `sweep --purge`
    /// use. `nil` when there is no retention period, or the case is not due to be reviewed at
    /// all: open; closed without a `closed` date (lint warns, `closed-date-missing`);
    /// transferred out with no transfer sent; `retention_hold`; a disclosure requested and not
    /// yet made.
    public func retentionStatus(of id: String, asOf: LocalDate) -> RetentionStatus? {
        guard let period = engine.rules.period(.retentionMonths), let record = summary(of: id),
              !record.retentionHold, !record.disclosurePending else { return nil }
        let ended: LocalDate?
        switch record.status {
        case .closed?: ended = record.closed
        case .transferredOut?: ended = record.transfers.filter { $0.direction == .out }.compactMap(\.sent).max()
        default: ended = nil
        }
        guard let ended else { return nil }
        var candidates = [ended]
        if let flag = flagStatus(of: id, asOf: asOf) { candidates.append(flag.ended) }
        if let heard = hearingDates(of: id).last { candidates.append(heard) }
        if let disclosed = record.lastDisclosure { candidates.append(disclosed) }
        let start = candidates.max()!
        return RetentionStatus(start: start, ends: period.deadline(after: start, in: engine.calendar))
    }
}

/// The cases past their retention period, for a destruction review.
public enum RetentionSweep {
    public struct Due: Sendable, Equatable {
        public var caseID: String
        public var file: String
        public var status: Case.Status?
        public var closed: LocalDate?
        public var start: LocalDate
        public var ends: LocalDate
    }

    /// The cases whose retention period has ended by `asOf`, by case id.
    public static func due(_ records: ProtocolRecords, asOf: LocalDate) -> [Due] {
        records.cases.compactMap { record in
            guard let id = record.id, let status = records.retentionStatus(of: id, asOf: asOf), status.isDue(asOf: asOf) else { return nil }
            return Due(caseID: id, file: record.file, status: record.status, closed: record.closed, start: status.start, ends: status.ends)
        }.sorted { $0.caseID < $1.caseID }
    }
}
