import MaracBase
import MaracProtocol
import MaracRecords
import MaracTOML

/// Reducing a read record to what the index keeps, and back to what `RepeatDetection` reads.
extension IndexedCase {
    /// What the index keeps of a case file.
    public init(_ record: Case) {
        id = record.id
        reference = record.reference
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
        kind = meeting.kind
        attendedAgencies = meeting.attendees.compactMap(\.agency)
        apologies = meeting.apologies.compactMap { apology in
            apology.agency.map { IndexedApology(agency: $0, written: apology.writtenInformation) }
        }
    }
}

extension Person {
    /// A person rebuilt from the index, with the fields person matching reads.
    init(indexed: IndexedPerson) {
        var problems: [Diagnostic] = []
        self.init(role: indexed.role, FieldReader(TOMLTable(), file: ""), problems: &problems)
        self.name = indexed.names.first { !$0.isAlias }?.display
        self.aliases = indexed.names.filter(\.isAlias).map(\.display)
        self.dob = indexed.dob
        self.gender = indexed.gender
        self.inHousehold = indexed.inHousehold
        self.ethnicity = indexed.ethnicity
        self.sexualOrientation = indexed.sexualOrientation
        self.disability = indexed.disability
    }
}

extension Referral {
    /// A referral rebuilt from the index, with the fields repeat detection reads.
    init(indexed: IndexedReferral) {
        var problems: [Diagnostic] = []
        self.init(FieldReader(TOMLTable(), file: ""), number: indexed.number, problems: &problems)
        self.received = indexed.received
        self.agency = indexed.agency
        self.incident = indexed.incident
        self.criteria = indexed.criteria
        self.decision = indexed.decision
        self.decided = indexed.decided
        self.idvaEngaged = indexed.idvaEngaged
        self.infoOnly = indexed.infoOnly
        self.dvds = indexed.dvds
    }
}
