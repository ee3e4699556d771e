import MaracBase
import MaracIndex
import MaracJSON
import MaracReports

/// `mfile stats`: the MARAC data return over a period, counts only.
enum StatsCommand {
    static let command = Command(
        name: "stats",
        summary: "the MARAC data return (SafeLives) over the cases heard in a period: counts only",
        options: [
            OptionSpec("--from", value: "DATE", kind: .date, help: "first day of the period, YYYY-MM-DD"),
            OptionSpec("--to", value: "DATE", kind: .date, help: "last day of the period, YYYY-MM-DD"),
            OptionSpec("--quarter", value: "YYYYQN", kind: .quarter, help: "a calendar quarter, e.g. 2026Q3 (July to September)"),
            .format(["md", "csv", "json"], help: "md (default), csv or json"),
            OptionSpec("--exact", help: "show counts below 5 as they are (not for publication)"),
        ],
        constraints: [.notTogether(["--quarter", "--from"]), .notTogether(["--quarter", "--to"]), .requires("--from", "--to"), .requires("--to", "--from")],
        details: """
            Over the cases heard at meetings dated in the period: cases heard, repeats and the
            repeat rate, referrals by agency and the police share, children in the households,
            victims who are BAME, LGBT, disabled, male or aged 16-17, perpetrators under 18,
            transfers in and out, DVDS cases, and victims who declined each equality question.
            Counts below 5 are shown as <5 unless --exact. No name or other value from a record
            is printed.
            """,
        examples: ["mfile stats --quarter 2026Q3", "mfile stats --from 2026-04-01 --to 2027-03-31 --format csv"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let (from, to) = try period(context.arguments)
        let exact = context.arguments.flag("--exact")
        let (index, refresh) = try IndexStore.current(root: context.repositoryRoot())
        if let note = refresh.note { context.console.printError(note) }
        let report = DataReturn(index, from: from, to: to)
        switch context.format {
        case "csv": context.console.write(report.csv(exact: exact))
        case "json": context.console.print(JSONWriter.write(report.json(exact: exact), pretty: true))
        default: context.console.write(report.markdown(exact: exact))
        }
        return .ok
    }

    static func period(_ arguments: ParsedArguments) throws(UsageError) -> (LocalDate, LocalDate) {
        if let quarter = arguments.value("--quarter").flatMap(ValueKind.quarter) {
            return (quarter.first, quarter.last)
        }
        guard let from = arguments.date("--from"), let to = arguments.date("--to") else {
            throw UsageError("give the period: --from DATE --to DATE, or --quarter YYYYQN")
        }
        guard from <= to else { throw UsageError("--from must not be after --to") }
        return (from, to)
    }
}
