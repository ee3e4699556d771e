import MaracBase
import MaracTOML

extension WorkingCalendar {
    /// The calendar regions `mfile` knows (`[calendar] region`).
    public static let regions = ["england-and-wales"]

    /// The working calendar of marac.toml's `[calendar]` table: `region` (only
    /// `"england-and-wales"`, the default) and `closures` (an array of dates). Unknown keys and
    /// wrong types are reported with their line:column, never their value.
    public init(calendar table: TOMLTable) throws {
        var problems: [RulesError.Problem] = []
        var closures: [LocalDate] = []
        for member in table.members {
            let position = member.keyRange.start
            switch member.key {
            case "region":
                if member.node.string.map({ WorkingCalendar.regions.contains($0) }) != true {
                    problems.append(.init(
                        "`region` in [calendar] must be one of: \(WorkingCalendar.regions.joined(separator: ", "))",
                        at: position))
                }
            case "closures":
                guard let items = member.node.array else {
                    problems.append(.init(
                        "`closures` in [calendar] must be an array of dates, e.g. [2026-12-24]", at: position))
                    continue
                }
                for item in items {
                    if let date = item.localDate {
                        closures.append(date)
                    } else {
                        problems.append(.init(
                            "each entry of `closures` in [calendar] must be a date written YYYY-MM-DD, without a time",
                            at: item.range.start))
                    }
                }
            default:
                problems.append(.init(
                    "unknown key `\(member.key)` in [calendar]; the keys are `region` and `closures`",
                    at: position))
            }
        }
        if !problems.isEmpty { throw RulesError(problems) }
        self.init(closures: closures)
    }
}
