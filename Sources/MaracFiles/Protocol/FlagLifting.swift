import Foundation

/// Records the lifting of flags in case files (`[flag] lifted = DATE`, `notice = [...]`), and
/// commits the changed files with a message naming case ids only.
public enum FlagLifting {
    /// Records the lifting in each case file; returns the files changed (root-relative).
    public static func apply(_ due: [FlagSweep.Due], asOf: LocalDate, root: URL) throws -> [String] {
        guard !due.isEmpty else { return [] }
        throw UsageError("--apply is not available in this version of mfile (it needs the format-preserving TOML editor); record the lifting by hand in each case file listed, as [flag] lifted = \(asOf) and notice = [the agencies]")
    }

    /// One commit of `files` alone (other staged changes are left staged), named by case ids.
    public static func commit(_ files: [String], due: [FlagSweep.Due], asOf: LocalDate, root: URL) throws(RepositoryError) {
        guard let layout = try VaultLayout.find(root: root) else {
            throw RepositoryError(VaultLayout.notARepositoryMessage(root))
        }
        let paths = files.map { layout.gitPath($0) }
        let ids = due.filter { files.contains($0.file) }.map(\.caseID)
        let message = "Flags lifted as of \(asOf): \(ids.joined(separator: ", "))"
        let add = try layout.git.run(["add", "--"] + paths)
        guard add.status == 0 else { throw RepositoryError("'git add' of the changed case files failed; check with 'git status' and commit them yourself") }
        let commit = try layout.git.run(["commit", "-q", "-m", message, "--"] + paths)
        guard commit.status == 0 else {
            let reason = String(decoding: commit.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw RepositoryError("the case files were changed but not committed (git commit failed: \(reason)); commit them with: git commit -m '\(message)' -- \(paths.joined(separator: " "))")
        }
    }
}
