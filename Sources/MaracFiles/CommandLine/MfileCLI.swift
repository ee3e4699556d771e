import Foundation
import MaracBase

/// The `mfile` command line: finds the command, checks its arguments against its declaration,
/// runs it, and turns every error into one message and an exit status (0 ok, 1 findings,
/// 2 usage, I/O or locked records).
public enum MfileCLI {
    /// Every command, in the order `mfile --help` lists them.
    public static let commands: [Command] = [
        LintCommand.command,
        InitCommand.command,
        NewCommand.command,
        ImportCommand.command,
        CheckCommand.command,
        PlanCommand.command,
        RenderCommand.command,
        ScheduleCommand.command,
        CalendarCommand.command,
        RulesCommand.command,
        TransferCommand.command,
        DiscloseCommand.command,
        IndexCommand.command,
        FindCommand.command,
        LinksCommand.command,
        StatsCommand.command,
        SweepCommand.command,
        DoctorCommand.command,
        HookCommand.command,
    ]

    public static func run(_ arguments: [String], console: Console, workingDirectory: URL) -> Int32 {
        guard let first = arguments.first else {
            console.printError(overview)
            return ExitStatus.failure.rawValue
        }
        switch first {
        case "--help", "-h", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.write(command.help(path: command.name))
            } else {
                console.write(overview)
            }
            return ExitStatus.ok.rawValue
        case "--version":
            console.print("mfile \(MfileVersion.current)")
            return ExitStatus.ok.rawValue
        default:
            break
        }
        guard let group = commands.first(where: { $0.name == first }) else {
            let shown = ValueKind.isID(first.trimmingCharacters(in: CharacterSet(charactersIn: "-"))) ? " '\(first)'" : ""
            console.printError("mfile: unknown \(first.hasPrefix("-") ? "option" : "command")\(shown); see 'mfile --help' for the commands")
            return ExitStatus.failure.rawValue
        }
        var usagePath = group.name
        var usageCommand = group
        do {
            let (command, path, parsed) = try ArgumentParser.parse(Array(arguments.dropFirst()), command: group)
            usagePath = path
            usageCommand = command
            if parsed.flag("--help") {
                console.write(command.help(path: path))
                return ExitStatus.ok.rawValue
            }
            guard let run = command.run else { throw UsageError("say what to do: \(group.subcommands.map(\.name).joined(separator: ", "))") }
            var context = CommandContext(console: console, workingDirectory: workingDirectory, arguments: parsed)
            for option in command.options where option.name == "--format" {
                if case .choice(let formats) = option.kind { context.declaredFormats = formats }
            }
            return try run(context).rawValue
        } catch let error as UsageError {
            if error.commandPath.count == 2, let sub = group.subcommand(error.commandPath[1]) {
                usagePath = error.commandPath.joined(separator: " ")
                usageCommand = sub
                usageCommand.options += group.options
            }
            console.printError("mfile \(usagePath): " + error.reportLine)
            console.printError(usageCommand.usage(path: usagePath))
            return error.exitStatus.rawValue
        } catch let error as UserFacingError {
            console.printError("mfile \(usagePath): " + error.reportLine)
            return error.exitStatus.rawValue
        } catch {
            console.printError("mfile \(usagePath): error: the command stopped on an unexpected problem (\(type(of: error))); nothing more is known")
            return ExitStatus.failure.rawValue
        }
    }

    static var overview: String {
        var text = """
            usage: mfile COMMAND [OPTIONS]

            The records system of a MARAC: checks, indexes and renders the case and meeting files
            of a records repository (the folder holding marac.toml).

            commands:

            """
        for command in commands {
            text += "  " + command.name.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + command.summary + "\n"
        }
        text += """

            options:
              --help      show help (also 'mfile COMMAND --help')
              --version   show the version

            """
        return text
    }
}
