
extension ProtocolRules {
    /// Gwent (seed 001).
    public static let gwent = ProtocolRules(profile: "gwent", area: "Gwent", entries: [
        .init(.minVictimAge, .count(16), .gwentProtocol("§4.1")),
        .init(.dashThreshold, .count(14), .gwentProtocol("§4.2.2", "§4.3")),
        .init(.professionalJudgement, .on, .gwentProtocol("§4.2.2")),
        .init(.escalation, .on, .gwentProtocol("§4.2.2")),
        .init(.escalationPoliceIncidents, .count(5), .gwentProtocol("§4.2.2")),
        .init(.escalationCrimes, .count(3), .gwentProtocol("§4.2.2")),
        .init(.escalationWindowMonths, .period(RulePeriod(12, .months)), .gwentProtocol("§4.2.2")),
        .init(.transferIn, .on, .gwentProtocol("§4.13")),
        .init(.dvdsAutomatic, .on, .gwentProtocol("§4.2.2", "§4.14")),
        .init(.consentReasonRequired, .on, .gwentProtocol("§4.4")),
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), .gwentProtocol("§4.2.3")),
        .init(.repeatIDVAOnlyMonths, .period(RulePeriod(3, .months)), .gwentProtocol("§4.2.3")),
        // "within 24 hours or as soon as is practical after receipt of a referral" [001 §4.6]
        .init(.idvaReferral, .period(RulePeriod(24, .hours)), .gwentProtocol("§4.6")),
        // "circulated ... 5 days prior to the MARAC meeting": calendar days, no upper bound given.
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .days)), .gwentProtocol("§4.5")),
        .init(.slotMinutesWithChildren, .count(15), .gwentProtocol("§4.10")),
        .init(.slotMinutesWithoutChildren, .count(10), .gwentProtocol("§4.10")),
        // Minutes "approved by the relevant MARAC Chair prior to ... circulation" [001 §4.9]:
        // no time limit given.
        .init(.minutesApprovalDays, .period(RulePeriod(10, .workingDays)), .gwentProtocol("§4.9"), .mfileDefault),
    ])
}
