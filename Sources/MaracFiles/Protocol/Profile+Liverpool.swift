
extension ProtocolRules {
    /// Liverpool (seed 003), on the SafeLives base. The seed numbers its Information Sharing
    /// Protocol ("ISP") and its Operating Protocol ("MOP") separately; every section says which.
    public static let liverpool = ProtocolRules(profile: "liverpool", area: "Liverpool", base: safeLivesBase, entries: [
        .init(.minVictimAge, .count(16), .liverpoolProtocol("MOP §1")),
        // "An incident within the last 3 months, and 1. Visible high risk (using MeRIT), or ...
        // Escalation ... Or, in an incident that occurred longer than 3 months ago ... referral
        // is made on, 1. Professional judgement" [003 App.5].
        .init(.recentIncidentMonths, .period(RulePeriod(3, .months)), .liverpoolProtocol("App.5")),
        // "MARAC accepts SafeLives Dash to support MARAC referral for these cases" (health
        // organisations) [003 MOP §1.3]; the 14 ticks are SafeLives' RIC threshold, which 003
        // does not repeat ("As defined by SafeLives" [001 §4.2.2]).
        .init(.dashThreshold, .count(14), .liverpoolProtocol("MOP §1.3"), .gwentProtocol("§4.2.2")),
        .init(.dashHealthOnly, .on, .liverpoolProtocol("MOP §1.3")),
        .init(.meritThreshold, .count(72), .liverpoolProtocol("MOP §2.1", "App.5")),
        .init(.meritGoldMin, .count(72), .liverpoolProtocol("App.5")),
        .init(.meritSilverMin, .count(16), .liverpoolProtocol("App.5")),
        .init(.meritBronzeMin, .count(1), .liverpoolProtocol("App.5")),
        .init(.professionalJudgement, .on, .liverpoolProtocol("MOP §2.1", "MOP §2.5")),
        .init(.escalation, .on, .liverpoolProtocol("MOP §2.1")),
        .init(.transferIn, .on, .liverpoolProtocol("MOP §2.11")),
        // "If Liverpool MARAC receives a MARAC subject from another area, the MARAC Officer will
        // acknowledge receipt of the relevant documents ... and include the case on the MARAC
        // agenda to be heard at the next MARAC" [003 MOP §2.11]: no number of days, so by the
        // time it is listed (transfer_in_ack_days stays off).
        .init(.transferInAcknowledgement, .on, .liverpoolProtocol("MOP §2.11")),
        .init(.hbvAutomatic, .on, .liverpoolProtocol("MOP §2.1")),
        .init(.hbvClosedSession, .on, .liverpoolProtocol("MOP §2.1", "MOP §5.13")),
        .init(.consentReasonRequired, .on, .liverpoolProtocol("ISP §6")),
        // "All referrals sent on professional judgement will be quality assured by; the MARAC
        // Chair (Police Referrals) the Vulnerable Victims Lead ... (agency referrals). The
        // referring agency will be advised if the case is not referred to MARAC" [003 MOP §2.5];
        // "QA (cases scoring under 72) MARAC Chair QA's police referrals, MARAC Co-ordinator QA
        // non Police referrals" [003 App.6].
        .init(.belowThresholdDecision, .on, .liverpoolProtocol("MOP §2.5", "App.6")),
        .init(.returnReasonRequired, .on, .liverpoolProtocol("MOP §2.5")),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), .liverpoolProtocol("MOP §2.7")),
        .init(.repeatAnyInstanceMonths, .period(RulePeriod(3, .months)), .liverpoolProtocol("MOP §2.7")),
        // "forwarded to the IDVA Service within three days of a referral to MARAC" [003 MOP §4.4]:
        // calendar days from the day the referral was received.
        .init(.idvaReferral, .period(RulePeriod(3, .days)), .liverpoolProtocol("MOP §4.4")),
        .init(.idvaClockFromReceipt, .on, .liverpoolProtocol("MOP §4.4")),
        // "All cases referred to MARAC (before the referral deadline date) will be on the agenda
        // for the next MARAC. Referrals received after the referral deadline date will be on
        // the agenda for the subsequent MARAC" [003 MOP §5.1].
        .init(.listingByReceipt, .on, .liverpoolProtocol("MOP §5.1")),
        // "circulated at least 5 working days before the MARAC" [003 MOP §5.2]. SafeLives'
        // "within eight days" [002 §3 duty 2] is not added: across two bank holidays (Easter)
        // 5 working days before the meeting is more than eight days before it.
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .workingDays)), .liverpoolProtocol("MOP §5.2")),
        .init(.agendaWindowMaxDays, .off, RuleSource(
            .liverpoolProtocol, ["MOP §5.2"],
            note: "at least 5 working days; SafeLives' eight days would contradict it around bank holidays")),
        // "The MARAC agenda is risk driven, every effort is made to hear the highest risk cases
        // ... on the first morning" [003 MOP §9.4]: one list by risk, no children's group.
        .init(.agendaHighestRiskFirst, .on, .liverpoolProtocol("MOP §9.4")),
        // "The agenda contains a summary of information/risk provided in each referral" [003
        // MOP §5.2]; the MeRIT form grades GOLD 72+, SILVER 16-71, BRONZE 1-15, and "if you
        // feel that this case should have been graded HIGHER, please do so" [003 App.5].
        .init(.agendaMeritBand, .on, .liverpoolProtocol("App.5", "MOP §5.2")),
        .init(.slotMinutesWithChildren, .count(10), .liverpoolProtocol("App.4")),
        .init(.slotMinutesWithoutChildren, .count(10), .liverpoolProtocol("App.4")),
        // "All signatory agencies are required to send an appropriate representative to each
        // MARAC" [003 MOP §3.1]; "All partner agencies are required to send an appropriate
        // representative to each MARAC" [MOP §9.1]. A presenter rule does not fit: "The MARAC
        // Support Officer will present the case to MARAC as a 'one off' situation" [MOP §9.14].
        .init(.coreAgencyAttendance, .on, .liverpoolProtocol("MOP §3.1", "MOP §9.1")),
        // "All members should sign in and out of meetings (including relevant times)" [003 MOP
        // §9.4]; "Complete MARAC attendance sheet, signing in and out including identifying the
        // last case number you heard before leaving the meeting" [003 App.4].
        .init(.signInOutTimes, .on, .liverpoolProtocol("MOP §9.4", "App.4")),
        // "at least two days prior to the relevant meeting": calendar days.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(2, .days)), .liverpoolProtocol("MOP §3.4")),
        .init(.maxCasesMovedPerAgency, .count(2), .liverpoolProtocol("MOP §9.4")),
        // "The MARAC Steering Group shall maintain an up-to-date list of members of the MARAC and
        // of those organisations who are to receive copies of the minutes of the meetings"
        // [003 MOP §10.10]. No time for checking it is given.
        .init(.minutesCirculationList, .on, .liverpoolProtocol("MOP §10.10")),
        // "They are required to inform the MARAC Officers ... that their actions are complete
        // within 14 days of the MARAC meeting" [003 MOP §6.12].
        .init(.actionCompletionDays, .period(RulePeriod(14, .days)), .liverpoolProtocol("MOP §6.12")),
        // "Risk does not meet MARAC Threshold ... call a professionals meeting if needed. NB: If
        // 3 or more incidents in last 6 months a professionals meeting is recommended" [003
        // App.6, the referral pathway]: advice, so reported, not a breach.
        .init(.professionalsMeetingIncidents, .count(3), .liverpoolProtocol("App.6")),
        .init(.professionalsMeetingWindowMonths, .period(RulePeriod(6, .months)), .liverpoolProtocol("App.6")),
        // DHRs, Safeguarding Adult Reviews and Child Safeguarding Practice Reviews [003 ISP §5,
        // §5.6]: "copies of relevant minutes and action plans within 10 working days" [ISP §5.7].
        .init(.dhrDisclosureDays, .period(RulePeriod(10, .workingDays)), .liverpoolProtocol("ISP §5.6", "ISP §5.7")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), .liverpoolProtocol("MOP §2.6", "MOP §5.5")),
    ])
}
