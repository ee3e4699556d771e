import MaracBase

/// One referral of a victim to MARAC.
public struct Referral: Sendable {
    public enum Criterion: String, Sendable, CaseIterable {
        case visibleHighRisk = "visible-high-risk"
        case escalation
        case professionalJudgement = "professional-judgement"
        case `repeat`
        case transferIn = "transfer-in"
        case dvds
        case hbv
    }

    public enum Decision: String, Sendable {
        case accepted, returned, pending
    }

    /// Who decided on, or quality-assured, a referral (roles only, never names).
    public enum DecisionRole: String, Sendable, CaseIterable {
        case chair
        case viceChair = "vice-chair"
        case coordinator
        case administrator
        case vulnerableVictimsLead = "vulnerable-victims-lead"
    }

    public enum Consent: String, Sendable {
        case given, refused
        case notSoughtUnsafe = "not-sought-unsafe"
        case notSought = "not-sought"
    }

    public var received: LocalDate?
    public var agency: String?
    public var incident: LocalDate?
    public var riskTool: String?
    public var riskScore: Int?
    /// Police incidents counted over a window of months (`police_incidents_12m` is
    /// `[12: n]`): the escalation rule reads the count of its own window.
    public var policeIncidents: [Int: Int]
    /// Crimes counted over a window of months (`crimes_12m` is `[12: n]`).
    public var crimes: [Int: Int]
    public var criteria: [Criterion]
    public var hasJudgementReason: Bool
    public var consent: Consent?
    public var hasConsentReason: Bool
    public var decision: Decision?
    public var decided: LocalDate?
    /// `decided_by`: the roles that decided or quality-assured the referral.
    public var decidedBy: [DecisionRole]
    /// `return_reason` is written.
    public var hasReturnReason: Bool
    public var idvaReferred: LocalDate?
    public var idvaEngaged: Bool?
    /// `merit_grade`: the MeRIT band the referrer graded the case up to ("GOLD", ...).
    public var meritGrade: String?
    /// `victim_informed`: whether the victim knows the case is going to MARAC.
    public var victimInformed: Bool?
    /// `victim_not_informed_reason` is written.
    public var hasNotInformedReason: Bool
    public var infoOnly: Bool
    public var dvds: String?
    /// 1-based position among the case's referrals.
    public var number: Int
    public var position: SourcePosition?
    package let reader: FieldReader

    /// The date the referral was accepted: `decided`, else the date it arrived.
    public var acceptedOn: LocalDate? {
        decision == .accepted ? (decided ?? received) : nil
    }

    package init(_ reader: FieldReader, number: Int, problems: inout [Diagnostic]) {
        self.reader = reader
        self.number = number
        self.position = reader.position
        received = reader.date("received", &problems)
        agency = reader.string("agency")
        incident = reader.date("incident", &problems)
        riskTool = reader.string("risk_tool")
        riskScore = reader.int("risk_score")
        policeIncidents = Referral.windowCounts("police_incidents_", in: reader)
        crimes = Referral.windowCounts("crimes_", in: reader)
        criteria = reader.strings("criteria").compactMap(Criterion.init(rawValue:))
        hasJudgementReason = !(reader.string("judgement_reason") ?? "").isEmpty
        consent = reader.string("consent").flatMap(Consent.init(rawValue:))
        hasConsentReason = !(reader.string("consent_reason") ?? "").isEmpty
        decision = reader.string("decision").flatMap(Decision.init(rawValue:))
        decided = reader.date("decided", &problems)
        decidedBy = reader.strings("decided_by").compactMap(DecisionRole.init(rawValue:))
        hasReturnReason = !(reader.string("return_reason") ?? "").isEmpty
        idvaReferred = reader.date("idva_referred", &problems)
        idvaEngaged = reader.bool("idva_engaged")
        meritGrade = reader.string("merit_grade")
        victimInformed = reader.bool("victim_informed")
        hasNotInformedReason = !(reader.string("victim_not_informed_reason") ?? "").isEmpty
        infoOnly = reader.bool("info_only") ?? false
        dvds = reader.string("dvds")
    }

    /// The counts written `<prefix><months>m` (e.g. `police_incidents_12m = 5`), by months.
    static func windowCounts(_ prefix: String, in reader: FieldReader) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for member in reader.table.members where member.key.hasPrefix(prefix) && member.key.hasSuffix("m") {
            let digits = member.key.dropFirst(prefix.count).dropLast()
            guard !digits.isEmpty, digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 3, let months = Int(digits), months > 0,
                  let count = member.node.integer else { continue }
            counts[months] = Int(count)
        }
        return counts
    }
}
