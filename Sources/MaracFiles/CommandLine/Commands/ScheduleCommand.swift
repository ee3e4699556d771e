import Foundation
import MaracBase
import MaracJSON
import MaracProtocol
import MaracRecords
import MaracRepository

/// `mfile schedule`: each MARAC's meeting dates with their referral cut-off and agenda window.
enum ScheduleCommand {
    static let command = Command(
        name: "schedule",
        summary: "list the meeting dates, referral cut-offs and agenda windows (text, ics, json)",
        options: [
            OptionSpec("--year", value: "YYYY", kind: .year, help: "the meetings of this calendar year"),
            OptionSpec("--from", value: "DATE", kind: .date, help: "the meetings of the 12 months from DATE (default: today)"),
            .format(["text", "ics", "json"], help: "text (default); ics (iCalendar, RFC 5545); json"),
        ],
        constraints: [.notTogether(["--year", "--from"])],
        details: """
            Meeting dates follow each [[marac]]'s frequency from its first_meeting: weekly and
            fortnightly every 7 and 14 days; monthly on the same weekday of the same week of the
            month (first Thursday, ...). A meeting day that is not a working day (bank holiday,
            closure) moves to the next working day. The referral cut-off is the MARAC's
            referral_cutoff_days working days before the meeting, else the day the agenda
            window opens: referrals accepted after it go to the following meeting.
            The ics file has the meeting, the referral cut-off and the last day to circulate
            the agenda as all-day events, for a shared calendar.
            """,
        examples: ["mfile schedule --year 2027", "mfile schedule --from 2026-12-01 --format ics > marac.ics"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let (from, through) = range(context.arguments)
        let configuration = try ConfigurationFile.load(root: context.repositoryRoot())
        let protocolContext = try ProtocolEngine.load(configuration)
        let meetings = MeetingSchedule.meetings(
            of: configuration, from: from, through: through, rules: protocolContext.rules,
            calendar: protocolContext.calendar)
        let unscheduled = configuration.maracs.filter { $0.frequency == nil || $0.firstMeeting == nil }
        for marac in unscheduled {
            context.console.printError("mfile schedule: MARAC \(marac.id) has no frequency or first_meeting in marac.toml; it is left out")
        }
        switch context.format {
        case "ics":
            context.console.write(ics(meetings, configuration: configuration))
        case "json":
            context.console.print(JSONWriter.write(json(meetings, from: from, through: through, profile: protocolContext.rules.profile), pretty: true))
        default:
            context.console.write(meetings.map { textLine($0) + "\n" }.joined())
            context.console.printError("\(meetings.count) meetings from \(from) to \(through)")
        }
        return .ok
    }

    /// `--year` (that year) or `--from` (12 months from it, less a day); default: 12 months
    /// from today.
    static func range(_ arguments: ParsedArguments) -> (LocalDate, LocalDate) {
        if let year = arguments.value("--year").flatMap({ Int($0) }) {
            return (LocalDate(year: year, month: 1, day: 1), LocalDate(year: year, month: 12, day: 31))
        }
        let from = arguments.date("--from") ?? LocalDate.today()
        return (from, from.adding(months: 12).adding(days: -1))
    }

    /// `2026-12-03  Thursday  north  referral cut-off 2026-11-23  agenda 2026-11-23 to 2026-11-26`.
    static func textLine(_ meeting: ScheduledMeeting) -> String {
        var line = "\(meeting.date)  \(meeting.date.weekday.description.padding(toLength: 9, withPad: " ", startingAt: 0))  \(meeting.marac)  referral cut-off \(meeting.referralCutoff)"
        if let window = meeting.agendaWindow {
            line += window.earliest.map { "  agenda \($0) to \(window.latest)" } ?? "  agenda by \(window.latest)"
        }
        if let movedFrom = meeting.movedFrom {
            line += "  (moved from \(movedFrom)\(meeting.movedReason.map { ": \($0)" } ?? ""))"
        }
        return line
    }

    static func ics(_ meetings: [ScheduledMeeting], configuration: Configuration) -> String {
        let names = Dictionary(configuration.maracs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // DTSTAMP: the earliest first meeting in marac.toml, so the file depends on the data only.
        let stamp = configuration.maracs.compactMap(\.firstMeeting).min() ?? LocalDate(year: 2000, month: 1, day: 1)
        let writer = ICalendarWriter(
            productID: "-//mfile//MARAC schedule \(MfileVersion.current)//EN",
            name: configuration.name.isEmpty ? "MARAC schedule" : configuration.name + " schedule",
            stamp: stamp,
            events: meetings.flatMap { $0.events(maracName: names[$0.marac] ?? $0.marac) })
        return writer.text()
    }

    static func json(_ meetings: [ScheduledMeeting], from: LocalDate, through: LocalDate, profile: String) -> JSONValue {
        func date(_ value: LocalDate?) -> JSONValue { value.map { .string($0.description) } ?? .null }
        return .object([
            ("profile", .string(profile)),
            ("from", .string(from.description)),
            ("through", .string(through.description)),
            ("meetings", .array(meetings.map { meeting in
                .object([
                    ("id", .string(meeting.id)),
                    ("marac", .string(meeting.marac)),
                    ("date", .string(meeting.date.description)),
                    ("weekday", .string(meeting.date.weekday.description)),
                    ("moved_from", date(meeting.movedFrom)),
                    ("moved_reason", meeting.movedReason.map(JSONValue.string) ?? .null),
                    ("referral_cutoff", .string(meeting.referralCutoff.description)),
                    ("agenda_earliest", date(meeting.agendaWindow?.earliest)),
                    ("agenda_latest", date(meeting.agendaWindow?.latest)),
                ])
            })),
        ])
    }
}
