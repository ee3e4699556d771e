import MaracBase
import MaracRecords

/// Where an accepted referral must be heard, and by when.
public struct ListingDue: Sendable {
    /// The meeting it belongs to (the schedule's meeting, or the recorded meeting that replaced it).
    public var meeting: ScheduledMeeting
    /// The last day to circulate that meeting's agenda with the case on it (the meeting day
    /// when the profile has no agenda rule).
    public var due: LocalDate
    /// The unit lateness is counted in.
    public var unit: TimeUnit
    /// The day the listing is counted from: received (`listing_by_receipt`) or accepted.
    public var start: LocalDate
    /// The first hearing of the case on or after `start`, if any.
    public var heard: LocalDate?

    /// Heard at that meeting or an earlier one after `start`.
    public var heardInTime: Bool { heard.map { $0 <= meeting.date } ?? false }
}

/// Must this referral be heard, and where: the one answer `check` (the breach
/// `referral-not-listed`) and `lint` (a warning, as of the same day) use. It keeps the schedule it works out, so
/// make one per run.
///
/// A referral goes to the first meeting whose referral cut-off is on or after the day it was
/// accepted, or received where the protocol lists by receipt ("Referrals received after the
/// referral deadline date will be on the agenda for the subsequent MARAC" [003 MOP §5.1]);
/// "listed for the next available MARAC meeting" [004, 000 §9]. It need not be heard when it
/// is not accepted; when it was received before the case was transferred in (the sending
/// MARAC heard it); when it is a Gwent repeat that goes to the IDVA only [001 §4.2.3]; when
/// the case was closed, or its transfer out notified or sent, on or before that meeting's
/// day; or when it came before the schedule's first cut-off or before marac.toml's `adopted`
/// (`ProtocolEngine.predatesAdoption`): heard before the records began.
///
/// The meetings are the MARAC's schedule (marac.toml), each replaced by a recorded meeting of
/// the MARAC within 7 days of it (a moved meeting); emergency meetings are not listings.
public struct ListingPlanner {
    public let records: ProtocolRecords
    private var schedule: ScheduleCache
    /// Per MARAC, the days of its recorded meetings (not emergency ones), in order.
    private let recorded: [String: [LocalDate]]

    public init(_ records: ProtocolRecords) {
        self.records = records
        schedule = ScheduleCache(rules: records.engine.rules, calendar: records.engine.calendar)
        var recorded: [String: [LocalDate]] = [:]
        for meeting in records.meetings where meeting.kind != .emergency {
            if let marac = meeting.marac, let date = meeting.date { recorded[marac, default: []].append(date) }
        }
        self.recorded = recorded.mapValues { $0.sorted() }
    }

