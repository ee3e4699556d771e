import MaracBase
import MaracProtocol
import MaracRecords

/// What `mfile index` keeps of a repository in `.mfile/index`: each record file's stamp and
/// a small summary of its record, and, worked out across files, each case's hearings, repeats
/// and linked cases. Names are kept with their normalised and sound-key forms so that
/// `mfile find` never normalises a stored name again.
public struct PeopleIndex: Sendable {
    /// One entry per record file under `cases/` and `meetings/`, sorted by path.
    public var entries: [IndexEntry]
    /// `marac.toml` when the index was built (its repeat rules shape the repeats found).
    public var configuration: FileStamp

    public init(entries: [IndexEntry], configuration: FileStamp) {
        self.entries = entries
        self.configuration = configuration
    }

    /// The cases, in file order.
    public var cases: [IndexedCase] {
        entries.compactMap { if case .case(let item) = $0.record { return item } else { return nil } }
    }

    /// The meetings, in file order.
    public var meetings: [IndexedMeeting] {
        entries.compactMap { if case .meeting(let item) = $0.record { return item } else { return nil } }
    }
}

/// One record file: what it was when read, and what was read from it.
public struct IndexEntry: Sendable {
    public var stamp: FileStamp
    public var record: IndexedRecord
}

/// A file's identity for freshness: its path, size, modification time and content hash.
public struct FileStamp: Sendable, Hashable {
    /// Relative to the repository root.
    public var path: String
    public var size: UInt64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    /// `ContentHash` of the bytes.
    public var hash: UInt64
}

/// What one file held.
public enum IndexedRecord: Sendable {
    case `case`(IndexedCase)
    case meeting(IndexedMeeting)
    /// A file that could not be read or decoded (lint says why).
    case unreadable
}

/// One way a person's name is written, with its comparable forms.
public struct IndexedName: Sendable, Hashable {
    /// As written in the record (shown only by `mfile find` and `mfile links --names`).
    public var display: String
    /// `PersonMatching.normalise(display)`.
    public var normalised: String
    /// `PersonMatching.phoneticKeys(normalised)`.
    public var phonetic: String
    public var isAlias: Bool

    public init(display: String, isAlias: Bool) {
        self.display = display
        self.normalised = PersonMatching.normalise(display)
        self.phonetic = PersonMatching.phoneticKeys(normalised)
        self.isAlias = isAlias
    }

    init(display: String, normalised: String, phonetic: String, isAlias: Bool) {
        self.display = display
        self.normalised = normalised
        self.phonetic = phonetic
        self.isAlias = isAlias
    }
}

/// A victim, perpetrator or child of a case.
public struct IndexedPerson: Sendable {
    public var role: Person.Role
    /// The name first, then the aliases.
    public var names: [IndexedName]
    public var dob: LocalDate?
    public var gender: String?
    /// Victim only: the equality fields as written (a value or "declined").
    public var ethnicity: String?
    public var sexualOrientation: String?
    public var disability: String?
    /// Child only.
    public var inHousehold: Bool?
}

/// One referral of a case, as the data return and repeat detection need it.
public struct IndexedReferral: Sendable {
    public var number: Int
    public var received: LocalDate?
    public var incident: LocalDate?
    public var decided: LocalDate?
    public var agency: String?
    public var criteria: [Referral.Criterion]
    public var decision: Referral.Decision?
    public var idvaEngaged: Bool?
    public var infoOnly: Bool
    public var dvds: String?
}

/// A case's summary, with what is worked out across files.
public struct IndexedCase: Sendable {
    public var id: String?
    /// The case's reference in earlier records (`reference`), which `find` also matches.
    public var reference: String?
    public var file: String
    public var people: [IndexedPerson]
    public var referrals: [IndexedReferral]
    /// Transfer directions, in file order.
    public var transfers: [Transfer.Direction]
    /// Meeting dates this case is heard at (from the meeting files), sorted.
    public var hearings: [LocalDate] = []
    /// Referrals found to be repeats (`RepeatDetection`).
    public var repeats: [IndexedRepeat] = []
    /// Cases sharing the victim or a perpetrator (`RepeatDetection`), sorted.
    public var links: [IndexedLink] = []

    public var victim: IndexedPerson? { people.first { $0.role == .victim } }
    public var perpetrators: [IndexedPerson] { people.filter { $0.role == .perpetrator } }
    public var children: [IndexedPerson] { people.filter { $0.role == .child } }
}

/// A repeat referral and the earlier referral it repeats.
public struct IndexedRepeat: Sendable, Hashable {
    public var referral: Int
    public var previousCaseID: String
    public var previousReferral: Int
}

/// Another case sharing one person with this one.
public struct IndexedLink: Sendable, Hashable {
    public var caseID: String
    public var kind: RepeatDetection.Link.Kind
}

/// A meeting's date and the cases heard.
public struct IndexedMeeting: Sendable {
    public var file: String
    public var marac: String?
    public var date: LocalDate?
    public var hearingCaseIDs: [String]
    public var kind: Meeting.Kind?
    /// The agencies of its `[[attendee]]` tables, in file order (repeats kept).
    public var attendedAgencies: [String]
    /// Its `[[apology]]` tables: agency and whether written information came.
    public var apologies: [IndexedApology]

    /// Who came, for the attendance counts (`MeetingAttendance`).
    public var attendance: MeetingAttendance {
        MeetingAttendance(attended: attendedAgencies, apologies: apologies.map { ($0.agency, $0.written) })
    }
}

/// One `[[apology]]` of a meeting, as the index keeps it.
public struct IndexedApology: Sendable, Hashable {
    public var agency: String
    public var written: Bool
}
