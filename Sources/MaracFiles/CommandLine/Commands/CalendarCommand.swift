import Foundation
import MaracBase
import MaracJSON

/// `mfile calendar --year YYYY`: the weekdays of a year that are not working days, and why.
enum CalendarCommand {
    static let command = Command(
        name: "calendar",
        summary: "list the non-working weekdays of a year (bank holidays and closures)",
        usage: "calendar --year YYYY [--format text|json]",
        options: [
            OptionSpec("--year", value: "YYYY", help: "the year to list (required)"),
            OptionSpec("--format", value: "FORMAT", help: "text (default): one line a day; json"),
        ],
        details: """
            Working days skip weekends, England and Wales bank holidays (with substitute days and
            one-off holidays) and the closures in marac.toml's [calendar]. Each line:
            date, weekday, reason.
            """,
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let format = try context.format(["text", "json"])
        let year = try ProtocolCommandSupport.year(context)
        let configuration = try ProtocolCommandSupport.configuration(context)
        let protocolContext = try ProtocolCommandSupport.context(configuration, command: "calendar")
        let days = protocolContext.calendar.nonWorkingWeekdays(in: year)
        switch format {
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
