
extension ProtocolRules {
    /// West Midlands (seeds 000 and 004), on the SafeLives base.
    public static let westMidlands = ProtocolRules(profile: "west-midlands", area: "West Midlands", base: safeLivesBase, entries: [
        // Domestic abuse is between "those aged 16 or over" [000 §1]; "Referral to MARAC of a
        // 16-17 year old can be made if the case meets the MARAC threshold" [000 §9].
        .init(.minVictimAge, .count(16), .westMidlandsProtocol("§1", "§9")),
        .init(.dashThreshold, .count(14), .westMidlandsProtocol("§9")),
        // "There is a Young Persons DASH Risk Indicator Checklist available to assess the level
        // of risk for those aged 16-17" [000 §9]: "available", so lint warns.
        .init(.youngPersonDASH, .on, .westMidlandsProtocol("§9")),
        .init(.professionalJudgement, .on, .westMidlandsProtocol("§9")),
        // Escalation is a criterion left to judgement: no counts [000 §9].
        .init(.escalation, .on, .westMidlandsProtocol("§9")),
        .init(.transferIn, .on, .westMidlandsProtocol("§9")),
        // "Appropriate requests that fit the criteria for disclosure will be listed and
        // discussed at the next available MARAC meeting" [000 §27].
        .init(.dvdsAutomatic, .on, .westMidlandsProtocol("§27")),
        // "Where consent from the victim is not obtained, the case should still be referred
        // with the reason recorded on the MARAC referral form" [000 §9].
        .init(.consentReasonRequired, .on, .westMidlandsProtocol("§9")),
        // "... forward all relevant information to the MARAC Coordinator and MARAC Chair/Vice
        // Chair, who will make the final decision" [000 §9]; "If threshold is met, or
        // professional judgement is clearly explained ... the referral will be accepted" [004].
        .init(.belowThresholdDecision, .on, .westMidlandsProtocol("§9"), .westMidlandsBriefing),
        // "Incomplete forms and/or forms that do not evidence that the MARAC threshold has been
        // met will be returned to the referrer ... with guidance" [000 §9]; "rejected and
        // returned with advice" [004].
        .init(.returnReasonRequired, .on, .westMidlandsProtocol("§9"), .westMidlandsBriefing),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), .westMidlandsProtocol("§9")),
        // "Referrals will be processed and where threshold is met, they will be directly
        // referred to the ... IDVA within one working day" [000 §9]: from the decision.
        .init(.idvaReferral, .period(RulePeriod(1, .workingDays)), .westMidlandsProtocol("§9")),
        .init(.maxCasesPerMeeting, .count(25), .westMidlandsProtocol("§10")),
        // "within 5-8 working days prior to the MARAC meeting" [000 §7, §9] replaces SafeLives'
        // "within eight days" [002 §3 duty 2].
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .workingDays)), .westMidlandsProtocol("§7", "§9"), .westMidlandsBriefing),
        .init(.agendaWindowMaxDays, .period(RulePeriod(8, .workingDays)), .westMidlandsProtocol("§7", "§9")),
        // The chair "structure[s] the MARAC meetings and prioritise[s] cases in such a way that
        // all those attending are able to use the time available as efficiently as possible"
        // [000 §4]; SafeLives' example of such an order: "so that children's agencies ... can
        // leave when their cases are complete" [002 §2 IV]. No seed orders WM cases by risk
        // (000 §10 ranks by risk only the cases over the cap), and none gives slot lengths.
        .init(.agendaChildrenFirst, .on, .westMidlandsProtocol("§4", "§7"), .safeLives("§2 IV")),
        .init(.agendaClaresLawLast, .on, .westMidlandsProtocol("§27")),
        // "if it is not safe to contact the victim, the case will be presented and the reason why
        // the victim has not been informed will be recorded on the MARAC referral form and the
        // MARAC agenda" [000 §9 "Victim Contact Prior to MARAC"].
        .init(.victimNotInformedOnAgenda, .on, .westMidlandsProtocol("§9")),
        .init(.agendaTransfersOutLast, .on, .westMidlandsBriefing),
        .init(.repeatInfoOnlyListing, .on, .westMidlandsBriefing),
        // "All relevant agencies are expected to consistently attend MARAC" [000 §8].
        .init(.coreAgencyAttendance, .on, .westMidlandsProtocol("§8")),
        // "All MARAC referrers will be expected to attend the meeting to present their case ...
        // it may be that the referrer arranges for that rep to present the case for them ...
        // Cases with no referrer in attendance will not be heard" [004 "Attending MARAC meetings"].
        .init(.presenterMustAttend, .on, .westMidlandsBriefing),
        // "written information should be provided" when a representative cannot attend [000 §8]:
        // no notice period is given, so it is due by the meeting itself.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(0, .days)), .westMidlandsProtocol("§8")),
        .init(.actionChaseDays, .period(RulePeriod(7, .days)), .westMidlandsProtocol("§12")),
        .init(.professionalsMeetingDays, .period(RulePeriod(10, .days)), .westMidlandsProtocol("§14")),
        .init(.complexCaseHearings, .count(4), .westMidlandsProtocol("§14")),
        .init(.complexCaseWindowMonths, .period(RulePeriod(6, .months)), .westMidlandsProtocol("§14")),
        .init(.transferOutDays, .period(RulePeriod(3, .workingDays)), .westMidlandsProtocol("§18")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), .westMidlandsProtocol("§7", "§9")),
    ])
}
