/// The protocol numbers and switches the papers follow: agenda order, time slots, the case cap
/// and which cases are heard in a closed session.
public struct PaperRules: Sendable, Equatable {
    /// Most cases heard at one meeting (`nil`: no cap). Cases past it go to an overflow list
    /// for the chair.
    public var maxCases: Int?
    /// Minutes for a case with children.
    public var slotWithChildren: Int
    /// Minutes for a case without children.
    public var slotWithoutChildren: Int
    /// Highest-risk cases first (else the order of the meeting file).
    public var highestRiskFirst: Bool
    /// Clare's Law (DVDS) cases in their own section at the end.
    public var claresLawLast: Bool
    /// Outgoing transfers in their own section at the very end.
    public var transfersOutLast: Bool
    /// Repeats needing no new safeguarding in a "for information only" section.
    public var infoOnlySection: Bool
    /// Honour-based violence cases are heard in a closed session.
    public var hbvClosedSession: Bool
    /// DASH ticks and MeRIT score at the threshold of visible high risk: scores from the two
    /// tools are compared as a proportion of their threshold.
    public var dashThreshold: Int
    public var meritThreshold: Int

    public init(
        maxCases: Int? = nil, slotWithChildren: Int = 10, slotWithoutChildren: Int = 10,
        highestRiskFirst: Bool = true, claresLawLast: Bool = true, transfersOutLast: Bool = true,
        infoOnlySection: Bool = true, hbvClosedSession: Bool = false,
        dashThreshold: Int = 14, meritThreshold: Int = 72
    ) {
        self.maxCases = maxCases
        self.slotWithChildren = slotWithChildren
        self.slotWithoutChildren = slotWithoutChildren
        self.highestRiskFirst = highestRiskFirst
        self.claresLawLast = claresLawLast
        self.transfersOutLast = transfersOutLast
        self.infoOnlySection = infoOnlySection
        self.hbvClosedSession = hbvClosedSession
        self.dashThreshold = dashThreshold
        self.meritThreshold = meritThreshold
    }

    /// 10-minute slots, no cap, every ordering rule on.
    public static let standard = PaperRules()
}
