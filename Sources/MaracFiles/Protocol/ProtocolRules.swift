
/// Every number and switch of one MARAC protocol: a profile as shipped (`west-midlands`,
/// `gwent`, `liverpool`), or the effective rules after marac.toml's `[rules]` overrides.
///
/// A rule the protocol does not have is `.off` (`nil` from the typed accessors).

public struct ProtocolRules: Sendable, Hashable {
    /// The profile's id as written in marac.toml (`profile = "west-midlands"`).
    public var profile: String
    /// The area's name ("West Midlands").
    public var area: String
    /// The rules that are on; a missing rule is off.
    public private(set) var values: [RuleID: RuleValue]
    /// Where each profile rule is written in the source protocols; also for a rule the
    /// profile has off on purpose (a SafeLives duty its own protocol contradicts).
    public private(set) var sources: [RuleID: [RuleSource]]

    /// One profile rule: its value and where the protocol says so.
    public struct Entry: Sendable {
        public var id: RuleID
        public var value: RuleValue
        public var sources: [RuleSource]

        public init(_ id: RuleID, _ value: RuleValue, _ sources: RuleSource...) {
            self.id = id
            self.value = value
            self.sources = sources
        }
    }

    /// A profile: the SafeLives base duties (`base`), then the protocol's own `entries`, which
    /// add rules, tighten or replace a base rule, or switch one off (`.off` with the citation
    /// that says why).
    public init(profile: String, area: String, base: [Entry] = [], entries: [Entry]) {
        self.profile = profile
        self.area = area
        self.values = [:]
        self.sources = [:]
        for entry in base + entries {
            values[entry.id] = entry.value == .off ? nil : entry.value
            sources[entry.id] = entry.sources
        }
    }

    /// The rule's value; setting `.off` turns it off.
    public subscript(_ id: RuleID) -> RuleValue {
        get { values[id] ?? .off }
        set { values[id] = newValue == .off ? nil : newValue }
    }

    /// The source citation of a rule, e.g. "Gwent MARAC Operating Protocol (2018) §4.6".
    public func source(of id: RuleID) -> String? {
        guard let list = sources[id], !list.isEmpty else { return nil }
        return list.map(\.description).joined(separator: "; ")
    }

    public func isOn(_ id: RuleID) -> Bool { self[id].isOn }
    public func count(_ id: RuleID) -> Int? { self[id].count }
    public func period(_ id: RuleID) -> RulePeriod? { self[id].period }
}

