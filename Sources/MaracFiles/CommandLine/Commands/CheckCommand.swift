import MaracBase
import MaracJSON
import MaracProtocol
import MaracRepository

/// `mfile check`: every deadline breach as of a date, grouped by case, meeting or agency.
enum CheckCommand {
    static let command = Command(
        name: "check",
        summary: "list every deadline breach (IDVA, agenda, listing, actions, transfers, minutes, flags)",
        options: [
            .asOf("check as things stood on DATE (default: today)"),
            .format(["text", "json"], help: "text (default): one line a breach; json"),
            OptionSpec("--by", value: "GROUP", kind: .choice(["case", "meeting", "agency"]), help: "case (default), meeting, or agency (the chasing list)"),
        ],
        details: """
            --by agency is the chasing list: each agency with how many things to chase, then one
            line per action (apology, referral, case) with every breach of it, separated by "; ".
            Otherwise each line: the case, meeting or agency; the rule; what (referral, action, ...); the
            due date; "done late" or "not done"; how late (working days where the rule
            counts working days); the protocol section in brackets. Only the rules the
            profile has on (see 'mfile rules') are checked. After the breaches come what is
            reported but is not a breach (a professionals' meeting recommended, an outgoing
            transfer whose safe receipt is not confirmed) and linked cases (same victim or
            same perpetrator as another case).
            Exit status: 0 no breaches, 1 breaches, 2 usage or configuration error.
            """,
        examples: ["mfile check --as-of 2026-11-23", "mfile check --by agency"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let grouping = context.arguments.value("--by").flatMap(Breach.Grouping.init(rawValue:)) ?? .case
        let asOf = context.asOf
        var timer = PhaseTimer()
        let repository = try context.loadRepository()
        let protocolContext = try ProtocolEngine.load(repository.configuration)
        let check = BreachCheck(repository: repository, engine: protocolContext, asOf: asOf)
        timer.lap("protocol records")
        let report = BreachReport(check: check)
        timer.lap("breaches")
        defer { timer.lap("output") }
        switch context.format {
        case "json":
            context.console.print(JSONWriter.write(report.json(grouping), pretty: true))
        default:
            // Written in pieces: a check of 100,000 cases prints megabytes.
            var piece = ""
            for line in report.textLines(grouping) {
                piece += line
                piece += "\n"
                if piece.utf8.count >= 1 << 16 {
                    context.console.write(piece)
                    piece = ""
                }
            }
            context.console.write(piece)
            let count = report.breaches.count
            context.console.printError("\(count) breach\(count == 1 ? "" : "es") as of \(asOf) (\(protocolContext.rules.profile) profile)")
        }
        return report.breaches.isEmpty ? .ok : .findings
    }
}
