import MaracBase
import MaracRecords

/// What the protocol questions need of one case: its id and MARAC, the victim and
/// perpetrators, its referrals, its transfers, status and session, and its flag. One shared
/// object per case, so the questions across cases pass a reference, not its fields.
public final class CaseSummary: Sendable {
    public let id: String?
    public let file: String
    public let marac: String?
    public let status: Case.Status?
    public let closed: LocalDate?
    /// `session = "closed"` in the case file.
    public let sessionClosed: Bool
    /// Where `session` is written (`nil` when it is not, or the case was not read from its file).
    public let sessionPosition: SourcePosition?
    /// The victim or a perpetrator works for a partner agency.
    public let employedByPartnerAgency: Bool
    public let hasChildren: Bool
    public let victim: Person?
    public let perpetrators: [Person]
    /// The case's referrals (the records themselves).
    public let referrals: [Referral]
    public let transfers: [Transfer]
    /// `[flag] lifted`.
    public let flagLifted: LocalDate?
    /// `retention_hold = true`.
    public let retentionHold: Bool
    /// The latest `[[disclosure]]` date or request.
    public let lastDisclosure: LocalDate?
    /// A `[[disclosure]]` requested and not yet made.
    public let disclosurePending: Bool
    /// The victim and perpetrators with their names normalised once, as the file is read
    /// (`nil` when the cases' matches are already known: `RepeatDetection.matches` then needs
    /// none).
    package let people: RepeatDetection.CasePeople?

    /// The summary of `record`, its people's names normalised for `RepeatDetection.matches`.
    public convenience init(_ record: Case) {
        self.init(record, normalisingNames: true)
    }

    /// The summary of `record`; `normalisingNames` normalises its people's names now, for
    /// `RepeatDetection.matches`.
    public init(_ record: Case, normalisingNames: Bool) {
        id = record.id
        file = record.file
        marac = record.marac
        status = record.status
        closed = record.closed
        sessionClosed = record.closedSession
        sessionPosition = record.positions.session
        employedByPartnerAgency = record.people.contains(where: \.employedByPartnerAgency)
        hasChildren = !record.children.isEmpty
        victim = record.victim
        perpetrators = record.perpetrators
        referrals = record.referrals
        transfers = record.transfers
        flagLifted = record.flagLifted
        retentionHold = record.retentionHold
        lastDisclosure = record.disclosures.flatMap { [$0.date, $0.requested].compactMap { $0 } }.max()
        disclosurePending = record.disclosures.contains { $0.requested != nil && $0.date == nil }
        people = normalisingNames ? RepeatDetection.CasePeople(victim: record.victim, perpetrators: record.perpetrators) : nil
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
        self.referrals = referrals
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
    public func referralHeard(on date: LocalDate?) -> Referral? {
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

/// The facts of a referral the protocol rules look at: the record itself.
public typealias ReferralSummary = Referral

extension Referral {
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
