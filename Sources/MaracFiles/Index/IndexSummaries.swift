/// Reducing a read record to what the index keeps, and back to what `RepeatDetection` reads.
extension IndexedCase {
    /// What the index keeps of a case file.
    public init(_ record: Case) {
        id = record.id
        file = record.file
        people = record.people.map(IndexedPerson.init)
        referrals = record.referrals.map(IndexedReferral.init)
        transfers = record.transfers.compactMap(\.direction)
    }

    /// The summary `RepeatDetection` works on, rebuilt from the index.
    var caseSummary: CaseSummary {
        CaseSummary(
            id: id, file: file, victim: victim.map(Person.init(indexed:)),
            perpetrators: perpetrators.map(Person.init(indexed:)),
            referrals: referrals.map(Referral.init(indexed:)),
            hasTransferIn: transfers.contains(.in))
    }
}

extension IndexedPerson {
    init(_ person: Person) {
        role = person.role
        names = ([person.name].compactMap { $0 }.map { IndexedName(display: $0, isAlias: false) })
            + person.aliases.map { IndexedName(display: $0, isAlias: true) }
        dob = person.dob
        gender = person.gender
        ethnicity = person.ethnicity
        sexualOrientation = person.sexualOrientation
        disability = person.disability
        inHousehold = person.inHousehold
    }

    /// The name as written (the first name that is not an alias), if any.
    public var displayName: String? { names.first { !$0.isAlias }?.display ?? names.first?.display }
}

extension IndexedReferral {
    init(_ referral: Referral) {
        number = referral.number
        received = referral.received
        incident = referral.incident
        decided = referral.decided
        agency = referral.agency
        criteria = referral.criteria
        decision = referral.decision
        idvaEngaged = referral.idvaEngaged
        infoOnly = referral.infoOnly
        dvds = referral.dvds
    }
}

extension IndexedMeeting {
    /// What the index keeps of a meeting file.
    public init(_ meeting: Meeting) {
        file = meeting.file
        marac = meeting.marac
        date = meeting.date
        hearingCaseIDs = meeting.hearings.compactMap(\.caseID)
    }
}

extension CaseSummary {
    init(id: String?, file: String, victim: Person?, perpetrators: [Person], referrals: [Referral], hasTransferIn: Bool) {
        self.id = id
        self.file = file
        self.victim = victim
        self.perpetrators = perpetrators
        self.referrals = referrals.map(ReferralSummary.init)
        self.hasTransferIn = hasTransferIn
        self.people = RepeatDetection.CasePeople(victim: victim, perpetrators: perpetrators)
    }
}

extension Person {
    /// A person rebuilt from the index, with the fields person matching reads.
    init(indexed: IndexedPerson) {
        role = indexed.role
        name = indexed.names.first { !$0.isAlias }?.display
        aliases = indexed.names.filter(\.isAlias).map(\.display)
        dob = indexed.dob
        gender = indexed.gender
        address = nil
        relationship = nil
        inHousehold = indexed.inHousehold
        employedByPartnerAgency = false
        ethnicity = indexed.ethnicity
        sexualOrientation = indexed.sexualOrientation
        disability = indexed.disability
        position = nil
    }
}

extension Referral {
    /// A referral rebuilt from the index, with the fields repeat detection reads.
    init(indexed: IndexedReferral) {
        reader = FieldReader(TOMLTable(), file: "")
        number = indexed.number
        position = nil
        received = indexed.received
        agency = indexed.agency
        incident = indexed.incident
        riskTool = nil
        riskScore = nil
        policeIncidents12m = nil
        crimes12m = nil
        criteria = indexed.criteria
        hasJudgementReason = false
        consent = nil
        hasConsentReason = false
        decision = indexed.decision
        decided = indexed.decided
        idvaReferred = nil
        idvaEngaged = indexed.idvaEngaged
        infoOnly = indexed.infoOnly
        dvds = indexed.dvds
    }
}
