import MaracBase
import MaracRecords

extension BreachCheck {
    /// IDVA referral within the profile's time of acceptance [000 §9, 001 §4.6, 003 §4.4]:
    /// `idva-referral-late` (made late) or `idva-referral-missing` (not made).
    func referralBreaches() -> [Breach] {
        guard let period = rules.idvaReferral else { return [] }
        var found: [Breach] = []
        for record in repository.cases {
            for referral in record.referrals {
                guard let accepted = referral.acceptedOn else { continue }
                let due = period.deadline(after: accepted, in: calendar)
                if let breach = deadlineBreach(
                    "idva-referral-late", period: period, ruleID: .idvaReferral, due: due, done: referral.idvaReferred,
                    caseID: record.id ?? record.file, item: "referral[\(referral.number)]",
                    missingRule: "idva-referral-missing")
                {
                    found.append(breach)
                }
            }
        }
        return found
    }

    /// An accepted referral must be heard at the first meeting whose referral cut-off is on or
    /// after the day it was accepted (`referral-not-listed`), unless the case was transferred
    /// out or closed first, or it is a Gwent IDVA-only repeat, or it was received before the
    /// case was transferred in (the sending MARAC heard it). Due: the last day to circulate
    /// that meeting's agenda (the meeting day when the profile has no agenda rule).
    ///
    /// The meetings are the MARAC's schedule (marac.toml), each replaced by a recorded meeting
    /// of the MARAC within 7 days of it (a moved meeting). Referrals accepted before the
    /// schedule's first cut-off were heard before the records began and are not checked.
    func listingBreaches() -> [Breach] {
        var found: [Breach] = []
        let configuration = repository.configuration
        var recorded: [String: [LocalDate]] = [:]
        for meeting in repository.meetings where meeting.kind != .emergency {
            if let marac = meeting.marac, let date = meeting.date { recorded[marac, default: []].append(date) }
        }
        var schedule = ScheduleCache(rules: rules, calendar: calendar)
        for record in repository.cases {
            guard let id = record.id, let maracID = record.marac, let marac = configuration.marac(maracID),
                let frequency = marac.frequency, let first = marac.firstMeeting
            else { continue }
            // Referrals received before the case was transferred in were heard by the sending MARAC.
            let transferredIn = record.transfers.filter { $0.direction == .in }.compactMap(\.received).max()
            for referral in record.referrals {
                guard let accepted = referral.acceptedOn else { continue }
                if let transferredIn, let received = referral.received, received < transferredIn { continue }
                if detection.repeatOf(caseID: id, referral: referral.number)?.idvaOnly == true { continue }
                guard let target = targetMeeting(
                    accepted: accepted, marac: marac, frequency: frequency, first: first,
                    recorded: recorded[marac.id] ?? [], schedule: &schedule)
                else { continue }
                if let closed = record.closed, closed <= target.date { continue }
                if record.transfers.contains(where: { $0.direction == .out && ($0.notified ?? $0.sent).map { $0 <= target.date } == true }) {
                    continue
                }
                let heard = hearings.dates[id, default: []].filter { $0 >= accepted }
                if heard.contains(where: { $0 <= target.date }) { continue }
                let due = target.agendaWindow?.latest ?? target.date
                let unit = rules.agendaWindowMin.map(BreachCheck.countingUnit) ?? .days
                let later = heard.first
                guard let (late, done) = lateness(due: due, done: later, unit: unit) else { continue }
                let ruleID: RuleID? = rules.agendaWindowMin != nil ? .agendaWindowMinDays : nil
                found.append(Breach(
                    rule: "referral-not-listed", caseID: id, meetingID: target.id, item: "referral[\(referral.number)]",
                    due: due, done: done, late: late, unit: unit, protocolRule: ruleID,
                    reference: listingReference))
            }
        }
        return found
    }

    /// Where the protocols say a referral goes to the next meeting.
    var listingReference: String {
        switch rules.profile {
        case "liverpool": RuleSource(.liverpoolProtocol, ["§5.1"]).description
        case "gwent": RuleSource(.gwentProtocol, ["§4.5"]).description
        default: RuleSource(.westMidlandsProtocol, ["§9"]).description
        }
    }

    /// The meeting an accepted referral belongs to, or `nil` when it was accepted before the
    /// schedule's first cut-off. `recorded`: the dates of the MARAC's recorded meetings.
    func targetMeeting(
        accepted: LocalDate, marac: Configuration.Marac, frequency: Configuration.Marac.Frequency, first: LocalDate,
        recorded: [LocalDate], schedule: inout ScheduleCache
    ) -> ScheduledMeeting? {
        let before = schedule.meeting(-1, marac: marac, frequency: frequency, first: first)
        guard accepted > before.referralCutoff else { return nil }
        // Start a couple of meetings before the one nearest the acceptance date.
        var index = max(0, MeetingSchedule.startIndex(frequency: frequency, first: first, near: accepted) - 2)
        let limit = index + 1_000
        while index < limit {
            var meeting = schedule.meeting(index, marac: marac, frequency: frequency, first: first)
            if meeting.referralCutoff >= accepted {
                let near = recorded.filter { abs($0.days(to: meeting.date)) <= 7 }
                    .min { abs($0.days(to: meeting.date)) < abs($1.days(to: meeting.date)) }
                if let near, near != meeting.date {
                    meeting.date = near
                    meeting.referralCutoff = MeetingSchedule.referralCutoff(meeting: near, marac: marac, rules: rules, calendar: calendar)
                    meeting.agendaWindow = rules.agendaWindow(meeting: near, calendar: calendar)
                    // Held earlier than planned, its cut-off passed before the acceptance: the next one.
                    if meeting.referralCutoff < accepted {
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
    private var meetings: [String: ScheduledMeeting] = [:]

    init(rules: ProtocolRules, calendar: WorkingCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    mutating func meeting(
        _ index: Int, marac: Configuration.Marac, frequency: Configuration.Marac.Frequency, first: LocalDate
    ) -> ScheduledMeeting {
        let key = "\(marac.id)#\(index)"
        if let known = meetings[key] { return known }
        let meeting = MeetingSchedule.meeting(index, marac: marac, frequency: frequency, first: first, rules: rules, calendar: calendar)
        meetings[key] = meeting
        return meeting
    }
}
