import Foundation
import MaracBase
import MaracRepository

/// The `mfile` command line: dispatches to a command and turns every error into a message
/// and an exit status (0 ok, 1 findings, 2 usage or I/O error).
public enum MfileCLI {
    /// Every command, in the order `mfile --help` lists them.
    public static let commands: [Command] = [
        LintCommand.command,
        InitCommand.command,
        NewCommand.command,
        ImportCommand.command,
        CheckCommand.command,
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
                console.write(command.help)
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
        guard let command = commands.first(where: { $0.name == first }) else {
            let kind = first.hasPrefix("-") ? "option" : "command"
            console.printError("mfile: unknown \(kind) '\(first)'; see 'mfile --help' for the commands")
            return ExitStatus.failure.rawValue
        }
        do {
            let parsed = try ArgumentParser.parse(
                Array(arguments.dropFirst()), options: command.allOptions, command: "mfile \(command.name)")
            if parsed.flag("--help") {
                console.write(command.help)
                return ExitStatus.ok.rawValue
            }
            let context = CommandContext(console: console, workingDirectory: workingDirectory, arguments: parsed)
            return try command.run(context).rawValue
        } catch let error as UsageError {
            console.printError("mfile \(command.name): \(error.message)")
            console.printError("usage: mfile \(command.usage)")
            return ExitStatus.failure.rawValue
        } catch let error as RepositoryError {
            console.printError("mfile \(command.name): error: \(error.message)")
            return ExitStatus.failure.rawValue
        } catch {
            console.printError("mfile \(command.name): error: \(type(of: error))")
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
