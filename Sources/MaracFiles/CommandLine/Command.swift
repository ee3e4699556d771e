import Foundation
import MaracBase
import MaracRepository

/// One `mfile` command, or one subcommand of a command group (`render agenda`): what it takes,
/// its help, and what it does. The argument parser checks every call against this before
/// `run` is called, so a command never sees an argument it did not declare.
public struct Command: Sendable {
    public var name: String
    public var summary: String
    public var positionals: [PositionalSpec]
    /// This command's options; for a group, the options every subcommand shares.
    public var options: [OptionSpec]
    public var constraints: [OptionConstraint]
    public var details: String
    /// Command lines that work on the demo repository, shown under `examples:` in help.
    public var examples: [String]
    /// The subcommands of a group (`render`, `new`, `transfer`, ...); empty for a leaf.
    public var subcommands: [Command]
    /// What a leaf does; `nil` for a group (its subcommands run).
    public var run: (@Sendable (CommandContext) throws -> ExitStatus)?

    /// A command that runs.
    public init(
        name: String, summary: String, positionals: [PositionalSpec] = [], options: [OptionSpec] = [],
        constraints: [OptionConstraint] = [], details: String = "", examples: [String],
        run: @escaping @Sendable (CommandContext) throws -> ExitStatus
    ) {
        self.name = name
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.constraints = constraints
        self.details = details
        self.examples = examples
        self.subcommands = []
        self.run = run
    }

    /// A group of subcommands sharing `options`.
    public init(
        name: String, summary: String, options: [OptionSpec] = [], details: String = "", subcommands: [Command]
    ) {
        self.name = name
        self.summary = summary
        self.positionals = []
        self.options = options
        self.constraints = []
        self.details = details
        self.examples = subcommands.flatMap(\.examples)
        self.subcommands = subcommands
        self.run = nil
    }

    /// Options every command takes.
    static let commonOptions = [
        OptionSpec("--repo", value: "DIR", kind: .path, help: "the records repository (default: the nearest folder above holding marac.toml)"),
        OptionSpec("--help", help: "show this help"),
    ]

    /// The subcommand called `name`.
    func subcommand(_ name: String) -> Command? { subcommands.first { $0.name == name } }
}

/// What a command runs with: where to write, where it was started, its checked arguments.
public struct CommandContext: Sendable {
    public var console: Console
    public var workingDirectory: URL
    public var arguments: ParsedArguments

    /// The repository root: `--repo DIR` or the nearest folder holding `marac.toml`.
    public func repositoryRoot() throws(RepositoryError) -> URL {
        try RepositoryLocator.find(from: workingDirectory, explicit: arguments.value("--repo"))
    }

    /// Loads the repository once (with a progress line on a terminal).
    public func loadRepository() throws(RepositoryError) -> Repository {
        let progress = console.progress("reading records", unit: "files")
        defer { progress?.finish() }
        return try Repository.load(at: repositoryRoot(), progress: progress)
    }

    /// `--format`'s value, else its first choice.
    public var format: String {
        arguments.value("--format") ?? declaredFormats.first ?? "text"
    }

    /// The choices of `--format` the command declared (set by the parser).
    var declaredFormats: [String] = []

    /// `--as-of`, else today's date.
    public var asOf: LocalDate { arguments.date("--as-of") ?? LocalDate.today() }

    /// A path argument as the user meant it: relative to the folder mfile was started in.
    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
    }
}
