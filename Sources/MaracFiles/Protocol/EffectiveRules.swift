import MaracRecords

/// The rules a repository works by: its profile with marac.toml's `[rules]` overrides applied,
/// every rule listed with where its value comes from.
public struct EffectiveRules: Sendable {
    /// Where a rule's value comes from.
    public enum Origin: String, Sendable, Hashable {
        case profile
        case override
    }

    public struct Entry: Sendable, Hashable {
        public var id: RuleID
        public var value: RuleValue
        public var origin: Origin
        /// The protocol citation for a profile value (`nil` when the protocol does not have
        /// the rule); "marac.toml [rules] line:column" for an override.
        public var source: String?

        public init(id: RuleID, value: RuleValue, origin: Origin, source: String?) {
            self.id = id
            self.value = value
            self.origin = origin
            self.source = source
        }
    }

    /// The effective values, with the typed accessors the checks use.
    public var rules: ProtocolRules
    /// Every rule, in `RuleID.allCases` order.
    public var entries: [Entry]

    public init(rules: ProtocolRules, entries: [Entry]) {
        self.rules = rules
        self.entries = entries
    }

    public subscript(_ id: RuleID) -> Entry { entries[id.order] }

    /// The rules `mfile rules` lists: every rule something checks (`RuleID.isChecked`).
    public var listed: [Entry] { entries.filter { $0.id.isChecked } }

    /// The overridden rules only.
    public var overrides: [Entry] { entries.filter { $0.origin == .override } }

    /// Earlier versions read `retention_months` at the top of marac.toml; it is now a rule in
    /// `[rules]`. Until it is moved (lint warns, `retention-key-moved`), the old key sets the
    /// rule when `[rules]` does not.
    mutating func readRetentionKeyOfEarlierVersions(_ configuration: Configuration) {
        guard let months = configuration.retentionMonths, months > 0, self[.retentionMonths].origin == .profile else { return }
        let value = RuleValue.period(RulePeriod(months, .months))
        rules[.retentionMonths] = value
        let position = configuration.table[member: "retention_months"]?.keyRange.start
        entries[RuleID.retentionMonths.order] = Entry(
            id: .retentionMonths, value: value, origin: .override,
            source: "marac.toml retention_months" + (position.map { " \($0.line):\($0.column)" } ?? "") + " (move it under [rules])")
    }
}
