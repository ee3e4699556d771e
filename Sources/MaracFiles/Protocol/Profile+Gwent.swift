
extension ProtocolRules {
    /// Gwent (seed 001), on the SafeLives base.
    public static let gwent = ProtocolRules(profile: "gwent", area: "Gwent", base: safeLivesBase, entries: [
        .init(.minVictimAge, .count(16), .gwentProtocol("§4.1")),
        .init(.dashThreshold, .count(14), .gwentProtocol("§4.2.2", "§4.3")),
        .init(.professionalJudgement, .on, .gwentProtocol("§4.2.2")),
        .init(.escalation, .on, .gwentProtocol("§4.2.2")),
        .init(.escalationPoliceIncidents, .count(5), .gwentProtocol("§4.2.2")),
        .init(.escalationCrimes, .count(3), .gwentProtocol("§4.2.2")),
        .init(.escalationWindowMonths, .period(RulePeriod(12, .months)), .gwentProtocol("§4.2.2")),
        .init(.transferIn, .on, .gwentProtocol("§4.13")),
        // "When referring an existing case into a MARAC from outside Gwent ... The receiving
        // co-ordinator will be asked to confirm that the information has been received safely"
        // [001 §4.13].
        .init(.transferOutReceiptConfirmed, .on, .gwentProtocol("§4.13")),
        .init(.dvdsAutomatic, .on, .gwentProtocol("§4.2.2", "§4.14")),
        .init(.consentReasonRequired, .on, .gwentProtocol("§4.4")),
        // "Incomplete or illegible forms or forms which do not evidence that the MARAC threshold
        // has been met, may be rejected" [001 §4.3 step 3]. Gwent names no one who decides on a
        // referral below the threshold, so below_threshold_decision stays off.
        .init(.returnReasonRequired, .on, .gwentProtocol("§4.3")),
        // "within 12 months of the initial MARAC referral" [001 §4.2.3]; its footnote 5
        // ("previously been referred ... in the last 12 months") and SafeLives count from the
        // last referral, which is what mfile does.
        .init(.repeatWindowMonths, .period(RulePeriod(12, .months)), .gwentProtocol("§4.2.3")),
        .init(.repeatIDVAOnlyMonths, .period(RulePeriod(3, .months)), .gwentProtocol("§4.2.3")),
        // "On receipt of a non-police referral ... This is done within 24 hours or as soon as is
        // practical after receipt of a referral" [001 §4.6]: counted from the day received, due
        // by the end of the next calendar day (records hold dates, not times); police
        // referrals have no time in the protocol.
        .init(.idvaReferral, .period(RulePeriod(24, .hours)), .gwentProtocol("§4.6")),
        .init(.idvaClockFromReceipt, .on, .gwentProtocol("§4.6")),
        .init(.idvaNonPoliceOnly, .on, .gwentProtocol("§4.6")),
        // "circulated ... 5 days prior to the MARAC meeting" [001 §4.5]: calendar days; the
        // earliest day is SafeLives' "within eight days" (base).
        .init(.agendaWindowMinDays, .period(RulePeriod(5, .days)), .gwentProtocol("§4.5")),
        // "Each case involving children will be allocated a total of 15 minutes; each case with
        // no children ... 10 minutes" [001 §4.10]. The protocol gives children's cases more
        // time but no place on the agenda and no order by risk, so neither is switched on.
        .init(.slotMinutesWithChildren, .count(15), .gwentProtocol("§4.10")),
        .init(.slotMinutesWithoutChildren, .count(10), .gwentProtocol("§4.10")),
        // Core agencies "are therefore required to attend all MARAC meetings and provide an
        // alternative representative in the event that the nominated representative is unable
        // to attend" [001 §2.2].
        .init(.coreAgencyAttendance, .on, .gwentProtocol("§2.2")),
        .init(.coreAgencyDeputyRequired, .on, .gwentProtocol("§2.2")),
        // "This information is then typed up and approved by the relevant MARAC Chair prior to
        // secure electronic circulation to all attendees. Full minutes are only sent to agencies
        // on the approved list of attendees" [001 §4.9]; "Six monthly housekeeping of MARAC
        // referral recipients ... At the same time the list of recipients for the MARAC minutes
        // will be checked and updated" [001 §2.4].
        .init(.minutesApprovedBeforeCirculation, .on, .gwentProtocol("§4.9")),
        .init(.minutesCirculationList, .on, .gwentProtocol("§2.4", "§4.9")),
        .init(.circulationListReviewMonths, .period(RulePeriod(6, .months)), .gwentProtocol("§2.4")),
        // "Agencies not present at the meeting will provide their information to the MARAC
        // Administrator in writing before the meeting. The MARAC Chair will then read this out
        // at the meeting" [001 §4.8]: records hold dates, so by the meeting day itself.
        .init(.absentAgencyWrittenInfoDays, .period(RulePeriod(0, .days)), .gwentProtocol("§4.8")),
        // "ensuring each case is flagged as MARAC" [001 §4.6]; the 12 months are SafeLives'
        // [002 §3 duty 7] (base), which the Gwent protocol does not change.
        .init(.flagMonths, .period(RulePeriod(12, .months)), .safeLives("§3 duty 7"), .gwentProtocol("§4.6")),
    ])
}
