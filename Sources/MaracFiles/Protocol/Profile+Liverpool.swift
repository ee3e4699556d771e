
extension ProtocolRules {
    /// Liverpool (seed 003). "ISP" sections are the Information Sharing Protocol part; the
    /// others are the Operating Protocol's.
    public static let liverpool = ProtocolRules(profile: "liverpool", area: "Liverpool", entries: [
        .init(.minVictimAge, .count(16), .liverpoolProtocol("§1 (definition of domestic abuse)")),
        .init(.meritThreshold, .count(72), .liverpoolProtocol("§2.1", "App.5")),
        .init(.meritGoldMin, .count(72), .liverpoolProtocol("App.5")),
        .init(.meritSilverMin, .count(16), .liverpoolProtocol("App.5")),
        .init(.meritBronzeMin, .count(1), .liverpoolProtocol("App.5")),
        .init(.professionalJudgement, .on, .liverpoolProtocol("§2.1", "§2.5")),
        .init(.escalation, .on, .liverpoolProtocol("§2.1")),
        .init(.transferIn, .on, .liverpoolProtocol("§2.11")),
        .init(.hbvAutomatic, .on, .liverpoolProtocol("§2.1")),
        .init(.hbvClosedSession, .on, .liverpoolProtocol("§2.1", "§5.13")),
        .init(.consentReasonRequired, .on, .liverpoolProtocol("ISP §6")),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), .liverpoolProtocol("§2.7")),
        .init(.repeatAnyInstanceMonths, .period(RulePeriod(3, .months)), .liverpoolProtocol("§2.7")),
        // "within three days of a referral to MARAC": calendar days.
        .init(.idvaReferral, .period(RulePeriod(3, .days)), .liverpoolProtocol("§4.4")),
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .workingDays)), .liverpoolProtocol("§5.2")),
        .init(.agendaHighestRiskFirst, .on, .liverpoolProtocol("§9.4")),
        .init(.slotMinutesWithChildren, .count(10), .liverpoolProtocol("App.4")),
        .init(.slotMinutesWithoutChildren, .count(10), .liverpoolProtocol("App.4")),
        // "at least two days prior to the relevant meeting": calendar days.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(2, .days)), .liverpoolProtocol("§3.4")),
        .init(.maxCasesMovedPerAgency, .count(2), .liverpoolProtocol("§9.4")),
        .init(.actionCompletionDays, .period(RulePeriod(14, .days)), .liverpoolProtocol("§6.12")),
        .init(.professionalsMeetingIncidents, .count(3), .liverpoolProtocol("App.6")),
        .init(.professionalsMeetingWindowMonths, .period(RulePeriod(6, .months)), .liverpoolProtocol("App.6")),
        .init(.dhrDisclosureDays, .period(RulePeriod(10, .workingDays)), .liverpoolProtocol("§5.7")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), .liverpoolProtocol("§2.6", "§5.5")),
        // Minutes and action plans are signed off by the chair; no time limit given.
        .init(.minutesApprovalDays, .period(RulePeriod(10, .workingDays)), .mfileDefault),
    ])
}
