import MaracBase
import MaracRecords
import MaracTOML

/// The protocol of one repository, loaded once for every command: its effective rules (the
/// profile, the SafeLives base under it, marac.toml's `[rules]`), its working calendar
/// (`[calendar]`) and the MARACs and agencies those rules read (`[[marac]]`, `[[agency]]`).
///
/// Every protocol question has one answer here, asked by lint, check, the papers, sweep,
/// stats and the index alike: is this referral a repeat (`ProtocolRecords.detection`), when
/// must it reach the IDVA (`idvaDue`), must it be heard and where (`ListingPlanner`), is this
/// flag due to be lifted (`ProtocolRecords.flagStatus`), is this action outstanding
/// (`Action.isOutstanding(agreedOn:asOf:)`), where does a case go on the agenda and does it
/// count towards the cap (`agendaOrder`, `countsTowardsCap`), is it heard in a closed session
/// (`isClosedSession`), and which `[rules]` values are valid (`load`).
public struct ProtocolEngine: Sendable {
    /// The profile with marac.toml's `[rules]` applied, each rule with its origin.
    public var effective: EffectiveRules
    /// Weekends, bank holidays and the repository's `[calendar] closures`.
    public var calendar: WorkingCalendar
    /// marac.toml: the MARACs' schedules and the agencies' kinds.
    public var configuration: Configuration

    public init(effective: EffectiveRules, calendar: WorkingCalendar, configuration: Configuration) {
        self.effective = effective
        self.calendar = calendar
        self.configuration = configuration
    }

    /// The effective rule values.
    public var rules: ProtocolRules { effective.rules }

    /// Reads and checks `profile`, `[rules]` and `[calendar]` of a repository's configuration:
    /// the one validator of those settings. Throws a `RulesError` listing every problem with
    /// its line:column.
    public static func load(_ configuration: Configuration) throws(RulesError) -> ProtocolEngine {
        var problems: [RulesError.Problem] = []
        var effective: EffectiveRules?
        var calendar = WorkingCalendar()
        let profilePosition = configuration.table[member: "profile"]?.keyRange.start
        do {
            effective = try ProtocolRules.effective(profile: configuration.profile, overrides: configuration.rules)
        } catch let error as RulesError {
            problems += error.problems.map { $0.position == nil ? RulesError.Problem($0.message, at: profilePosition) : $0 }
        } catch {
            problems.append(.init("the protocol rules cannot be read", at: nil))
        }
        if let node = configuration.table["rules"], node.table == nil {
            problems.append(.init("`rules` must be a table: write [rules] and one rule a line under it", at: node.range.start))
        }
        if let node = configuration.table["calendar"], node.table == nil {
            problems.append(.init("`calendar` must be a table: write [calendar] with region and closures under it", at: node.range.start))
        }
        do {
            calendar = try WorkingCalendar(calendar: configuration.table["calendar"]?.table ?? TOMLTable())
        } catch let error as RulesError {
            problems += error.problems
        } catch {
            problems.append(.init("the [calendar] table cannot be read", at: nil))
        }
        guard problems.isEmpty, var effective else { throw RulesError(problems) }
        effective.readRetentionKeyOfEarlierVersions(configuration)
        return ProtocolEngine(effective: effective, calendar: calendar, configuration: configuration)
    }

    /// The citation of a rule's value: its profile source, or the override's line:column.
    public func reference(_ id: RuleID) -> String {
        effective[id].source ?? id.rawValue
    }
}
