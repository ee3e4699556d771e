import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// Shared by the commands that need the repository's protocol rules (`rules`, `calendar`,
/// `schedule`, `check`).
enum ProtocolCommandSupport {
    /// marac.toml alone (for `rules`, `calendar`, `schedule` and `new`, which need no records).
    /// A file that is not valid TOML is a configuration error (exit 2).
    static func configuration(_ context: CommandContext) throws -> Configuration {
        let root = try context.repositoryRoot()
        let file = RepositoryLocator.configurationFile
        let bytes = try FileSystem.read(root.appendingPathComponent(file))
        try RecordAccess.requireUnlocked(bytes)
        switch RecordText.decode(bytes, file: file) {
        case .success(let table):
            var problems: [Diagnostic] = []
            return Configuration(table: table, file: file, problems: &problems)
        case .failure(let problem):
            throw UsageError("marac.toml cannot be read; run 'mfile lint' to see why:\n\(problem.line)")
        }
    }

    /// The protocol context of marac.toml alone.
    static func context(_ configuration: Configuration, command: String) throws(UsageError) -> ProtocolContext {
        do {
            return try ProtocolContext.load(configuration)
        } catch {
            let lines = error.problems.map { problem in
                "\(configuration.file):\(problem.position == nil ? " " : "")\(problem.description)"
            }
            throw UsageError(
                "the protocol settings in marac.toml cannot be used; correct them and run 'mfile \(command)' again:\n"
                    + lines.joined(separator: "\n"))
        }
    }

    /// The repository's protocol context; a problem in marac.toml's `profile`, `[rules]` or
    /// `[calendar]` becomes a usage error naming each key's line:column (exit 2).
    static func context(_ repository: Repository, command: String) throws(UsageError) -> ProtocolContext {
        try context(repository.configuration, command: command)
    }

    /// `--year YYYY`, required.
    static func year(_ context: CommandContext) throws(UsageError) -> Int {
        guard let text = context.arguments.value("--year") else { throw UsageError("--year YYYY is required") }
        guard text.count == 4, let year = Int(text), EnglandAndWalesBankHolidays.supportedYears.contains(year) else {
            throw UsageError("--year needs a year written YYYY between 1900 and 2200")
        }
        return year
    }
}
