import MaracRecords

/// Which papers a case belongs to: the general papers sent to every partner, or the closed
/// session's papers, kept apart. Everything the papers print passes through here.
public enum SessionScope: Sendable, Equatable {
    /// The papers circulated to all partner agencies: closed-session cases never appear.
    case general
    /// The closed session's own papers: only closed-session cases.
    case closed

    /// Whether `record` is heard in a closed session: marked `session = "closed"`, a victim or
    /// perpetrator employed by a partner agency, an honour-based violence referral where the
    /// protocol hears those closed, or heard at a meeting of kind `closed`.
    public static func isClosedSession(_ record: Case, meeting: Meeting? = nil, rules: PaperRules) -> Bool {
        if record.closedSession || meeting?.kind == .closed { return true }
        if record.people.contains(where: \.employedByPartnerAgency) { return true }
        return rules.hbvClosedSession && record.referrals.contains { $0.criteria.contains(.hbv) }
    }

    /// Whether a case belongs on papers of this scope. A case that cannot be found is on
    /// neither: it might be a closed-session case whose file did not load.
    public func includes(_ record: Case?, meeting: Meeting? = nil, rules: PaperRules) -> Bool {
        guard let record else { return false }
        let closed = SessionScope.isClosedSession(record, meeting: meeting, rules: rules)
        return self == .closed ? closed : !closed
    }
}
