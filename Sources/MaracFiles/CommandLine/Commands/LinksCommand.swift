import MaracBase
import MaracIndex
import MaracJSON

/// `mfile links`: serial perpetrators, victims with several perpetrators, likely duplicates.
enum LinksCommand {
    static let command = Command(
        name: "links",
        summary: "list serial perpetrators, victims with several perpetrators and likely duplicate people",
        options: [
            OptionSpec("--names", help: "show the people's names too (for the administrator's screen only)"),
            .format(["text", "json"], help: "text (default); json"),
        ],
        details: """
            Each line is a group of case ids for the administrator to confirm: the same
            perpetrator with different victims, the same victim with different perpetrators
            (or one case naming several), and people in different cases with the same date of
            birth and similar names. Nothing is merged or changed.
            """,
        examples: ["mfile links", "mfile links --format json"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let names = context.arguments.flag("--names")
        let (index, refresh) = try IndexStore.current(root: context.repositoryRoot())
        if let note = refresh.note { context.console.printError(note) }
        let report = LinkReport(index)
        let sections: [(String, String, [LinkReport.Group])] = [
            ("serial_perpetrators", "serial perpetrator", report.serialPerpetrators),
            ("victims_with_several_perpetrators", "victim with several perpetrators", report.victimsWithSeveralPerpetrators),
            ("likely_duplicates", "likely duplicate", report.likelyDuplicates),
        ]
        if context.format == "json" {
            let value: JSONValue = .object(sections.map { key, _, groups in
                (key, .array(groups.map { json($0, names: names) }))
            })
            context.console.print(JSONWriter.write(value, pretty: true))
        } else {
            var text = ""
            for (_, label, groups) in sections {
                for group in groups {
                    text += "\(label): \(group.caseIDs.joined(separator: ", "))"
                    if names || label == "likely duplicate" {
                        let people = group.people.map { p in
                            "\(p.role.rawValue) in \(names ? p.caseID : ShownID.caseID(p.caseID))" + (names ? " \"\(p.name)\"" : "")
                        }
                        if !people.isEmpty { text += " (" + people.joined(separator: "; ") + ")" }
                    }
                    text += "\n"
                }
            }
            context.console.write(text)
            context.console.printError(
                "\(report.serialPerpetrators.count) serial perpetrator group(s), "
                    + "\(report.victimsWithSeveralPerpetrators.count) victim(s) with several perpetrators, "
                    + "\(report.likelyDuplicates.count) likely duplicate group(s)")
        }
        return .ok
    }

    static func json(_ group: LinkReport.Group, names: Bool) -> JSONValue {
        .object([
            ("cases", .array(group.caseIDs.map(JSONValue.string))),
            ("people", .array(group.people.map { p in
                var members: [(key: String, value: JSONValue)] = [("role", .string(p.role.rawValue)), ("case", .string(names ? p.caseID : ShownID.caseID(p.caseID)))]
                if names { members.append(("name", .string(p.name))) }
                return .object(members)
            })),
        ])
    }
}