// Typed views of the rules, for the checks and papers that use them.
extension ProtocolRules {
    public var minVictimAge: Int? { count(.minVictimAge) }
    public var dashThreshold: Int? { count(.dashThreshold) }
    public var youngPersonDASH: Bool { isOn(.youngPersonDASH) }
    public var meritThreshold: Int? { count(.meritThreshold) }
    public var professionalJudgement: Bool { isOn(.professionalJudgement) }
    public var escalation: Bool { isOn(.escalation) }
    public var escalationPoliceIncidents: Int? { count(.escalationPoliceIncidents) }
    public var escalationCrimes: Int? { count(.escalationCrimes) }
    public var escalationWindow: RulePeriod? { period(.escalationWindowMonths) }
    public var transferIn: Bool { isOn(.transferIn) }
    public var dvdsAutomatic: Bool { isOn(.dvdsAutomatic) }
    public var hbvAutomatic: Bool { isOn(.hbvAutomatic) }
    public var hbvClosedSession: Bool { isOn(.hbvClosedSession) }
    public var consentReasonRequired: Bool { isOn(.consentReasonRequired) }
    public var repeatWindow: RulePeriod? { period(.repeatWindowMonths) }
    public var repeatIDVAOnlyWindow: RulePeriod? { period(.repeatIDVAOnlyMonths) }
    public var repeatAnyInstanceWindow: RulePeriod? { period(.repeatAnyInstanceMonths) }
    public var idvaReferral: RulePeriod? { period(.idvaReferral) }
    public var dashHealthOnly: Bool { isOn(.dashHealthOnly) }
    public var idvaClockFromReceipt: Bool { isOn(.idvaClockFromReceipt) }
    public var idvaNonPoliceOnly: Bool { isOn(.idvaNonPoliceOnly) }
    public var listingByReceipt: Bool { isOn(.listingByReceipt) }
    public var maxCasesPerMeeting: Int? { count(.maxCasesPerMeeting) }
    public var agendaChildrenFirst: Bool { isOn(.agendaChildrenFirst) }
    public var agendaHighestRiskFirst: Bool { isOn(.agendaHighestRiskFirst) }
    public var agendaClaresLawLast: Bool { isOn(.agendaClaresLawLast) }
    public var agendaTransfersOutLast: Bool { isOn(.agendaTransfersOutLast) }
    public var repeatInfoOnlyListing: Bool { isOn(.repeatInfoOnlyListing) }
    public var maxCasesMovedPerAgency: Int? { count(.maxCasesMovedPerAgency) }
    public var minutesApproval: RulePeriod? { period(.minutesApprovalDays) }
    /// Agenda out at least this long before the meeting (the later bound of the window).
    public var agendaWindowMin: RulePeriod? { period(.agendaWindowMinDays) }
    /// Agenda out no earlier than this long before the meeting (the earlier bound).
    public var agendaWindowMax: RulePeriod? { period(.agendaWindowMaxDays) }
    public var slotMinutesWithChildren: Int? { count(.slotMinutesWithChildren) }
    public var slotMinutesWithoutChildren: Int? { count(.slotMinutesWithoutChildren) }
    public var absentAgencyWrittenInfo: RulePeriod? { period(.absentAgencyWrittenInfoDays) }
    public var actionChase: RulePeriod? { period(.actionChaseDays) }
    public var actionCompletion: RulePeriod? { period(.actionCompletionDays) }
    public var professionalsMeeting: RulePeriod? { period(.professionalsMeetingDays) }
    public var complexCaseHearings: Int? { count(.complexCaseHearings) }
    public var complexCaseWindow: RulePeriod? { period(.complexCaseWindowMonths) }
    public var transferOut: RulePeriod? { period(.transferOutDays) }
    public var dhrDisclosure: RulePeriod? { period(.dhrDisclosureDays) }
    public var flagPeriod: RulePeriod? { period(.flagMonths) }

    /// The MeRIT bands from highest to lowest.
    public static let meritBands = ["GOLD", "SILVER", "BRONZE"]

    /// The lowest score of a band, when the profile has it.
    public func meritBandMinimum(_ band: String) -> Int? {
        switch band {
        case "GOLD": count(.meritGoldMin)
        case "SILVER": count(.meritSilverMin)
        case "BRONZE": count(.meritBronzeMin)
        default: nil
        }
    }

    /// The band a MeRIT referral is treated as: the band its score gives, or the higher band
    /// the referrer graded it up to ("if you feel that this case should have been graded
    /// HIGHER, please do so" [003 App.5]); a grade below the score's band does not lower it.
    public func gradedMeritBand(score: Int?, grade: String?) -> String? {
        let computed = score.flatMap { meritBand(score: $0) }
        guard let grade, let rank = ProtocolRules.meritBands.firstIndex(of: grade), meritBandMinimum(grade) != nil else { return computed }
        guard let computed, let computedRank = ProtocolRules.meritBands.firstIndex(of: computed) else { return grade }
        return rank < computedRank ? grade : computed
    }

    /// The MeRIT band of a score ("GOLD", "SILVER", "BRONZE"), or `nil` below BRONZE or when
    /// the profile has no MeRIT bands.
    public func meritBand(score: Int) -> String? {
        if let gold = count(.meritGoldMin), score >= gold { return "GOLD" }
        if let silver = count(.meritSilverMin), score >= silver { return "SILVER" }
        if let bronze = count(.meritBronzeMin), score >= bronze { return "BRONZE" }
        return nil
    }
}
