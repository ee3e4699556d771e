extension BreachCheck {
    /// The action rules: past its due date and still outstanding (`action-overdue`); no
    /// update by the follow-up day (`action-no-update`: West Midlands chases 7 days after the
    /// meeting [000 §12], Liverpool expects completion reported within 14 days [003 §6.12]);
    /// and a professionals' meeting not held in time (`professionals-meeting-late`,
    /// `professionals-meeting-missing`: 10 days in the West Midlands [000 §14]).
    func actionBreaches() -> [Breach] {
        var found: [Breach] = []
        let followUp: (RuleID, RulePeriod)? = rules.actionChase.map { (.actionChaseDays, $0) }
            ?? rules.actionCompletion.map { (.actionCompletionDays, $0) }
        for meeting in repository.meetings {
            guard let date = meeting.date, let id = meeting.id else { continue }
            for hearing in meeting.hearings {
                for (index, action) in hearing.actions.enumerated() {
                    let item = "action \(action.id.map(String.init) ?? "#\(index + 1)")"
                    let finished = action.status == .cannotComplete
                        || (action.status == .complete && (action.completed.map { $0 <= asOf } ?? true))
                    if finished { continue }
                    if let due = action.due, asOf > due {
                        found.append(Breach(
                            rule: "action-overdue", caseID: hearing.caseID, meetingID: id, agency: action.agency,
                            item: item, due: due, late: due.days(to: asOf), unit: .days,
                            reference: actionReference))
                    }
                    if let (ruleID, period) = followUp {
                        let updated = action.updated.flatMap { $0 <= asOf ? $0 : nil }
                        if updated == nil, let breach = deadlineBreach(
                            "action-no-update", period: period, ruleID: ruleID,
                            due: period.deadline(after: date, in: calendar), done: nil,
                            caseID: hearing.caseID, meetingID: id, agency: action.agency, item: item)
                        {
                            found.append(breach)
                        }
                    }
                }
                if let period = rules.professionalsMeeting, hearing.professionalsMeetingNeeded,
                    let breach = deadlineBreach(
                        "professionals-meeting-late", period: period, ruleID: .professionalsMeetingDays,
                        due: period.deadline(after: date, in: calendar), done: hearing.professionalsMeeting,
                        caseID: hearing.caseID, meetingID: id, missingRule: "professionals-meeting-missing")
                {
                    found.append(breach)
                }
            }
        }
        return found
    }

    /// Where each protocol makes actions SMART, with a due date.
    var actionReference: String {
        switch rules.profile {
        case "liverpool": RuleSource(.liverpoolProtocol, ["§6.10"]).description
        case "gwent": RuleSource(.gwentProtocol, ["§4.10"]).description
        default: RuleSource(.westMidlandsProtocol, ["§8", "§12"]).description
        }
    }
}
