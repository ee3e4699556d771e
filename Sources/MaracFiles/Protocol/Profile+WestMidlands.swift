extension ProtocolRules {
    /// West Midlands (seeds 000 and 004).
    public static let westMidlands = ProtocolRules(profile: "west-midlands", area: "West Midlands", entries: [
        .init(.minVictimAge, .count(16), citeWM("§9")),
        .init(.dashThreshold, .count(14), citeWM("§9")),
        .init(.youngPersonDASH, .on, citeWM("§9")),
        .init(.professionalJudgement, .on, citeWM("§9")),
        // Escalation is a criterion left to judgement: no counts [000 §9].
        .init(.escalation, .on, citeWM("§9")),
        .init(.transferIn, .on, citeWM("§9")),
        .init(.consentReasonRequired, .on, citeWM("§9")),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), citeWM("§9")),
        .init(.idvaReferral, .period(RulePeriod(1, .workingDays)), citeWM("§9")),
        .init(.maxCasesPerMeeting, .count(25), citeWM("§10")),
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .workingDays)), citeWM("§7", "§9"), citeWMBriefing()),
        .init(.agendaWindowMaxDays, .period(RulePeriod(8, .workingDays)), citeWM("§7", "§9")),
        .init(.agendaClaresLawLast, .on, citeWM("§27")),
        .init(.agendaTransfersOutLast, .on, citeWMBriefing()),
        .init(.repeatInfoOnlyListing, .on, citeWMBriefing()),
        .init(.minutesPDFPerCase, .on, citeWMBriefing()),
        .init(.actionChaseDays, .period(RulePeriod(7, .days)), citeWM("§12")),
        .init(.professionalsMeetingDays, .period(RulePeriod(10, .days)), citeWM("§14")),
        .init(.complexCaseHearings, .count(4), citeWM("§14")),
        .init(.complexCaseWindowMonths, .period(RulePeriod(6, .months)), citeWM("§14")),
        .init(.transferOutDays, .period(RulePeriod(3, .workingDays)), citeWM("§18")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), citeWM("§7", "§9")),
    ])
}
