import MaracBase
import MaracRecords

extension BreachCheck {
    /// Attendance at held scheduled meetings (`ProtocolEngine.attendanceIsChecked`):
    /// `attendance-not-recorded` (no `[[attendee]]` at all), `core-agency-absent` (a core
    /// agency neither present nor sending apologies; an apology without written information is
    /// `written-information-*`, not this), `core-agency-no-deputy` (Gwent: apologies from a core
    /// agency instead of an alternative representative [001 §2.2]), and, at held scheduled or
    /// closed meetings, `presenter-missing` / `presenter-not-attending` for a case heard
    /// (information-only listings are not heard) [004].
    func attendanceBreaches() -> [Breach] {
        let core = rules.isOn(.coreAgencyAttendance), deputy = rules.isOn(.coreAgencyDeputyRequired)
        let presenter = rules.isOn(.presenterMustAttend)
        guard core || deputy || presenter else { return [] }
        var found: [Breach] = []
        for (meeting, summary) in zip(repository.meetings, records.meetings) {
            // A meeting from before the MARAC kept its records in mfile has no attendance to check.
            guard let date = meeting.date, let id = meeting.id, date < asOf, meeting.kind != .emergency,
                  !engine.predatesAdoption(date) else { continue }
            let attendance = MeetingAttendance(meeting)
            let scheduled = engine.attendanceIsChecked(kind: meeting.kind, date: date, asOf: asOf)
            let candidates = records.agendaCandidates(summary)
            if !attendance.recorded {
                guard (scheduled && core) || presenter else { continue }
                let rule: RuleID = scheduled && core ? .coreAgencyAttendance : .presenterMustAttend
                found.append(Breach(
                    rule: "attendance-not-recorded", meetingID: id, due: date, note: "no [[attendee]]",
                    protocolRule: rule, reference: reference(rule)))
                continue
            }
            if scheduled, core {
                let children = candidates.contains(where: \.hasChildren)
                for agency in engine.expectedAgencies(anyCaseWithChildren: children) where attendance.standing(of: agency.id) == .absent {
                    found.append(Breach(
                        rule: "core-agency-absent", meetingID: id, agency: agency.id, item: "core agency", due: date,
                        note: "neither attended nor sent apologies", protocolRule: .coreAgencyAttendance,
                        reference: reference(.coreAgencyAttendance)))
                }
            }
            if scheduled, deputy {
                let coreIDs = Set(configuration.agencies.filter(\.core).map(\.id))
                for (index, apology) in meeting.apologies.enumerated() {
                    guard let agency = apology.agency, coreIDs.contains(agency), !attendance.attended.contains(agency) else { continue }
                    found.append(Breach(
                        rule: "core-agency-no-deputy", meetingID: id, agency: agency, item: "apology \(index + 1)", due: date,
                        note: "apologies instead of an alternative representative", protocolRule: .coreAgencyDeputyRequired,
                        reference: reference(.coreAgencyDeputyRequired)))
                }
            }
            if presenter, meeting.kind != .emergency {
                let heard = Set(candidates.filter { engine.agendaSection($0).isHeard }.compactMap(\.caseID))
                for (index, hearing) in meeting.hearings.enumerated() {
                    guard let caseID = hearing.caseID, heard.contains(caseID) else { continue }
                    let item = "hearing[\(index + 1)]"
                    if let agency = hearing.presentedBy {
                        guard !attendance.attended.contains(agency) else { continue }
                        found.append(Breach(
                            rule: "presenter-not-attending", caseID: caseID, meetingID: id, agency: agency, item: item, due: date,
                            note: "presented_by has no [[attendee]]", protocolRule: .presenterMustAttend,
                            reference: reference(.presenterMustAttend)))
                    } else {
                        found.append(Breach(
                            rule: "presenter-missing", caseID: caseID, meetingID: id, item: item, due: date,
                            note: "no presented_by", protocolRule: .presenterMustAttend, reference: reference(.presenterMustAttend)))
                    }
                }
            }
        }
        return found
    }

    var configuration: Configuration { engine.configuration }
}
