extension BreachCheck {
    /// The action rules: past its due date and still outstanding (`action-overdue`, every
    /// profile); no update by the chase day (`action-no-update`: "where agencies have not
    /// provided an update ... within seven days" [000 §12]); not reported complete (or as
    /// impossible) within the completion time (`action-not-complete`, `action-completion-late`:
    /// "inform the MARAC Officers ... that their actions are complete within 14 days of the
    /// MARAC meeting" [003 MOP §6.12], whatever updates were sent); and a professionals'
    /// meeting not held in time (`professionals-meeting-late`, `professionals-meeting-missing`:
    /// 10 days in the West Midlands [000 §14]). Outstanding is `Action.isOutstanding`.
    func actionBreaches() -> [Breach] {
        var found: [Breach] = []
        for meeting in repository.meetings {
            guard let date = meeting.date, let id = meeting.id else { continue }
            for hearing in meeting.hearings {
                for (index, action) in hearing.actions.enumerated() {
                    let item = "action \(action.id.map(String.init) ?? "#\(index + 1)")"
                    if let period = rules.actionCompletion, date <= asOf {
                        let due = period.deadline(after: date, in: calendar)
                        // Finished with no date recorded: taken as on time.
                        let done = action.isClosedByStatus ? (action.finishedOn ?? due) : nil
                        if let breach = deadlineBreach(
                            "action-completion-late", period: period, ruleID: .actionCompletionDays, due: due, done: done,
                            caseID: hearing.caseID, meetingID: id, agency: action.agency, item: item,
                            missingRule: "action-not-complete")
                        {
                            found.append(breach)
                        }
                    }
                    guard action.isOutstanding(agreedOn: date, asOf: asOf) else { continue }
                    if let due = action.due, asOf > due {
                        found.append(Breach(
                            rule: "action-overdue", caseID: hearing.caseID, meetingID: id, agency: action.agency,
                            item: item, due: due, late: due.days(to: asOf), unit: .days,
                            reference: actionReference))
                    }
                    if let period = rules.actionChase {
                        let updated = action.updated.flatMap { $0 <= asOf ? $0 : nil }
                        if updated == nil, let breach = deadlineBreach(
                            "action-no-update", period: period, ruleID: .actionChaseDays,
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
        case "liverpool": RuleSource(.liverpoolProtocol, ["MOP §6.10"]).description
        case "gwent": RuleSource(.gwentProtocol, ["§4.10"]).description
        default: RuleSource(.westMidlandsProtocol, ["§8", "§12"]).description
        }
    }
}
