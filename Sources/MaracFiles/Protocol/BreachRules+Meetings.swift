import MaracBase
import MaracRecords

extension BreachCheck {
    /// The meeting rules: agenda window (`agenda-late`, `agenda-early`, `agenda-missing`),
    /// case cap (`meeting-over-cap`, counted by `ProtocolEngine.countsTowardsCap`), cases moved
    /// for one agency (`cases-moved-over-limit`), minutes approval where marac.toml sets a time
    /// (`minutes-late`, `minutes-not-approved`), and written information from absent agencies
    /// (`written-information-late`, `written-information-missing`). A meeting held before the
    /// MARAC kept its records in mfile (`ProtocolEngine.predatesAdoption`) has none of these
    /// paper deadlines; its cap and moved cases are still counted.
    func meetingBreaches() -> [Breach] {
        var found: [Breach] = []
        for (meeting, summary) in zip(repository.meetings, records.meetings) {
            guard let date = meeting.date, let id = meeting.id else { continue }
            let papers = !engine.predatesAdoption(date)
            if papers { found += agendaBreaches(meeting, date: date, id: id) }
            if let cap = rules.maxCasesPerMeeting {
                let cases = records.agendaCandidates(summary).filter(engine.countsTowardsCap).count
                if cases > cap {
                    found.append(Breach(
                        rule: "meeting-over-cap", meetingID: id, due: date, note: "\(cases) cases, cap \(cap)",
                        protocolRule: .maxCasesPerMeeting, reference: reference(.maxCasesPerMeeting)))
                }
            }
            for (agency, count) in engine.casesMovedOverLimit(summary) {
                found.append(Breach(
                    rule: "cases-moved-over-limit", meetingID: id, agency: agency, due: date,
                    note: "\(count) cases moved, limit \(rules.maxCasesMovedPerAgency ?? 0)",
                    protocolRule: .maxCasesMovedPerAgency, reference: reference(.maxCasesMovedPerAgency)))
            }
            if papers, let period = rules.minutesApproval, date <= asOf,
                let breach = deadlineBreach(
                    "minutes-late", period: period, ruleID: .minutesApprovalDays,
                    due: period.deadline(after: date, in: calendar), done: meeting.minutesApproved,
                    meetingID: id, missingRule: "minutes-not-approved")
            {
                found.append(breach)
            }
            if papers, let period = rules.absentAgencyWrittenInfo {
                let due = period.date(before: date, in: calendar)
                for (index, apology) in meeting.apologies.enumerated() {
                    // Written information marked as sent without a date is taken as on time.
                    let done = apology.writtenReceived ?? (apology.writtenInformation ? due : nil)
                    if let breach = deadlineBreach(
                        "written-information-late", period: period, ruleID: .absentAgencyWrittenInfoDays,
                        due: due, done: done, meetingID: id, agency: apology.agency, item: "apology \(index + 1)",
                        missingRule: "written-information-missing")
                    {
                        found.append(breach)
                    }
                }
            }
        }
        return found
    }

    /// The agenda of a scheduled or closed meeting goes out inside the window; emergency
    /// meetings have no agenda window.
    private func agendaBreaches(_ meeting: Meeting, date: LocalDate, id: String) -> [Breach] {
        guard meeting.kind != .emergency, let minimum = rules.agendaWindowMin,
            let window = rules.agendaWindow(meeting: date, calendar: calendar)
        else { return [] }
        if let earliest = window.earliest, let circulated = meeting.agendaCirculated, circulated <= asOf,
            circulated < earliest, let maximum = rules.agendaWindowMax
        {
            let unit = BreachCheck.countingUnit(maximum)
            let early = unit == .workingDays
                ? max(1, calendar.workingDays(from: circulated, to: earliest)) : circulated.days(to: earliest)
            return [Breach(
                rule: "agenda-early", meetingID: id, due: earliest, done: circulated, late: early, unit: unit,
                early: true, protocolRule: .agendaWindowMaxDays, reference: reference(.agendaWindowMaxDays))]
        }
        if let breach = deadlineBreach(
            "agenda-late", period: minimum, ruleID: .agendaWindowMinDays, due: window.latest,
            done: meeting.agendaCirculated, meetingID: id, missingRule: "agenda-missing")
        {
            return [breach]
        }
        return []
    }
}
