extension ProtocolRules {
    /// The shipped profiles, in the order `mfile` lists them.
    public static let profiles: [ProtocolRules] = [.westMidlands, .gwent, .liverpool]

    /// The profile named `id` in marac.toml, if there is one.
    public static func profile(named id: String) -> ProtocolRules? {
        profiles.first { $0.profile == id }
    }
}

extension RuleSource {
    static func westMidlandsProtocol(_ sections: String...) -> RuleSource { RuleSource(.westMidlandsProtocol, sections) }
    static let westMidlandsBriefing = RuleSource(.westMidlandsBriefing, [])
    static let mfileDefault = RuleSource(.mfileDefault, [])
    static func gwentProtocol(_ sections: String...) -> RuleSource { RuleSource(.gwentProtocol, sections) }
    static func liverpoolProtocol(_ sections: String...) -> RuleSource { RuleSource(.liverpoolProtocol, sections) }
}
