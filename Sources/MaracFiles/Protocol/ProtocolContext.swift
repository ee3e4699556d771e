import MaracRecords
import MaracTOML

/// What the protocol checks of one repository work with: its effective rules and its working
/// calendar, both read from marac.toml.
public struct ProtocolContext: Sendable {
    /// The profile with marac.toml's `[rules]` applied, each rule with its origin.
    public var effective: EffectiveRules
    /// Weekends, bank holidays and the repository's `[calendar] closures`.
    public var calendar: WorkingCalendar

    public init(effective: EffectiveRules, calendar: WorkingCalendar) {
        self.effective = effective
        self.calendar = calendar
    }

    /// The effective rule values.
    public var rules: ProtocolRules { effective.rules }

    /// Reads `profile`, `[rules]` and `[calendar]` of a repository's configuration.
    /// Throws a `RulesError` listing every problem with its line:column (a usage error, exit 2).
    public static func load(_ configuration: Configuration) throws(RulesError) -> ProtocolContext {
        var problems: [RulesError.Problem] = []
        var effective: EffectiveRules?
        var calendar = WorkingCalendar()
        do {
            effective = try ProtocolRules.effective(profile: configuration.profile, overrides: configuration.rules)
        } catch let error as RulesError {
            problems += error.problems
        } catch {
            problems.append(.init("the protocol rules cannot be read", at: nil))
        }
        do {
            calendar = try WorkingCalendar(calendar: configuration.table["calendar"]?.table ?? TOMLTable())
        } catch let error as RulesError {
            problems += error.problems
        } catch {
            problems.append(.init("the [calendar] table cannot be read", at: nil))
        }
        guard problems.isEmpty, let effective else { throw RulesError(problems) }
        return ProtocolContext(effective: effective, calendar: calendar)
    }
}
