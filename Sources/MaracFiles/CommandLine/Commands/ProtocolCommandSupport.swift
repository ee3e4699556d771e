/// Shared by the commands that need the repository's protocol rules (`rules`, `calendar`,
/// `schedule`, `check`).
enum ProtocolCommandSupport {
    /// The repository's protocol context; a problem in marac.toml's `profile`, `[rules]` or
    /// `[calendar]` becomes a usage error naming each key's line:column (exit 2).
    static func context(_ repository: Repository, command: String) throws(UsageError) -> ProtocolContext {
        do {
            return try ProtocolContext.load(repository.configuration)
        } catch {
            let lines = error.problems.map { problem in
                "\(repository.configuration.file):\(problem.position == nil ? " " : "")\(problem.description)"
            }
            throw UsageError(
                "the protocol settings in marac.toml cannot be used; correct them and run 'mfile \(command)' again:\n"
                    + lines.joined(separator: "\n"))
        }
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
