import MaracBase
import MaracTOML

/// One victim's case, read from `cases/YYYY/<case-id>.toml`.
public struct Case: Sendable {
    public enum Status: String, Sendable { case open, closed, transferredOut = "transferred-out" }

    /// The file, relative to the repository root.
    public var file: String
    /// The case id as written; shown only through `ShownID.caseID` (`CaseID` says what is valid).
    public var id: String?
    /// The case's reference in the records kept before mfile (`mfile import` writes it).
    public var reference: String?
    public var marac: String?
    public var status: Status?
    public var closedSession: Bool
    public var sessionReason: String?
    public var closed: LocalDate?
    public var victim: Person?
    public var perpetrators: [Person]
    public var children: [Person]
    public var referrals: [Referral]
    public var transfers: [Transfer]
    public var disclosures: [Disclosure]
    public var flagLifted: LocalDate?
    /// `retention_hold = true`: keep the case beyond its retention period.
    public var retentionHold: Bool
    /// The decoded file, for field positions.
    public var table: TOMLTable

    /// Reads a case from its decoded file; problems the schema cannot see go to `problems`.
    public init(table: TOMLTable, file: String, problems: inout [Diagnostic]) {
        let reader = FieldReader(table, file: file)
        self.file = file
        self.table = table
        id = reader.string("id")
        reference = reader.string("reference")
        marac = reader.string("marac")
        status = reader.string("status").flatMap(Status.init(rawValue:))
        closedSession = reader.string("session") == "closed"
        sessionReason = reader.string("session_reason")
        closed = reader.date("closed", &problems)
        victim = reader.subtable("victim").map { Person(role: .victim, $0, problems: &problems) }
        perpetrators = reader.tables("perpetrator").map { Person(role: .perpetrator, $0, problems: &problems) }
        children = reader.tables("child").map { Person(role: .child, $0, problems: &problems) }
        referrals = reader.tables("referral").enumerated().map {
            Referral($1, number: $0 + 1, problems: &problems)
        }
        transfers = reader.tables("transfer").map { Transfer($0, problems: &problems) }
        disclosures = reader.tables("disclosure").map { Disclosure($0, problems: &problems) }
        flagLifted = reader.subtable("flag")?.date("lifted", &problems)
        retentionHold = reader.bool("retention_hold") ?? false
    }

    /// Everyone named in the case.
    public var people: [Person] { (victim.map { [$0] } ?? []) + perpetrators + children }

    /// The first referral's arrival: the year the case file is kept under.
    public var firstReceived: LocalDate? { referrals.compactMap(\.received).min() }

    /// The latest referral (by date received).
    public var latestReferral: Referral? {
        referrals.max { ($0.received ?? LocalDate(year: 0, month: 1, day: 1)) < ($1.received ?? LocalDate(year: 0, month: 1, day: 1)) }
    }
}
