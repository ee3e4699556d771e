import MaracBase
import MaracRecords

/// What the repeat and criteria checks need of one case, kept without its decoded file:
/// its id, the victim and perpetrators, its referrals' facts, and whether it was transferred in.
public struct CaseSummary: Sendable {
    public var id: String?
    public var file: String
    public var victim: Person?
    public var perpetrators: [Person]
    public var referrals: [ReferralSummary]
    public var hasTransferIn: Bool
    /// The victim and perpetrators with their names normalised once, as the file is read.
    package var people: RepeatDetection.CasePeople

    public init(_ record: Case) {
        id = record.id
        file = record.file
        victim = record.victim
        perpetrators = record.perpetrators
        referrals = record.referrals.map(ReferralSummary.init)
        hasTransferIn = record.transfers.contains { $0.direction == .in }
        people = RepeatDetection.CasePeople(victim: record.victim, perpetrators: record.perpetrators)
    }

    /// A summary from parts (the index keeps them without the case file).
    package init(id: String?, file: String, victim: Person?, perpetrators: [Person], referrals: [Referral], hasTransferIn: Bool) {
        self.id = id
        self.file = file
        self.victim = victim
        self.perpetrators = perpetrators
        self.referrals = referrals.map(ReferralSummary.init)
        self.hasTransferIn = hasTransferIn
        self.people = RepeatDetection.CasePeople(victim: victim, perpetrators: perpetrators)
    }
}

/// The facts of a referral the protocol rules look at (no free text, no decoded table).
public struct ReferralSummary: Sendable, ReferralFacts {
    public var number: Int
    public var received: LocalDate?
    public var incident: LocalDate?
    public var decision: Referral.Decision?
    public var idvaEngaged: Bool?
    public var riskTool: String?
    public var riskScore: Int?
    public var policeIncidents12m: Int?
    public var crimes12m: Int?
    public var criteria: [Referral.Criterion]
    public var hasJudgementReason: Bool
    public var dvds: String?
    /// `referral[n]`, for messages.
    public var place: String
    /// Where `criteria` is written (else where the referral starts).
    public var criteriaPosition: SourcePosition?

    public init(_ referral: Referral) {
        number = referral.number
        received = referral.received
        incident = referral.incident
        decision = referral.decision
        idvaEngaged = referral.idvaEngaged
        riskTool = referral.riskTool
        riskScore = referral.riskScore
        policeIncidents12m = referral.policeIncidents12m
        crimes12m = referral.crimes12m
        criteria = referral.criteria
        hasJudgementReason = referral.hasJudgementReason
        dvds = referral.dvds
        place = referral.reader.place
        criteriaPosition = referral.reader.position(of: "criteria")
    }
}

/// What `ProtocolRules.evaluate` reads of a referral: a `Referral` or its summary.
public protocol ReferralFacts {
    var riskTool: String? { get }
    var riskScore: Int? { get }
    var policeIncidents12m: Int? { get }
    var crimes12m: Int? { get }
    var criteria: [Referral.Criterion] { get }
    var hasJudgementReason: Bool { get }
    var dvds: String? { get }
}

extension Referral: ReferralFacts {}
