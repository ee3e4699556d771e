import Foundation
import MaracBase
import MaracJSON
import MaracProtocol
import MaracRepository

/// `mfile calendar --year YYYY`: the weekdays of a year that are not working days, and why.
enum CalendarCommand {
    static let command = Command(
        name: "calendar",
        summary: "list the non-working weekdays of a year (bank holidays and closures)",
        options: [
            OptionSpec("--year", value: "YYYY", kind: .year, required: true, help: "the year to list"),
            .format(["text", "json"], help: "text (default): one line a day; json"),
        ],
        details: """
            Working days skip weekends, England and Wales bank holidays (with substitute days and
            one-off holidays) and the closures in marac.toml's [calendar]. Each line:
            date, weekday, reason.
            """,
        examples: ["mfile calendar --year 2026"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let year = Int(context.arguments.value("--year") ?? "") ?? LocalDate.today().year
        let configuration = try ConfigurationFile.load(root: context.repositoryRoot())
        let protocolContext = try ProtocolEngine.load(configuration)
        let days = protocolContext.calendar.nonWorkingWeekdays(in: year)
        switch context.format {
        case "json":
            let report: JSONValue = .object([
                ("year", .integer(Int64(year))),
                ("region", .string("england-and-wales")),
                ("days", .array(days.map { day in
                    .object([
                        ("date", .string(day.date.description)),
                        ("weekday", .string(day.date.weekday.description)),
                        ("reason", .string(day.reason)),
                        ("kind", .string(day.reason == "closure" ? "closure" : "bank-holiday")),
                    ])
                })),
            ])
            context.console.print(JSONWriter.write(report, pretty: true))
        default:
            var text = ""
            for day in days {
                text += "\(day.date)  \(day.date.weekday.description.padding(toLength: 9, withPad: " ", startingAt: 0))  \(day.reason)\n"
            }
            context.console.write(text)
            context.console.printError("\(days.count) non-working weekdays in \(year)")
        }
        return .ok
    }
}
