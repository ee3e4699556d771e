extension ProtocolRules {
    /// The shipped profiles, in the order `mfile` lists them.
    public static let profiles: [ProtocolRules] = [.westMidlands, .gwent, .liverpool]

    /// The profile named `id` in marac.toml, if there is one.
    public static func profile(named id: String) -> ProtocolRules? {
        profiles.first { $0.profile == id }
    }
}

extension ProtocolRules {
    /// The SafeLives MARAC administrator's duties with a number [002 §3], the base of every
    /// profile: "Prepare and circulate a MARAC list ... within eight days of the meeting"
    /// (duty 2) and "a tracking system of MARAC cases which have been flagged for twelve months
    /// following the last incident, and ... notify colleagues when twelve months have passed"
    /// (duty 7). The other duties have no number: the IDVA referral "in a timely way" (duty 3:
    /// each protocol sets its own time), minutes that "differentiate between fact and
    /// professional opinion" (duty 5: every hearing's information is marked fact or opinion),
    /// the action list (duty 6: `action-overdue` in every profile), the data form (duty 8:
    /// `mfile stats`).
    public static let safeLivesBase: [Entry] = [
        .init(.agendaWindowMaxDays, .period(RulePeriod(8, .days)), .safeLives("§3 duty 2")),
        .init(.flagMonths, .period(RulePeriod(12, .months)), .safeLives("§3 duty 7")),
        // Not an administrator's duty but the SafeLives protocol checklist: "Identify that
        // emergency MARAC cases will be listed at the next MARAC" [002 §2 IV "Emergency
        // MARACs"]. None of the three protocols says otherwise (000 §13, 001 §4.12 and 003 MOP
        // §5.13 are silent on relisting), so every profile has it.
        .init(.emergencyRelisting, .on, .safeLives("§2 IV")),
    ]
}

extension RuleSource {
    static func westMidlandsProtocol(_ sections: String...) -> RuleSource { RuleSource(.westMidlandsProtocol, sections) }
    static let westMidlandsBriefing = RuleSource(.westMidlandsBriefing, [])
    static func gwentProtocol(_ sections: String...) -> RuleSource { RuleSource(.gwentProtocol, sections) }
    static func liverpoolProtocol(_ sections: String...) -> RuleSource { RuleSource(.liverpoolProtocol, sections) }
    static func safeLives(_ sections: String...) -> RuleSource { RuleSource(.safeLivesTemplates, sections) }
}
