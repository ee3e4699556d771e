import Foundation
import MaracRepository

/// Turns encryption on for a records repository: git (`git init` if needed), git-crypt
/// (`git-crypt init`, a new symmetric key), `.gitattributes` sending every file through
/// git-crypt but the plain-text allowlist, mfile's own folder (`.mfile/`) and rendered papers
/// (`/papers/`) ignored, and the pre-commit hook.
public enum VaultSetup {
    /// What was done, one plain sentence each.
    public struct Report: Sendable {
        public var steps: [String] = []
        /// Set when a foreign pre-commit hook was left in place.
        public var hookLeftAlone: String?
        public var layout: VaultLayout?
    }

    /// Fails early (before anything is written) when git or git-crypt is missing.
    public static func requireTools() throws(RepositoryError) {
        for program in ["git", "git-crypt"] where Git.which(program) == nil {
            throw RepositoryError(Git.missingMessage(program) + "; nothing was changed")
        }
    }

    /// Sets up encryption for the records at `root`; safe to run again.
    public static func enable(root: URL, executable: String) throws(RepositoryError) -> Report {
        try requireTools()
        var report = Report()
        var found = try VaultLayout.find(root: root)
        if found == nil {
            let output = try Git(directory: root).run(["init", "-q"])
            guard output.status == 0 else { throw RepositoryError("'git init' failed in \(root.path); check that the folder is writable") }
            report.steps.append("created a git repository")
            found = try VaultLayout.find(root: root)
        }
        guard let layout = found else { throw RepositoryError(VaultLayout.notARepositoryMessage(root)) }
        report.layout = layout

        var locked = false
        for path in RecordFiles.inWorkTree(layout) where GitCrypt.isEncrypted(try FileSystem.read(root.appendingPathComponent(path))) {
            locked = true
        }
        if !layout.hasGitCryptKey, locked {
            throw RepositoryError("this copy's records are encrypted with an existing key; do not make a new one: unlock them with '\(GitCrypt.unlockCommand)'")
        }
        if try addAttributeLines(to: root.appendingPathComponent(".gitattributes")) {
            report.steps.append("wrote .gitattributes: every file is encrypted when committed, except .gitattributes, .gitignore, editor settings, schema/ and templates/")
        }
        let attributes = AttributeCheck(layout: layout)
        let gitignore = root.appendingPathComponent(".gitignore")
        if try !attributes.isIgnored(RecordFiles.indexProbe),
           try addMissingLines(["/.mfile/"], to: gitignore, header: "# mfile's index and this copy's own state never go into git") {
            report.steps.append("added .mfile/ to .gitignore: mfile's index (names from the records) stays out of git")
        }
        if try replaceLine("papers/", with: "/papers/", in: gitignore) {
            report.steps.append("changed papers/ to /papers/ in .gitignore, so the papers kept with a transfer received (transfers/ID/papers/) are committed, encrypted")
        }
        if try !attributes.isIgnored(RecordFiles.paperProbe),
           try addMissingLines(["/papers/"], to: gitignore, header: "# rendered papers never go into git") {
            report.steps.append("added /papers/ to .gitignore: rendered papers stay out of git")
        }
        if try !AttributeCheck(layout: layout).isIgnored(".mfile/index"),
           try addMissingLines([".mfile/"], to: root.appendingPathComponent(".gitignore"), header: "# mfile's index and lock never go into git") {
            report.steps.append("added .mfile/ to .gitignore: the index (which holds names) stays out of git")
        }
        if !layout.hasGitCryptKey {
            let output = try layout.git.gitCrypt(["init"])
            guard output.status == 0 else {
                throw RepositoryError("'git-crypt init' failed in \(layout.topLevel.path); run it yourself there to see why, then 'mfile doctor'")
            }
            report.steps.append("made a new encryption key (git-crypt init)")
        }
        do {
            switch try PreCommitHook.install(layout, executable: executable, force: false) {
            case .installed: report.steps.append("installed the pre-commit hook (checks every commit)")
            case .updated, .replaced: break
            }
        } catch {
            report.hookLeftAlone = error.message
        }
        return report
    }

    /// Makes `.gitattributes` encrypt everything but the allowlist: the `*` line, then every
    /// allowlist line after it (lines later in the file win), keeping the file's other lines.
    /// Returns whether it changed.
    static func addAttributeLines(to url: URL) throws(RepositoryError) -> Bool {
        var lines: [String] = []
        if FileManager.default.fileExists(atPath: url.path) {
            lines = String(decoding: try FileSystem.read(url), as: UTF8.self).split(separator: "\n").map(String.init)
        }
        let trimmed = lines.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var missing: [String]
        if let star = trimmed.lastIndex(of: PlaintextAllowlist.encryptEverything) {
            let after = Set(trimmed[(star + 1)...])
            missing = PlaintextAllowlist.exceptionLines.filter { !after.contains($0) }
        } else {
            missing = [PlaintextAllowlist.header, PlaintextAllowlist.encryptEverything] + PlaintextAllowlist.exceptionLines
        }
        guard !missing.isEmpty else { return false }
        try AtomicWrite.write((lines + missing).map { $0 + "\n" }.joined(), to: url)
        return true
    }

    /// Replaces a whole line equal to `old` with `new`; returns whether the file changed.
    static func replaceLine(_ old: String, with new: String, in url: URL) throws(RepositoryError) -> Bool {
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        let text = String(decoding: try FileSystem.read(url), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == old }) else { return false }
        lines[index] = new
        try AtomicWrite.write(lines.joined(separator: "\n"), to: url)
        return true
    }

    /// Appends each of `lines` not already in the file (creating it); returns whether it changed.
    static func addMissingLines(_ lines: [String], to url: URL, header: String) throws(RepositoryError) -> Bool {
        var text = ""
        if FileManager.default.fileExists(atPath: url.path) {
            text = String(decoding: try FileSystem.read(url), as: UTF8.self)
        }
        let present = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return false }
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        if !present.contains(header) { text += header + "\n" }
        text += missing.map { $0 + "\n" }.joined()
        try AtomicWrite.write(text, to: url)
        return true
    }

    /// The plain-words instructions printed after encryption is turned on.
    public static func keyInstructions(topLevel: String) -> String {
        """
        Keep the key safe. Without it nobody (you included) can read the records in another
        copy. Save a copy of it outside this folder, somewhere only the MARAC team can reach
        (an encrypted USB stick or the team's password manager), with:
            git-crypt export-key /secure/place/marac.key
        Never commit the key, email it, or put it in a shared drive.

        To open the records in a second copy (another computer, after 'git clone'), run there:
            git-crypt unlock /secure/place/marac.key
        For a CI runner, store the key as a secret in base64 (make it with
            base64 -w0 /secure/place/marac.key
        ) and unlock in the job with:
            echo "$MARAC_KEY" | base64 -d > /tmp/marac.key && git-crypt unlock /tmp/marac.key && rm /tmp/marac.key

        Check at any time that the records are safe in git: mfile doctor   (in \(topLevel))
        """
    }
}
