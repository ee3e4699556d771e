import MaracBase
import MaracTOML

/// The repository's `marac.toml`: its MARACs, protocol profile, overrides, agencies and calendar.
public struct Configuration: Sendable {
    /// One MARAC kept in the repository.
    public struct Marac: Sendable {
        public enum Frequency: String, Sendable { case weekly, fortnightly, monthly }
        public var id: String
        public var name: String
        public var frequency: Frequency?
        public var firstMeeting: LocalDate?
        public var referralCutoffDays: Int?
        /// The adult (16+) female population of the area, for the data return's cases per 10,000.
        public var adultFemalePopulation: Int?
        /// The year of that figure's source.
        public var adultFemalePopulationYear: Int?
    }

    /// A partner agency.
    public struct Agency: Sendable {
        /// What kind of agency it is (`kind` in marac.toml): the rules that depend on who
        /// referred a case read this, never the agency's id.
        public enum Kind: String, Sendable, CaseIterable {
            case police, health, idva, probation, children, adults, housing, education, other
        }

        public var id: String
        public var name: String
        public var core: Bool
        /// Works with children: cases with children are grouped so it can leave.
        public var children: Bool
        /// `nil` when marac.toml does not say.
        public var kind: Kind?
        /// `minutes = true`: on the approved list for the full minutes [001 §4.9, 003 MOP §10.10].
        public var minutes = false

        /// The police: `kind = "police"`. The one answer the data return's police share and the
        /// protocol rules (Gwent's non-police IDVA time) read.
        public var isPolice: Bool { kind == .police }
    }

    public var file: String
    public var name: String
    public var profile: String
    public var marking: String
    /// The day the MARAC started keeping its records in mfile (`adopted`); see
    /// `ProtocolEngine.predatesAdoption`.
    public var adopted: LocalDate?
    /// `handling_statement`: how recipients must treat the agenda (see
    /// `ProtocolEngine.handlingStatement`); an empty text for none.
    public var handlingStatement: String?
    public var retentionMonths: Int?
    /// `[circulation] reviewed`: the day the minutes circulation list was last checked.
    public var circulationReviewed: LocalDate?
    /// `[circulation] approved_by`: who approves the list (`chair`, `steering-group`).
    public var circulationApprovedBy: String?
    /// The `[rules]` table: local overrides of the profile.
    public var rules: TOMLTable
    public var maracs: [Marac]
    public var agencies: [Agency]
    public var table: TOMLTable

    public init(table: TOMLTable, file: String = "marac.toml", problems: inout [Diagnostic]) {
        let reader = FieldReader(table, file: file)
        self.file = file
        self.table = table
        name = reader.string("name") ?? ""
        profile = reader.string("profile") ?? ""
        marking = reader.string("marking") ?? ""
        adopted = reader.date("adopted", &problems)
        handlingStatement = reader.string("handling_statement")
        retentionMonths = reader.int("retention_months")
        rules = table["rules"]?.table ?? TOMLTable()
        maracs = reader.tables("marac").compactMap { marac in
            guard let id = marac.string("id") else { return nil }
            return Marac(
                id: id, name: marac.string("name") ?? id,
                frequency: marac.string("frequency").flatMap(Marac.Frequency.init(rawValue:)),
                firstMeeting: marac.date("first_meeting", &problems),
                referralCutoffDays: marac.int("referral_cutoff_days"),
                adultFemalePopulation: marac.int("adult_female_population"),
                adultFemalePopulationYear: marac.int("adult_female_population_year"))
        }
        agencies = reader.tables("agency").compactMap { agency in
            guard let id = agency.string("id") else { return nil }
            return Agency(
                id: id, name: agency.string("name") ?? id, core: agency.bool("core") ?? false,
                children: agency.bool("children") ?? false,
                kind: agency.string("kind").flatMap(Agency.Kind.init(rawValue:)),
                minutes: agency.bool("minutes") ?? false)
        }
        let circulation = reader.subtable("circulation")
        circulationReviewed = circulation?.date("reviewed", &problems)
        circulationApprovedBy = circulation?.string("approved_by")
    }

    public func agency(_ id: String) -> Agency? { agencies.first { $0.id == id } }

    /// The kind of the agency with id `id`, when marac.toml gives one.
    public func agencyKind(_ id: String?) -> Agency.Kind? { id.flatMap { agency($0)?.kind } }
    public func marac(_ id: String) -> Marac? { maracs.first { $0.id == id } }
}