    /// The index of the first recorded meeting of `marac` on or after `date` (binary search).
    private func firstRecorded(_ marac: String, onOrAfter date: LocalDate) -> Int {
        let list = recorded[marac] ?? []
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] >= date { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private var engine: ProtocolEngine { records.engine }

    /// Where and by when referral `referral` of case `record` must be heard; `nil` when it need
    /// not be (see the type's description).
    public mutating func listing(of referral: ReferralSummary, in record: CaseSummary) -> ListingDue? {
        guard let id = record.id, let accepted = referral.acceptedOn, let maracID = record.marac,
              let marac = engine.configuration.marac(maracID), let frequency = marac.frequency,
              let first = marac.firstMeeting
        else { return nil }
        if engine.predatesAdoption(referral) { return nil }
        let start = engine.rules.listingByReceipt ? (referral.received ?? accepted) : accepted
        if let transferredIn = record.transferredIn, let received = referral.received, received < transferredIn { return nil }
        if records.detection.repeatOf(caseID: id, referral: referral.number)?.idvaOnly == true { return nil }
        guard let target = targetMeeting(start: start, marac: marac, frequency: frequency, first: first) else { return nil }
        if isGone(record, by: target.date) { return nil }
        let heard = records.hearingDates(of: id).first { $0 >= start }
        let due = target.agendaWindow?.latest ?? target.date
        let unit = engine.rules.agendaWindowMin.map(BreachCheck.countingUnit) ?? .days
        return ListingDue(meeting: target, due: due, unit: unit, start: start, heard: heard)
    }

    /// Where something that arrives on `start` for MARAC `maracID` must be listed, and by when:
    /// the meeting `meeting(listingFrom:marac:)` gives, due the last day to circulate its agenda
    /// (the meeting day without an agenda rule). Used for a transfer received [003 MOP §2.11] and
    /// a case heard at an emergency MARAC [002 §2 IV].
    public mutating func nextListing(from start: LocalDate, marac maracID: String?) -> ListingDue? {
        guard let maracID, let target = meeting(listingFrom: start, marac: maracID) else { return nil }
        let unit = engine.rules.agendaWindowMin.map(BreachCheck.countingUnit) ?? .days
        return ListingDue(meeting: target, due: target.agendaWindow?.latest ?? target.date, unit: unit, start: start, heard: nil)
    }

    /// The meeting of MARAC `maracID` that something arising on `start` goes to: the first
    /// whose referral cut-off is on or after it (the schedule's, or the recorded meeting that
    /// replaced it), as for a referral; `nil` before the schedule's first cut-off or for a
    /// MARAC with no schedule. Cases from an emergency MARAC and actions that came back
    /// incomplete go to the next meeting this way (`plannedCases`).
    public mutating func meeting(listingFrom start: LocalDate, marac maracID: String) -> ScheduledMeeting? {
        guard let marac = engine.configuration.marac(maracID), let frequency = marac.frequency, let first = marac.firstMeeting
        else { return nil }
        return targetMeeting(start: start, marac: marac, frequency: frequency, first: first)
    }

    /// The case need not be heard at a meeting on `date`: it was closed, or its transfer out
    /// notified or sent, on or before that day.
    func isGone(_ record: CaseSummary, by date: LocalDate) -> Bool {
        if let closed = record.closed, closed <= date { return true }
        return record.transfers.contains { $0.direction == .out && ($0.notified ?? $0.sent).map { $0 <= date } == true }
    }

    /// Where the protocols say a referral goes to the next meeting.
    public var reference: String {
        if engine.rules.listingByReceipt { return engine.reference(.listingByReceipt) }
        switch engine.rules.profile {
        case "liverpool": return RuleSource(.liverpoolProtocol, ["MOP §5.1"]).description
        case "gwent": return RuleSource(.gwentProtocol, ["§4.5"]).description
        default: return RuleSource(.westMidlandsProtocol, ["§9"]).description
        }
    }

    /// The meeting a referral counted from `start` belongs to, or `nil` when `start` is before
    /// the schedule's first cut-off.
    private mutating func targetMeeting(
        start: LocalDate, marac: Configuration.Marac, frequency: Configuration.Marac.Frequency, first: LocalDate
    ) -> ScheduledMeeting? {
        let list = recorded[marac.id] ?? []
        let rules = engine.rules, calendar = engine.calendar
        let before = schedule.meeting(-1, marac: marac, frequency: frequency, first: first)
        guard start > before.referralCutoff else { return nil }
        // Start a couple of meetings before the one nearest the start date.
        var index = max(0, MeetingSchedule.startIndex(frequency: frequency, first: first, near: start) - 2)
        let limit = index + 1_000
        while index < limit {
            var meeting = schedule.meeting(index, marac: marac, frequency: frequency, first: first)
            if meeting.referralCutoff >= start {
                var near: LocalDate?
                for date in list[firstRecorded(marac.id, onOrAfter: meeting.date.adding(days: -7))...] {
                    guard date <= meeting.date.adding(days: 7) else { break }
                    if near.map({ abs(date.days(to: meeting.date)) < abs($0.days(to: meeting.date)) }) ?? true { near = date }
                }
                if let near, near != meeting.date {
                    meeting.date = near
                    meeting.referralCutoff = MeetingSchedule.referralCutoff(meeting: near, marac: marac, rules: rules, calendar: calendar)
                    meeting.agendaWindow = rules.agendaWindow(meeting: near, calendar: calendar)
                    // Held earlier than planned, its cut-off passed before the start date: the next one.
                    if meeting.referralCutoff < start {
                        index += 1
                        continue
                    }
                }
                return meeting
            }
            index += 1
        }
        return nil
    }
}

/// Scheduled meetings worked out once per MARAC and meeting number.
struct ScheduleCache {
    let rules: ProtocolRules
    let calendar: WorkingCalendar
    private struct Key: Hashable {
        var marac: String
        var index: Int
    }

    private var meetings: [Key: ScheduledMeeting] = [:]

    init(rules: ProtocolRules, calendar: WorkingCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    mutating func meeting(
        _ index: Int, marac: Configuration.Marac, frequency: Configuration.Marac.Frequency, first: LocalDate
    ) -> ScheduledMeeting {
        let key = Key(marac: marac.id, index: index)
        if let known = meetings[key] { return known }
        let meeting = MeetingSchedule.meeting(index, marac: marac, frequency: frequency, first: first, rules: rules, calendar: calendar)
        meetings[key] = meeting
        return meeting
    }
}
