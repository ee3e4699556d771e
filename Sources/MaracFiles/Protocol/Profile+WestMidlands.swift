
extension ProtocolRules {
    /// West Midlands (seeds 000 and 004).
    public static let westMidlands = ProtocolRules(profile: "west-midlands", area: "West Midlands", entries: [
        .init(.minVictimAge, .count(16), .westMidlandsProtocol("§9")),
        .init(.dashThreshold, .count(14), .westMidlandsProtocol("§9")),
        .init(.youngPersonDASH, .on, .westMidlandsProtocol("§9")),
        .init(.professionalJudgement, .on, .westMidlandsProtocol("§9")),
        // Escalation is a criterion left to judgement: no counts [000 §9].
        .init(.escalation, .on, .westMidlandsProtocol("§9")),
        .init(.transferIn, .on, .westMidlandsProtocol("§9")),
        .init(.consentReasonRequired, .on, .westMidlandsProtocol("§9")),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), .westMidlandsProtocol("§9")),
        .init(.idvaReferral, .period(RulePeriod(1, .workingDays)), .westMidlandsProtocol("§9")),
        .init(.maxCasesPerMeeting, .count(25), .westMidlandsProtocol("§10")),
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .workingDays)), .westMidlandsProtocol("§7", "§9"), .westMidlandsBriefing),
        .init(.agendaWindowMaxDays, .period(RulePeriod(8, .workingDays)), .westMidlandsProtocol("§7", "§9")),
        .init(.agendaClaresLawLast, .on, .westMidlandsProtocol("§27")),
        .init(.agendaTransfersOutLast, .on, .westMidlandsBriefing),
        .init(.repeatInfoOnlyListing, .on, .westMidlandsBriefing),
        // "written information should be provided" when a representative cannot attend [000 §8]:
        // no notice period is given, so it is due by the meeting itself.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(0, .days)), .westMidlandsProtocol("§8")),
        .init(.minutesPDFPerCase, .on, .westMidlandsBriefing),
        // The chair approves the minutes [000 §4, §7] but no protocol sets a time limit.
        .init(.minutesApprovalDays, .period(RulePeriod(10, .workingDays)), .westMidlandsProtocol("§7"), .mfileDefault),
        .init(.actionChaseDays, .period(RulePeriod(7, .days)), .westMidlandsProtocol("§12")),
        .init(.professionalsMeetingDays, .period(RulePeriod(10, .days)), .westMidlandsProtocol("§14")),
        .init(.complexCaseHearings, .count(4), .westMidlandsProtocol("§14")),
        .init(.complexCaseWindowMonths, .period(RulePeriod(6, .months)), .westMidlandsProtocol("§14")),
        .init(.transferOutDays, .period(RulePeriod(3, .workingDays)), .westMidlandsProtocol("§18")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), .westMidlandsProtocol("§7", "§9")),
    ])
}
