import MaracBase
import MaracRecords

/// Why a case belongs on a meeting's agenda.
public enum ListingReason: Sendable, Hashable {
    /// An accepted referral listed for this meeting (`ListingPlanner.listing`); `transferIn`
    /// when it is a MARAC-to-MARAC transfer in [003 §2.11]; `missed` names the earlier meeting
    /// it was listed for and was not heard at.
    case referral(number: Int, accepted: LocalDate, transferIn: Bool, missed: String?)
    /// Heard at an emergency MARAC, so listed at the next scheduled one [002 §2.IV].
    case emergency(meeting: String, missed: String?)
    /// An action that came back incomplete goes to the next meeting [002 §3 duty 6].
    case incompleteAction(meeting: String, action: String, missed: String?)
    /// Transferred out to another MARAC, listed for information where the profile lists
    /// outgoing transfers (`agenda_transfers_out_last`: "We will list all 'Outgoing MARAC
    /// Transfers' at the end of each MARAC agenda so that partners are kept informed" [004]).
    case transferOut(notified: LocalDate, missed: String?)

    /// "referral[2] accepted 2026-11-09", "transfer in (referral[1]) accepted ...", "heard at
    /// emergency MARAC 2026-11-20-north", "action 3 of 2026-10-01-north came back incomplete",
    /// each with "; missed 2026-11-05-north" when it was not heard where it was due. Ids and
    /// dates only.
    public var text: String {
        let (what, missed): (String, String?) = switch self {
        case .referral(let number, let accepted, let transferIn, let missed):
            ((transferIn ? "transfer in, " : "") + "referral[\(number)] accepted \(accepted)", missed)
        case .emergency(let meeting, let missed): ("heard at emergency MARAC \(meeting)", missed)
        case .incompleteAction(let meeting, let action, let missed): ("\(action) of \(meeting) came back incomplete", missed)
        case .transferOut(let notified, let missed): ("transferred out, notified \(notified) (for information)", missed)
        }
        return what + (missed.map { "; not heard at \($0), where it was due" } ?? "")
    }
}

/// A case that belongs on a meeting, and why.
public struct PlannedCase: Sendable {
    public var caseID: String
    public var reasons: [ListingReason]
}

extension ListingPlanner {
    /// Every case that belongs on `meeting` of its MARAC (the one answer `mfile plan` gives),
    /// by the protocol's own listing rules:
    /// - an accepted referral listed for it (`listing(of:in:)`: accepted or received on or
    ///   before its referral cut-off and after the one before; transfers in are accepted
    ///   `transfer-in` referrals [003 §2.11]);
    /// - a case heard at an emergency MARAC, listed at the next scheduled meeting, the first
    ///   whose cut-off is on or after the emergency meeting [002 §2.IV];
    /// - an action that came back incomplete (`status = "incomplete"`, still outstanding on the
    ///   meeting day), listed at the first meeting whose cut-off is on or after the day it was
    ///   reported (`updated`, else the day agreed) [002 §3 duty 6: "are incomplete and bring
    ///   these to the attention of the next meeting"];
    /// - a case transferred out, for information, at the first meeting whose cut-off is on or
    ///   after the day the move was learnt (`notified`, else `sent`), where the profile lists
    ///   outgoing transfers (`agenda_transfers_out_last` [004]).
    /// Something due at an earlier meeting and not heard since is carried to this one, so
    /// nothing is lost (check reports the lateness). A case closed, or transferred out
    /// (notified or sent), by the meeting day is not listed. `meetings` gives the actions.
    public mutating func plannedCases(for meeting: ScheduledMeeting, meetings: [Meeting]) -> [PlannedCase] {
        // Hearings at emergency meetings are not the listing itself.
        let emergency = Set(records.meetings.filter { $0.kind == .emergency && $0.marac == meeting.marac }.compactMap(\.date))
        func heardDates(_ id: String) -> [LocalDate] { records.hearingDates(of: id).filter { !emergency.contains($0) } }
        var reasons: [String: [ListingReason]] = [:]
        var order: [String] = []
        func add(_ id: String, _ reason: ListingReason) {
            if reasons[id] == nil { order.append(id) }
            if !(reasons[id]?.contains(reason) ?? false) { reasons[id, default: []].append(reason) }
        }
        /// `due` is this meeting, or an earlier one not heard at since `since` (exclusive
        /// when `after`): the meeting it was missed at, or `nil` when due here; `false` when
        /// it does not belong here.
        func belongs(_ due: ScheduledMeeting, caseID: String, since: LocalDate, after: Bool) -> (Bool, String?) {
            if due.id == meeting.id || due.date == meeting.date { return (true, nil) }
            guard due.date < meeting.date else { return (false, nil) }
            let heard = heardDates(caseID).contains { (after ? $0 > since : $0 >= since) && $0 < meeting.date }
            return heard ? (false, nil) : (true, due.id)
        }

        for record in records.cases where record.marac == meeting.marac {
            guard let id = record.id else { continue }
            if records.engine.rules.agendaTransfersOutLast, record.closed.map({ $0 > meeting.date }) ?? true,
               let notified = record.transfers.filter({ $0.direction == .out }).compactMap({ $0.notified ?? $0.sent }).min(),
               let due = self.meeting(listingFrom: notified, marac: meeting.marac)
            {
                let (here, missed) = belongs(due, caseID: id, since: notified, after: false)
                if here { add(id, .transferOut(notified: notified, missed: missed)) }
            }
            guard !isGone(record, by: meeting.date) else { continue }
            for referral in record.referrals {
                guard let listing = listing(of: referral, in: record), let accepted = referral.acceptedOn else { continue }
                if listing.meeting.date < meeting.date, let heard = listing.heard, heard < meeting.date { continue }
                let (here, missed) = belongs(listing.meeting, caseID: id, since: listing.start, after: false)
                if here {
                    add(id, .referral(
                        number: referral.number, accepted: accepted, transferIn: referral.criteria.contains(.transferIn), missed: missed))
                }
            }
        }
        for held in meetings where held.marac == meeting.marac {
            guard let date = held.date, let heldID = held.id, date < meeting.date else { continue }
            for hearing in held.hearings {
                guard let id = hearing.caseID, let record = records.summary(of: id), !isGone(record, by: meeting.date) else { continue }
                if held.kind == .emergency, let due = self.meeting(listingFrom: date, marac: meeting.marac) {
                    let (here, missed) = belongs(due, caseID: id, since: date, after: true)
                    if here { add(id, .emergency(meeting: heldID, missed: missed)) }
                }
                for (index, action) in hearing.actions.enumerated() where action.status == .incomplete {
                    guard action.isOutstanding(agreedOn: date, asOf: meeting.date) else { continue }
                    let reported = max(date, action.updated.flatMap { $0 < meeting.date ? $0 : nil } ?? date)
                    guard let due = self.meeting(listingFrom: reported, marac: meeting.marac) else { continue }
                    let (here, missed) = belongs(due, caseID: id, since: reported, after: true)
                    if here {
                        add(id, .incompleteAction(
                            meeting: heldID, action: "action \(action.id.map(String.init) ?? "#\(index + 1)")", missed: missed))
                    }
                }
            }
        }
        return order.map { PlannedCase(caseID: $0, reasons: reasons[$0]!) }
    }
}
