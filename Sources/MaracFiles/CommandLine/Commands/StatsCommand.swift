import MaracBase
import MaracIndex
import MaracJSON
import MaracReports

/// `mfile stats`: the MARAC data return over a period, counts only.
enum StatsCommand {
    static let command = Command(
        name: "stats",
        summary: "the MARAC data return (SafeLives) over the cases heard in a period: counts only",
        usage: "stats (--from DATE --to DATE | --quarter YYYYQN) [--format md|csv|json] [--exact]",
        options: [
            OptionSpec("--from", value: "DATE", help: "first day of the period, YYYY-MM-DD"),
            OptionSpec("--to", value: "DATE", help: "last day of the period, YYYY-MM-DD"),
            OptionSpec("--quarter", value: "YYYYQN", help: "a calendar quarter, e.g. 2026Q3 (July to September)"),
            OptionSpec("--format", value: "FORMAT", help: "md (default), csv or json"),
            OptionSpec("--exact", help: "show counts below 5 as they are (not for publication)"),
        ],
        details: """
            Over the cases heard at meetings dated in the period: cases heard, repeats and the
            repeat rate, referrals by agency and the police share, children in the households,
            victims who are BAME, LGBT, disabled, male or aged 16-17, perpetrators under 18,
            transfers in and out, DVDS cases, and victims who declined each equality question.
            Counts below 5 are shown as <5 unless --exact. No name or other value from a record
            is printed.
            """,
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let format = try context.format(["md", "csv", "json"])
        let (from, to) = try period(context)
        let exact = context.arguments.flag("--exact")
        let (index, refresh) = try IndexStore.current(root: context.repositoryRoot())
        IndexCommand.noteRefresh(refresh, context)
        let report = DataReturn(index, from: from, to: to)
        switch format {
        case "csv": context.console.write(report.csv(exact: exact))
        case "json": context.console.print(JSONWriter.write(report.json(exact: exact), pretty: true))
        default: context.console.write(report.markdown(exact: exact))
        }
        return .ok
    }

    static func period(_ context: CommandContext) throws(UsageError) -> (LocalDate, LocalDate) {
        let args = context.arguments
        if let quarter = args.value("--quarter") {
            guard args.value("--from") == nil, args.value("--to") == nil else {
                throw UsageError("give either --quarter or --from and --to, not both")
            }
            let parts = quarter.uppercased().split(separator: "Q")
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q) else {
                throw UsageError("--quarter needs a quarter written YYYYQN, e.g. 2026Q3")
            }
            let lastDay = [31, 30, 30, 31][q - 1]
            return (LocalDate(year: year, month: q * 3 - 2, day: 1), LocalDate(year: year, month: q * 3, day: lastDay))
        }
        guard let fromText = args.value("--from"), let toText = args.value("--to") else {
            throw UsageError("give the period: --from DATE --to DATE, or --quarter YYYYQN")
        }
        guard let from = LocalDate(isoText: fromText), let to = LocalDate(isoText: toText) else {
            throw UsageError("--from and --to need dates written YYYY-MM-DD")
        }
        guard from <= to else { throw UsageError("--from must not be after --to") }
        return (from, to)
    }
}
