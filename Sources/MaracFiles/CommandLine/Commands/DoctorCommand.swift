import Foundation

/// `mfile doctor`: is the records repository safe in git?
enum DoctorCommand {
    static let command = Command(
        name: "doctor",
        summary: "check the records are safe in git: encrypted, unlocked, never committed in plain text",
        usage: "doctor [--format text|json]",
        options: [
            OptionSpec("--format", value: "FORMAT", help: "text (default): each problem and the command that fixes it; json"),
        ],
        details: """
            Checks that every file under cases/ and meetings/ is encrypted by git-crypt when
            committed (.gitattributes), that this copy is unlocked (records readable), that no
            record was ever committed unencrypted (every version in the history), that rendered
            papers (papers/) are kept out of git, and that the pre-commit hook is installed.
            Prints file paths and check names only, never what the records say.
            Run the commands it shows at the top of the git work tree.
            Exit status: 0 safe, 1 problems found, 2 not a git repository or usage error.
            """,
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let format = try context.format(["text", "json"])
        guard context.arguments.positional.isEmpty else { throw UsageError("doctor takes no arguments") }
        let root = try context.repositoryRoot()
        guard let layout = try VaultLayout.find(root: root) else {
            throw RepositoryError(VaultLayout.notARepositoryMessage(root))
        }
        let problems = try Doctor.check(layout)
        switch format {
        case "json":
            context.console.print(JSONWriter.write(.object([
                ("repository", .string(root.path)),
                ("work_tree", .string(layout.topLevel.path)),
                ("safe", .bool(problems.isEmpty)),
                ("problems", .array(problems.map(\.json))),
            ]), pretty: true))
        default:
            if problems.isEmpty {
                context.console.print("The records in \(root.path) are safe in git: encrypted when committed, readable here, never committed unencrypted; papers are kept out of git and the pre-commit hook is installed.")
            } else {
                context.console.write(problems.map(\.text).joined(separator: "\n"))
                context.console.printError(
                    "\(LintCommand.count(problems.count, "problem")) found; run the commands shown in \(layout.topLevel.path), then 'mfile doctor' again")
            }
        }
        return problems.isEmpty ? .ok : .findings
    }
}
