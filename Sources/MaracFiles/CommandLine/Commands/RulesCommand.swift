import MaracBase
import MaracJSON
import MaracProtocol
import MaracRepository

/// `mfile rules`: the repository's effective protocol rules, each with its value, origin and
/// source.
enum RulesCommand {
    static let command = Command(
        name: "rules",
        summary: "list the protocol rules in force (profile values and marac.toml overrides)",
        options: [
            .format(["text", "json"], help: "text (default): one line a rule; json"),
            OptionSpec("--describe", help: "text: add a line saying what each rule means"),
        ],
        details: """
            Every rule mfile knows, in a stable order: its value ("off" when the profile does not
            have it), where the value comes from (profile or override) and the protocol section
            or marac.toml line that sets it.
            Exit status: 0, or 2 when marac.toml's profile, [rules] or [calendar] is wrong.
            """,
        examples: ["mfile rules --describe"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let configuration = try ConfigurationFile.load(root: context.repositoryRoot())
        let protocolContext = try ProtocolEngine.load(configuration)
        switch context.format {
        case "json":
            context.console.print(JSONWriter.write(protocolContext.effective.json(), pretty: true))
        default:
            let lines = protocolContext.effective.textLines(descriptions: context.arguments.flag("--describe"))
            context.console.write(lines.map { $0 + "\n" }.joined())
        }
        return .ok
    }
}
