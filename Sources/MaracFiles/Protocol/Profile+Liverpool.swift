
extension ProtocolRules {
    /// Liverpool (seed 003), on the SafeLives base. The seed numbers its Information Sharing
    /// Protocol ("ISP") and its Operating Protocol ("MOP") separately; every section says which.
    public static let liverpool = ProtocolRules(profile: "liverpool", area: "Liverpool", base: safeLivesBase, entries: [
        .init(.minVictimAge, .count(16), .liverpoolProtocol("MOP §1")),
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
        .init(.hbvAutomatic, .on, .liverpoolProtocol("MOP §2.1")),
        .init(.hbvClosedSession, .on, .liverpoolProtocol("MOP §2.1", "MOP §5.13")),
        .init(.consentReasonRequired, .on, .liverpoolProtocol("ISP §6")),
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
        .init(.slotMinutesWithChildren, .count(10), .liverpoolProtocol("App.4")),
        .init(.slotMinutesWithoutChildren, .count(10), .liverpoolProtocol("App.4")),
        // "at least two days prior to the relevant meeting": calendar days.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(2, .days)), .liverpoolProtocol("MOP §3.4")),
        .init(.maxCasesMovedPerAgency, .count(2), .liverpoolProtocol("MOP §9.4")),
        // "They are required to inform the MARAC Officers ... that their actions are complete
        // within 14 days of the MARAC meeting" [003 MOP §6.12].
        .init(.actionCompletionDays, .period(RulePeriod(14, .days)), .liverpoolProtocol("MOP §6.12")),
        .init(.professionalsMeetingIncidents, .count(3), .liverpoolProtocol("App.6")),
        .init(.professionalsMeetingWindowMonths, .period(RulePeriod(6, .months)), .liverpoolProtocol("App.6")),
        // DHRs, Safeguarding Adult Reviews and Child Safeguarding Practice Reviews [003 ISP §5,
        // §5.6]: "copies of relevant minutes and action plans within 10 working days" [ISP §5.7].
        .init(.dhrDisclosureDays, .period(RulePeriod(10, .workingDays)), .liverpoolProtocol("ISP §5.6", "ISP §5.7")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), .liverpoolProtocol("MOP §2.6", "MOP §5.5")),
    ])
}
