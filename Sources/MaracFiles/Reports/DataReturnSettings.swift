import Foundation
import MaracBase
import MaracRecords
import MaracRepository

/// What the data return needs from `marac.toml` and the categories file: the agencies (which
/// are the police), each MARAC's adult female population, and the equality categories.
public struct DataReturnSettings: Sendable {
    public struct Agency: Sendable {
        public var id: String
        public var name: String
        /// `kind = "police"` on its `[[agency]]` table (`Configuration.Agency.isPolice`).
        public var police: Bool
        /// `core = true`: expected at every scheduled meeting.
        public var core = false
    }

    /// One MARAC and the population of the area it covers.
    public struct Area: Sendable {
        public var marac: String
        public var adultFemalePopulation: Int?
        public var year: Int?
    }

    /// In marac.toml order.
    public var agencies: [Agency]
    public var areas: [Area]
    public var categories: DataReturnCategories

    public init(configuration: Configuration, categories: DataReturnCategories) {
        agencies = configuration.agencies.map { Agency(id: $0.id, name: $0.name, police: $0.isPolice, core: $0.core) }
        areas = configuration.maracs.map {
            Area(marac: $0.id, adultFemalePopulation: $0.adultFemalePopulation, year: $0.adultFemalePopulationYear)
        }
        self.categories = categories
    }

    /// Reads marac.toml and the categories (the repository's own, else the built-in ones).
    public static func load(root: URL) throws(RepositoryError) -> DataReturnSettings {
        let configuration = try ConfigurationFile.load(root: root)
        return DataReturnSettings(configuration: configuration, categories: try DataReturnCategories.load(root: root))
    }

    /// The agencies marked as the police (`kind = "police"`).
    public var policeAgencyIDs: Set<String> { Set(agencies.filter(\.police).map(\.id)) }

    /// The adult (16+) female population of every MARAC together, with the source years;
    /// `nil` unless every MARAC gives both the figure and its year.
    public var adultFemalePopulation: (count: Int, years: [Int])? {
        guard !areas.isEmpty else { return nil }
        var total = 0
        var years = Set<Int>()
        for area in areas {
            guard let count = area.adultFemalePopulation, let year = area.year else { return nil }
            total += count
            years.insert(year)
        }
        return (total, years.sorted())
    }
}
