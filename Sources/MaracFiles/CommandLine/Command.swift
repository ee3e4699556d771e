import Foundation
import MaracBase
import MaracRepository

/// What a command runs with: where to write, where it was started, the options common to all.
public struct CommandContext: Sendable {
    public var console: Console
    public var workingDirectory: URL
    public var arguments: ParsedArguments

    /// The repository root: `--repo DIR` or the nearest folder holding `marac.toml`.
    public func repositoryRoot() throws(RepositoryError) -> URL {
        try RepositoryLocator.find(from: workingDirectory, explicit: arguments.value("--repo"))
    }

    /// Loads the repository once.
    public func loadRepository() throws(RepositoryError) -> Repository {
        try Repository.load(at: repositoryRoot())
    }

    /// `--format`, checked against the formats the command offers (the first is the default).
    public func format(_ allowed: [String]) throws(UsageError) -> String {
        guard let format = arguments.value("--format") else { return allowed[0] }
        guard allowed.contains(format) else {
            throw UsageError("--format must be one of: \(allowed.joined(separator: ", "))")
        }
        return format
    }

    /// `--as-of YYYY-MM-DD`, else today's date.
    public func asOf() throws(UsageError) -> LocalDate {
        guard let text = arguments.value("--as-of") else { return LocalDate.today() }
        guard let date = LocalDate(isoText: text) else {
            throw UsageError("--as-of needs a date written YYYY-MM-DD")
        }
        return date
    }
}

/// One `mfile` command: its name, help, options, and what it does.
public struct Command: Sendable {
    public var name: String
    public var summary: String
    /// The synopsis after `mfile`, e.g. `lint [PATH...]`.
    public var usage: String
    public var options: [OptionSpec]
    public var details: String
    public var run: @Sendable (CommandContext) throws -> ExitStatus

    public init(
        name: String, summary: String, usage: String, options: [OptionSpec] = [], details: String = "",
        run: @escaping @Sendable (CommandContext) throws -> ExitStatus
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options
        self.details = details
        self.run = run
    }

    /// Options every command takes.
    static let commonOptions = [
        OptionSpec("--repo", value: "DIR", help: "the records repository (default: the nearest folder above holding marac.toml)"),
        OptionSpec("--help", help: "show this help"),
    ]

    var allOptions: [OptionSpec] { options + Command.commonOptions }

    var help: String {
        var text = "usage: mfile \(usage)\n\n\(summary)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        text += "\noptions:\n"
        for option in allOptions {
            let left = option.name + (option.valueName.map { " \($0)" } ?? "")
            text += "  " + left.padding(toLength: max(left.count, 22), withPad: " ", startingAt: 0) + "  " + option.help + "\n"
        }
        return text
    }
}
