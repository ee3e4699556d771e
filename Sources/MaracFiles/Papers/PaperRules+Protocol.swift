import MaracProtocol
import MaracRecords

extension PaperRules {
    /// The paper rules of a repository: its protocol profile with marac.toml's `[rules]`.
    ///
    /// The agenda's ordering rules (highest risk first, Clare's Law last, outgoing transfers
    /// last, information-only repeats apart) are good practice for every MARAC, so they stay on
    /// where a profile does not have them; `[rules]` can still turn each one off with `false`.
    public init(effective: EffectiveRules) {
        let rules = effective.rules
        func ordering(_ id: RuleID) -> Bool {
            effective[id].origin == .override ? rules.isOn(id) : true
        }
        self.init(
            maxCases: rules.maxCasesPerMeeting,
            slotWithChildren: rules.slotMinutesWithChildren ?? 10,
            slotWithoutChildren: rules.slotMinutesWithoutChildren ?? 10,
            highestRiskFirst: ordering(.agendaHighestRiskFirst),
            claresLawLast: ordering(.agendaClaresLawLast),
            transfersOutLast: ordering(.agendaTransfersOutLast),
            infoOnlySection: ordering(.repeatInfoOnlyListing),
            hbvClosedSession: rules.hbvClosedSession,
            dashThreshold: rules.dashThreshold ?? 14,
            meritThreshold: rules.meritThreshold ?? 72)
    }

    /// The paper rules of `configuration` (its `profile` and `[rules]`).
    public static func of(_ configuration: Configuration) throws(PaperError) -> PaperRules {
        do {
            return PaperRules(effective: try ProtocolRules.effective(profile: configuration.profile, overrides: configuration.rules))
        } catch let error as RulesError {
            throw PaperError("marac.toml: the protocol rules cannot be read; fix them first ('mfile lint' shows where):\n\(error.description)")
        } catch {
            throw PaperError("marac.toml: the protocol rules cannot be read; fix them first ('mfile lint' shows where)")
        }
    }
}
