import MaracBase
import MaracLint
import MaracRepository

/// What `mfile hook run pre-commit` checks before git records a commit: no lint errors in
/// the records, and every staged file outside the plain-text allowlist encrypted (git-crypt's
/// clean filter runs at 'git add', so an encrypted staged blob starts with its header).
public enum PreCommitCheck {
    /// The reasons to refuse the commit (empty: let it through), and lint's error lines.
    public struct Verdict: Sendable {
        public var lintErrors: [Diagnostic] = []
        public var plaintext: [String] = []
        /// Of those, the files git would not encrypt even if staged again (`.gitattributes`
        /// does not send them through git-crypt).
        public var uncovered: [String] = []
        public var refused: Bool { !lintErrors.isEmpty || !plaintext.isEmpty }
    }

    /// Checks the commit being made in the repository laid out by `layout`.
    public static func run(_ layout: VaultLayout) throws(RepositoryError) -> Verdict {
        var verdict = Verdict()
        verdict.lintErrors = try Linter.lint(at: layout.root).findings.filter { $0.severity == .error }
        verdict.plaintext = try stagedPlaintext(layout)
        verdict.uncovered = try AttributeCheck(layout: layout).unencrypted(verdict.plaintext)
        return verdict
    }

    /// Records-relative paths of files this commit adds or changes outside the allowlist
    /// whose staged content is not git-crypt ciphertext.
    package static func stagedPlaintext(_ layout: VaultLayout) throws(RepositoryError) -> [String] {
        let output = try layout.git.run(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMRT", "--",
                                         layout.prefix.isEmpty ? "." : layout.prefix])
        guard output.status == 0 else {
            throw RepositoryError("git could not list the staged files (git diff --cached failed)")
        }
        let changed = output.nulSeparated.filter { layout.recordsPath($0).map { !PlaintextAllowlist.allows($0) } ?? false }
        let staged = changed.filter { !$0.contains("\n") }
        // A name with a line break cannot be read back through 'git cat-file': refuse it.
        let unreadable = changed.filter { $0.contains("\n") }.compactMap { layout.recordsPath($0) }
        let objects = try BlobReader(git: layout.git).read(staged.map { ":" + $0 })
        return unreadable + zip(staged, objects).compactMap { path, object in
            object.type == "blob" && object.size > 0 && !object.isEncrypted ? layout.recordsPath(path) : nil
        }
    }
}
