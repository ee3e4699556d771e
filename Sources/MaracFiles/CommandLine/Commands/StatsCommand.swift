import MaracBase
import MaracIndex
import MaracJSON
import MaracReports

/// `mfile stats`: the MARAC data return over a period, counts only.
enum StatsCommand {
    static let command = Command(
        name: "stats",
        summary: "the MARAC data return (SafeLives) over the meetings held in a period: counts only",
        options: [
            OptionSpec("--from", value: "DATE", kind: .date, help: "first day of the period, YYYY-MM-DD"),
            OptionSpec("--to", value: "DATE", kind: .date, help: "last day of the period, YYYY-MM-DD"),
            OptionSpec("--quarter", value: "YYYYQN", kind: .quarter, help: "a calendar quarter, e.g. 2026Q3 (July to September)"),
            OptionSpec("--by", value: "GROUP", kind: .choice(["meeting"]), help: "meeting: one row per meeting held in the period, and a total row"),
            .asOf("count only meetings held on or before DATE (default: today)"),
            .format(["md", "csv", "json"], help: "md (default), csv or json"),
            OptionSpec("--exact", help: "show counts below 5 as they are (for the SafeLives form only)"),
        ],
        constraints: [.notTogether(["--quarter", "--from"]), .notTogether(["--quarter", "--to"]), .requires("--from", "--to"), .requires("--to", "--from")],
        details: """
            Counts the cases discussed at the meetings held in the period (on or before its end
            and the as-of date): repeats, referrals by agency (police and partner agencies),
            children in the households, the victims' equality answers by the categories of
            data-return/categories.toml (declined and not known counted on their own), victims
            aged 16-17 and perpetrators aged 17 or under; then the indicators SafeLives
            publishes. Counts below 5 are shown as <5 unless --exact. Then, for the steering
            group, each agency's attendance at the scheduled meetings of the period (attended,
            apologies with or without written information, absent): these count agencies, not
            people, so they are always exact (not in --by meeting's CSV). No name or other value
            from a record is printed. README ("The data return") explains every column.
            """,
        examples: [
            "mfile stats --quarter 2026Q3",
            "mfile stats --quarter 2026Q3 --by meeting --format csv --exact",
            "mfile stats --from 2026-04-01 --to 2027-03-31 --format json",
        ],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let period = try period(context.arguments)
        let exact = context.arguments.flag("--exact")
        let byMeeting = context.arguments.value("--by") == "meeting"
        let root = try context.repositoryRoot()
        let settings = try DataReturnSettings.load(root: root)
        let (index, refresh) = try IndexStore.current(root: root)
        if let note = refresh.note { context.console.printError(note) }
        let report = DataReturn(index, period: period, asOf: context.asOf, settings: settings)
        switch context.format {
        case "csv": context.console.write(report.csv(byMeeting: byMeeting, exact: exact))
        case "json": context.console.print(JSONWriter.write(report.json(byMeeting: byMeeting, exact: exact), pretty: true))
        default: context.console.write(report.markdown(byMeeting: byMeeting, exact: exact))
        }
        return .ok
    }

    static func period(_ arguments: ParsedArguments) throws(UsageError) -> ReportPeriod {
        if let quarter = arguments.value("--quarter").flatMap(ValueKind.quarter) {
            return ReportPeriod(from: quarter.first, to: quarter.last)!
        }
        guard let from = arguments.date("--from"), let to = arguments.date("--to") else {
            throw UsageError("give the period: --from DATE --to DATE, or --quarter YYYYQN")
        }
        guard let period = ReportPeriod(from: from, to: to) else { throw UsageError("--from must not be after --to") }
        return period
    }
}
