import MaracRecords

extension ProtocolEngine {
    /// Is a case heard in a closed session: marked `session = "closed"`, a victim or
    /// perpetrator employed by a partner agency [001 §4.12, 003 MOP §5.13], an honour-based
    /// violence referral where the protocol hears those closed (`hbv_closed_session`
    /// [003 MOP §2.1]), or heard at a meeting of kind `closed`. Closed-session cases are left
    /// off the general papers and do not count towards the case cap.
    public func isClosedSession(_ record: CaseSummary, meetingKind: Meeting.Kind? = nil) -> Bool {
        if record.sessionClosed || record.employedByPartnerAgency || meetingKind == .closed { return true }
        return rules.hbvClosedSession && record.hasHBVReferral
    }

    /// The same for a loaded case.
    public func isClosedSession(_ record: Case, meetingKind: Meeting.Kind? = nil) -> Bool {
        if record.closedSession || meetingKind == .closed { return true }
        if record.people.contains(where: \.employedByPartnerAgency) { return true }
        return rules.hbvClosedSession && record.referrals.contains { $0.criteria.contains(.hbv) }
    }
}
