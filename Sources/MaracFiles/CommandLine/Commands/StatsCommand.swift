import MaracBase
import MaracIndex
import MaracJSON
import MaracReports

/// `mfile stats`: the MARAC data return over a period, counts only.
enum StatsCommand {
    static let command = Command(
        name: "stats",
        summary: "the MARAC data return (SafeLives) over the meetings held in a period: counts only",
        usage: "stats (--from DATE --to DATE | --quarter YYYYQN) [--by meeting] [--as-of DATE] [--format md|csv|json] [--exact]",
        options: [
            OptionSpec("--from", value: "DATE", help: "first day of the period, YYYY-MM-DD"),
            OptionSpec("--to", value: "DATE", help: "last day of the period, YYYY-MM-DD"),
            OptionSpec("--quarter", value: "YYYYQN", help: "a calendar quarter, e.g. 2026Q3 (July to September)"),
            OptionSpec("--by", value: "GROUP", help: "meeting: one row per meeting held in the period, and a total row"),
            OptionSpec("--as-of", value: "DATE", help: "count only meetings held on or before DATE (default: today)"),
            OptionSpec("--format", value: "FORMAT", help: "md (default), csv or json"),
            OptionSpec("--exact", help: "show counts below 5 as they are (for the SafeLives form only)"),
        ],
        details: """
            Counts the cases discussed at the meetings held in the period (on or before its end
            and the as-of date): repeats, referrals by agency (police and partner agencies),
            children in the households, the victims' equality answers by the categories of
            data-return/categories.toml (declined and not known counted on their own), victims
            aged 16-17 and perpetrators aged 17 or under; then the indicators SafeLives
            publishes. Counts below 5 are shown as <5 unless --exact. No name or other value
            from a record is printed. README ("The data return") explains every column.

            example: mfile stats --quarter 2026Q3 --by meeting --format csv --exact
            """,
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let format = try context.format(["md", "csv", "json"])
        let period = try period(context)
        let asOf = try context.asOf()
        let exact = context.arguments.flag("--exact")
        let byMeeting: Bool
        switch context.arguments.value("--by") {
        case nil: byMeeting = false
        case "meeting": byMeeting = true
        default: throw UsageError("--by takes one value: meeting")
        }
        guard context.arguments.positional.isEmpty else { throw UsageError("stats takes no positional arguments") }
        let root = try context.repositoryRoot()
        let settings = try DataReturnSettings.load(root: root)
        let (index, refresh) = try IndexStore.current(root: root)
        IndexCommand.noteRefresh(refresh, context)
        let report = DataReturn(index, period: period, asOf: asOf, settings: settings)
        switch format {
        case "csv": context.console.write(report.csv(byMeeting: byMeeting, exact: exact))
        case "json": context.console.print(JSONWriter.write(report.json(byMeeting: byMeeting, exact: exact), pretty: true))
        default: context.console.write(report.markdown(byMeeting: byMeeting, exact: exact))
        }
        return .ok
    }

    static func period(_ context: CommandContext) throws(UsageError) -> ReportPeriod {
        let args = context.arguments
        if let quarter = args.value("--quarter") {
            guard args.value("--from") == nil, args.value("--to") == nil else {
                throw UsageError("give either --quarter or --from and --to, not both")
            }
            guard let period = ReportPeriod(quarter: quarter) else {
                throw UsageError("--quarter needs a quarter written YYYYQN, e.g. 2026Q3")
            }
            return period
        }
        guard let fromText = args.value("--from"), let toText = args.value("--to") else {
            throw UsageError("give the period: --from DATE --to DATE, or --quarter YYYYQN")
        }
        guard let from = LocalDate(isoText: fromText), let to = LocalDate(isoText: toText) else {
            throw UsageError("--from and --to need dates written YYYY-MM-DD")
        }
        guard let period = ReportPeriod(from: from, to: to) else { throw UsageError("--from must not be after --to") }
        return period
    }
}
