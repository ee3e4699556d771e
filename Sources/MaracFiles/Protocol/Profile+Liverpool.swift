extension ProtocolRules {
    /// Liverpool (seed 003). "ISP" sections are the Information Sharing Protocol part; the
    /// others are the Operating Protocol's.
    public static let liverpool = ProtocolRules(profile: "liverpool", area: "Liverpool", entries: [
        .init(.minVictimAge, .count(16), citeLiverpool("§1 (definition of domestic abuse)")),
        .init(.meritThreshold, .count(72), citeLiverpool("§2.1", "App.5")),
        .init(.meritGoldMin, .count(72), citeLiverpool("App.5")),
        .init(.meritSilverMin, .count(16), citeLiverpool("App.5")),
        .init(.meritBronzeMin, .count(1), citeLiverpool("App.5")),
        .init(.professionalJudgement, .on, citeLiverpool("§2.1", "§2.5")),
        .init(.escalation, .on, citeLiverpool("§2.1")),
        .init(.transferIn, .on, citeLiverpool("§2.11")),
        .init(.hbvAutomatic, .on, citeLiverpool("§2.1")),
        .init(.hbvClosedSession, .on, citeLiverpool("§2.1", "§5.13")),
        .init(.consentReasonRequired, .on, citeLiverpool("ISP §6")),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), citeLiverpool("§2.7")),
        .init(.repeatAnyInstanceMonths, .period(RulePeriod(3, .months)), citeLiverpool("§2.7")),
        // "within three days of a referral to MARAC": calendar days.
        .init(.idvaReferral, .period(RulePeriod(3, .days)), citeLiverpool("§4.4")),
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .workingDays)), citeLiverpool("§5.2")),
        .init(.agendaHighestRiskFirst, .on, citeLiverpool("§9.4")),
        .init(.slotMinutesWithChildren, .count(10), citeLiverpool("App.4")),
        .init(.slotMinutesWithoutChildren, .count(10), citeLiverpool("App.4")),
        // "at least two days prior to the relevant meeting": calendar days.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(2, .days)), citeLiverpool("§3.4")),
        .init(.maxCasesMovedPerAgency, .count(2), citeLiverpool("§9.4")),
        .init(.actionCompletionDays, .period(RulePeriod(14, .days)), citeLiverpool("§6.12")),
        .init(.professionalsMeetingIncidents, .count(3), citeLiverpool("App.6")),
        .init(.professionalsMeetingWindowMonths, .period(RulePeriod(6, .months)), citeLiverpool("App.6")),
        .init(.dhrDisclosureDays, .period(RulePeriod(10, .workingDays)), citeLiverpool("§5.7")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), citeLiverpool("§2.6", "§5.5")),
    ])
}
