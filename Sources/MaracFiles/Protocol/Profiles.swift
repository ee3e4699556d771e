extension ProtocolRules {
    /// The shipped profiles, in the order `mfile` lists them.
    public static let profiles: [ProtocolRules] = [.westMidlands, .gwent, .liverpool]

    /// The profile named `id` in marac.toml, if there is one.
    public static func profile(named id: String) -> ProtocolRules? {
        profiles.first { $0.profile == id }
    }
}

func citeWM(_ sections: String...) -> RuleSource { RuleSource(.westMidlandsProtocol, sections) }
func citeWMBriefing() -> RuleSource { RuleSource(.westMidlandsBriefing, []) }
func citeGwent(_ sections: String...) -> RuleSource { RuleSource(.gwentProtocol, sections) }
func citeLiverpool(_ sections: String...) -> RuleSource { RuleSource(.liverpoolProtocol, sections) }
