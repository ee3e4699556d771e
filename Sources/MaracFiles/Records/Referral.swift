import MaracBase

/// One referral of a victim to MARAC.
public struct Referral: Sendable, Equatable {
    public enum Criterion: String, Sendable, CaseIterable {
        case visibleHighRisk = "visible-high-risk"
        case escalation
        case professionalJudgement = "professional-judgement"
        case `repeat`
        case transferIn = "transfer-in"
        case dvds
        case hbv
    }

    public enum Decision: String, Sendable, CaseIterable {
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

    public enum Consent: String, Sendable, CaseIterable {
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
    /// 1-based position in the file's `referral` list, for messages (`referral[2]`).
    public var entry: Int
    /// Where fields are written (each else where the referral starts), for messages.
    public var positions = FilePositions<Positions>()
    /// `referrer`, `criteria`, `judgement_reason`, `consent`, `consent_reason`, `decision` and
    /// `victim_not_informed_reason` as written, read from the file (see `FreeText`).
    package var freeText: FreeText?

    /// Where fields of a referral are written.
    public struct Positions: Sendable, Equatable {
        public var start: SourcePosition?
        public var received: SourcePosition?
        public var incident: SourcePosition?
        public var riskTool: SourcePosition?
        public var meritGrade: SourcePosition?
        public var victimInformed: SourcePosition?
        public var agency: SourcePosition?
        public var criteria: SourcePosition?
        public var idvaReferred: SourcePosition?
        public var consent: SourcePosition?
        public var decision: SourcePosition?
        public var infoOnly: SourcePosition?
    }

    /// Where the referral's table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// `referral[n]`, for messages.
    public var place: String { "referral[\(entry)]" }

    /// The date the referral was accepted: `decided`, else the date it arrived.
    public var acceptedOn: LocalDate? {
        decision == .accepted ? (decided ?? received) : nil
    }

    package init(_ reader: FieldReader, number: Int, problems: inout [Diagnostic]) {
        self.number = number
        entry = reader.number
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
        positions = FilePositions(Positions(
            start: reader.position, received: reader.position(of: "received"), incident: reader.position(of: "incident"),
            riskTool: reader.position(of: "risk_tool"), meritGrade: reader.position(of: "merit_grade"),
            victimInformed: reader.position(of: "victim_informed"), agency: reader.position(of: "agency"), criteria: reader.position(of: "criteria"),
            idvaReferred: reader.position(of: "idva_referred"), consent: reader.position(of: "consent"),
            decision: reader.position(of: "decision"), infoOnly: reader.position(of: "info_only")))
        var text = FreeText(reader, ["referrer", "judgement_reason", "consent", "consent_reason", "decision", "victim_not_informed_reason"])
        text.set("criteria", reader.strings("criteria").joined(separator: ", "))
        freeText = text
    }

    /// A referral with no fields written yet (the index fills in what it kept).
    package init(number: Int, entry: Int) {
        self.number = number
        self.entry = entry
        policeIncidents = [:]
        crimes = [:]
        criteria = []
        hasJudgementReason = false
        hasConsentReason = false
        decidedBy = []
        hasReturnReason = false
        hasNotInformedReason = false
        infoOnly = false
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
