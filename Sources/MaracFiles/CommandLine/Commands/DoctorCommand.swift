import Foundation
import MaracBase
import MaracJSON
import MaracRepository
import MaracVault

/// `mfile doctor`: is the records repository safe in git?
enum DoctorCommand {
    static let command = Command(
        name: "doctor",
        summary: "check the records are safe in git: encrypted, unlocked, never committed in plain text",
        options: [
            .format(["text", "json"], help: "text (default): each problem and the command that fixes it; json"),
            OptionSpec("--purge-history", help: "remove records' unencrypted versions from the history (git-filter-repo); shows what it would do"),
            OptionSpec("--yes", help: "with --purge-history: go ahead and rewrite the history"),
        ],
        constraints: [.requires("--yes", "--purge-history")],
        details: """
            Checks that every file except the plain-text list (.gitattributes, .gitignore,
            editor settings, schema/, templates/) is encrypted by git-crypt when committed
            (each file there now and probes such as marac.toml, cases-old/ and *.bak), that no
            attributes file switches that off, that this copy is unlocked, that no such file
            was ever committed unencrypted (every version in the history), that rendered papers
            are ignored or encrypted and .mfile/ is ignored, and that the hook is installed.
            Prints file paths and check names only, never what the records say.
            Run the commands it shows at the top of the git work tree.
            Exit status: 0 safe, 1 problems found, 2 not a git repository or usage error.

            --purge-history removes every unencrypted version of a record from every commit,
            keeping the encrypted versions, all other files and the current files as they are
            (a current file the rewrite removes is committed again, encrypted). It needs
            git-filter-repo (sudo apt-get install git-filter-repo), a clean work tree and
            encryption already fixed. Afterwards every other copy (the server, other
            computers, CI) still has the old history: force-push, and clone again everywhere.
            """,
        examples: ["mfile doctor", "mfile doctor --purge-history"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let root = try context.repositoryRoot()
        guard let layout = try VaultLayout.find(root: root) else {
            throw RepositoryError(VaultLayout.notARepositoryMessage(root))
        }
        if context.arguments.flag("--purge-history") {
            return try purge(layout, context)
        }
        let problems = try Doctor.check(layout)
        switch context.format {
        case "json":
            context.console.print(JSONWriter.write(.object([
                ("repository", .string(root.path)),
                ("work_tree", .string(layout.topLevel.path)),
                ("safe", .bool(problems.isEmpty)),
                ("problems", .array(problems.map(\.json))),
            ]), pretty: true))
        default:
            if problems.isEmpty {
                context.console.print(Doctor.safeSummary(root: root.path))
            } else {
                context.console.write(problems.map(\.text).joined(separator: "\n"))
                context.console.printError(
                    "\(count(problems.count, "problem")) found; run the commands shown in \(layout.topLevel.path), then 'mfile doctor' again")
            }
        }
        return problems.isEmpty ? .ok : .findings
    }

    /// `--purge-history`: what would be removed; with `--yes`, the rewrite.
    static func purge(_ layout: VaultLayout, _ context: CommandContext) throws -> ExitStatus {
        let console = context.console
        try PurgeHistory.preconditions(layout)
        let blobs = try PurgeHistory.plan(layout)
        let paths = Array(Set(blobs.map(\.path))).sorted()
        guard !paths.isEmpty else {
            console.print("No unencrypted version of any record is in the history; nothing to do.")
            return .ok
        }
        guard context.arguments.flag("--yes") else {
            console.print("These \(count(paths.count, "file")) have unencrypted versions in the history:")
            for path in paths { console.print("  \(path)") }
            console.print("""

                Purging rewrites the history of \(layout.topLevel.path): those unencrypted
                versions are removed from every commit; the encrypted versions, every other file
                and the current files stay. Commit ids change, so every other copy must be replaced.
                To go ahead: mfile doctor --purge-history --yes
                """)
            return .findings
        }
        let report = try PurgeHistory.run(layout)
        console.print("Removed \(count(report.blobCount, "unencrypted version")) of \(count(report.paths.count, "file")) from the history.")
        if !report.recommitted.isEmpty {
            console.print("Committed again, encrypted: \(report.recommitted.joined(separator: ", "))")
        }
        console.print(PurgeHistory.afterwards)
        return .ok
    }
}
