import MaracBase
import MaracRecords

/// What the protocol questions need of one case, kept without its decoded file: its id and
/// MARAC, the victim and perpetrators, its referrals' facts, its transfers, status and
/// session, and its flag.
public struct CaseSummary: Sendable {
    public var id: String?
    public var file: String
    public var marac: String?
    public var status: Case.Status?
    public var closed: LocalDate?
    /// `session = "closed"` in the case file.
    public var sessionClosed: Bool
    /// Where `session` is written (else where the file starts).
    public var sessionPosition: SourcePosition?
    /// The victim or a perpetrator works for a partner agency.
    public var employedByPartnerAgency: Bool
    public var hasChildren: Bool
    public var victim: Person?
    public var perpetrators: [Person]
    public var referrals: [ReferralSummary]
    public var transfers: [Transfer]
    /// `[flag] lifted`.
    public var flagLifted: LocalDate?
    /// `retention_hold = true`.
    public var retentionHold: Bool
    /// The latest `[[disclosure]]` date or request.
    public var lastDisclosure: LocalDate?
    /// A `[[disclosure]]` requested and not yet made.
    public var disclosurePending: Bool
    /// The victim and perpetrators with their names normalised once, as the file is read.
    package var people: RepeatDetection.CasePeople

    public init(_ record: Case) {
        id = record.id
        file = record.file
        marac = record.marac
        status = record.status
        closed = record.closed
        sessionClosed = record.closedSession
        sessionPosition = FieldReader(record.table, file: record.file).position(of: "session")
        employedByPartnerAgency = record.people.contains(where: \.employedByPartnerAgency)
        hasChildren = !record.children.isEmpty
        victim = record.victim
        perpetrators = record.perpetrators
        referrals = record.referrals.map(ReferralSummary.init)
        transfers = record.transfers
        flagLifted = record.flagLifted
        retentionHold = record.retentionHold
        lastDisclosure = record.disclosures.flatMap { [$0.date, $0.requested].compactMap { $0 } }.max()
        disclosurePending = record.disclosures.contains { $0.requested != nil && $0.date == nil }
        people = RepeatDetection.CasePeople(victim: record.victim, perpetrators: record.perpetrators)
    }

    /// A summary from parts (the index keeps them without the case file).
    package init(id: String?, file: String, victim: Person?, perpetrators: [Person], referrals: [Referral], hasTransferIn: Bool) {
        self.id = id
        self.file = file
        marac = nil
        status = nil
        closed = nil
        sessionClosed = false
        sessionPosition = nil
        employedByPartnerAgency = false
        hasChildren = false
        self.victim = victim
        self.perpetrators = perpetrators
        self.referrals = referrals.map(ReferralSummary.init)
        transfers = hasTransferIn ? [Transfer(direction: .in)] : []
        flagLifted = nil
        retentionHold = false
        lastDisclosure = nil
        disclosurePending = false
        people = RepeatDetection.CasePeople(victim: victim, perpetrators: perpetrators)
    }

    /// The case records a MARAC-to-MARAC transfer in (`[[transfer]] direction = "in"`).
    public var hasTransferIn: Bool { transfers.contains { $0.direction == .in } }

    /// The latest day a transfer in was received, if any.
    public var transferredIn: LocalDate? {
        transfers.filter { $0.direction == .in }.compactMap(\.received).max()
    }

    /// Whether a referral says honour-based violence.
    public var hasHBVReferral: Bool { referrals.contains { $0.criteria.contains(.hbv) } }

    /// The case is transferred out to another MARAC as of `date`: a `[[transfer]] direction =
    /// "out"` notified or sent by then, or `status = "transferred-out"` with no dated transfer.
    public func isTransferredOut(asOf date: LocalDate?) -> Bool {
        let out = transfers.filter { $0.direction == .out }
        let dated = out.compactMap { $0.notified ?? $0.sent }
        if let date, !dated.isEmpty { return dated.contains { $0 <= date } }
        return !out.isEmpty || status == .transferredOut
    }

    /// The referral that brings the case to a meeting on `date`: the latest one received by
    /// then that was not returned, else the latest of all.
    public func referralHeard(on date: LocalDate?) -> ReferralSummary? {
        let candidates = referrals.filter { referral in
            referral.decision != .returned
                && (date == nil || referral.received == nil || referral.received! <= date!)
        }
        let earliest = LocalDate(year: 0, month: 1, day: 1)
        return (candidates.isEmpty ? referrals : candidates).max { a, b in
            (a.received ?? earliest, a.number) < (b.received ?? earliest, b.number)
        }
    }
}

/// The facts of a referral the protocol rules look at (no free text, no decoded table).
public struct ReferralSummary: Sendable, ReferralFacts {
    public var number: Int
    public var received: LocalDate?
    public var incident: LocalDate?
    public var agency: String?
    public var decision: Referral.Decision?
    public var decided: LocalDate?
    public var decidedBy: [Referral.DecisionRole]
    public var idvaReferred: LocalDate?
    public var idvaEngaged: Bool?
    public var infoOnly: Bool
    public var meritGrade: String?
    public var riskTool: String?
    public var riskScore: Int?
    public var policeIncidents: [Int: Int]
    public var crimes: [Int: Int]
    public var criteria: [Referral.Criterion]
    public var hasJudgementReason: Bool
    public var dvds: String?
    /// `referral[n]`, for messages.
    public var place: String
    /// Where `criteria` is written (else where the referral starts).
    public var criteriaPosition: SourcePosition?
    /// Where `decision` is written (else where the referral starts).
    public var decisionPosition: SourcePosition?
    /// Where `info_only` is written (else where the referral starts).
    public var infoOnlyPosition: SourcePosition?

    public init(_ referral: Referral) {
        number = referral.number
        received = referral.received
        incident = referral.incident
        agency = referral.agency
        decision = referral.decision
        decided = referral.decided
        decidedBy = referral.decidedBy
        idvaReferred = referral.idvaReferred
        idvaEngaged = referral.idvaEngaged
        infoOnly = referral.infoOnly
        meritGrade = referral.meritGrade
        riskTool = referral.riskTool
        riskScore = referral.riskScore
        policeIncidents = referral.policeIncidents
        crimes = referral.crimes
        criteria = referral.criteria
        hasJudgementReason = referral.hasJudgementReason
        dvds = referral.dvds
        place = referral.reader.place
        criteriaPosition = referral.reader.position(of: "criteria")
        decisionPosition = referral.reader.position(of: "decision")
        infoOnlyPosition = referral.reader.position(of: "info_only")
    }

    /// The date the referral was accepted: `decided`, else the date it arrived.
    public var acceptedOn: LocalDate? {
        decision == .accepted ? (decided ?? received) : nil
    }

    /// A Clare's Law (DVDS) request: the criterion or a `dvds` field.
    public var isClaresLaw: Bool { criteria.contains(.dvds) || dvds != nil }
}

/// What `ProtocolRules.evaluate` reads of a referral: a `Referral` or its summary.
public protocol ReferralFacts {
    var received: LocalDate? { get }
    var incident: LocalDate? { get }
    var decision: Referral.Decision? { get }
    var agency: String? { get }
    var riskTool: String? { get }
    var riskScore: Int? { get }
    var policeIncidents: [Int: Int] { get }
    var crimes: [Int: Int] { get }
    var criteria: [Referral.Criterion] { get }
    var hasJudgementReason: Bool { get }
    var dvds: String? { get }
}

extension Referral: ReferralFacts {}
