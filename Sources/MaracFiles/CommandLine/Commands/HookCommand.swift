import Foundation
import MaracBase
import MaracRepository
import MaracVault

/// `mfile hook install` and `mfile hook run pre-commit`: the check git runs before each commit.
enum HookCommand {
    static let command = Command(
        name: "hook",
        summary: "install the pre-commit hook (hook install), or run its check (hook run pre-commit)",
        details: """
            The hook refuses a commit when the records have lint errors, or when any file but
            the few kept in plain text (.gitattributes, .gitignore, editor settings, schema/,
            templates/) would be committed without encryption. It names files and rules only. Exit status of 'hook run': 0 commit allowed, 1 refused.
            """,
        subcommands: [
            Command(
                name: "install", summary: "install the pre-commit hook in this repository's git",
                options: [
                    OptionSpec("--force", help: "replace a pre-commit hook mfile did not write (it is kept as pre-commit.before-mfile)"),
                ],
                examples: ["mfile hook install"], run: install),
            Command(
                name: "run", summary: "run a hook's check (what git runs before each commit)",
                positionals: [PositionalSpec("HOOK", kind: .choice(["pre-commit"]))],
                examples: ["mfile hook run pre-commit"], run: preCommit),
        ])

    static func layout(_ context: CommandContext) throws -> VaultLayout {
        let root = try context.repositoryRoot()
        guard let layout = try VaultLayout.find(root: root) else {
            throw RepositoryError(VaultLayout.notARepositoryMessage(root))
        }
        return layout
    }

    static func install(_ context: CommandContext) throws -> ExitStatus {
        let layout = try layout(context)
        let outcome = try PreCommitHook.install(
            layout, executable: PreCommitHook.currentExecutable, force: context.arguments.flag("--force"))
        let hook = try layout.preCommitHook().path
        switch outcome {
        case .installed: context.console.print("Installed the pre-commit hook at \(hook): every commit is now checked.")
        case .updated: context.console.print("Updated the pre-commit hook at \(hook).")
        case .replaced(let backup): context.console.print("Replaced the pre-commit hook at \(hook); the old one is kept at \(backup).")
        }
        return .ok
    }

    static func preCommit(_ context: CommandContext) throws -> ExitStatus {
        let layout = try layout(context)
        let verdict = try PreCommitCheck.run(layout)
        let console = context.console
        if !verdict.lintErrors.isEmpty {
            for finding in verdict.lintErrors { console.printError(finding.line) }
            console.printError("mfile: commit refused: \(count(verdict.lintErrors.count, "lint error")) in the records (listed above); correct them, check with 'mfile lint', then commit again")
        }
        if !verdict.plaintext.isEmpty {
            console.printError("mfile: commit refused: these files would be committed WITHOUT encryption:")
            for path in verdict.plaintext { console.printError("  \(path)") }
            if verdict.uncovered.isEmpty {
                console.printError("Stage them again encrypted with: git-crypt status -f")
            } else {
                console.printError(".gitattributes (or one in their folder) does not send \(verdict.uncovered.count == verdict.plaintext.count ? "them" : "\(verdict.uncovered.count) of them") through git-crypt; 'mfile doctor' shows the line to change, then stage them again with: git-crypt status -f")
            }
        }
        return verdict.refused ? .findings : .ok
    }
}
