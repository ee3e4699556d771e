import Foundation
import MaracRepository

/// `mfile doctor`: whether the records are safe in git: every file but the plain-text
/// allowlist encrypted when committed (files there now and probes for files yet to come), no
/// attributes line switching that off, readable here, nothing outside the allowlist ever
/// committed in plaintext, papers ignored or encrypted, the index ignored, the pre-commit
/// hook in place.
public enum Doctor {
    /// Every problem found in the repository laid out by `layout`, in check order.
    public static func check(_ layout: VaultLayout) throws(RepositoryError) -> [VaultProblem] {
        var problems: [VaultProblem] = []
        let attributes = AttributeCheck(layout: layout)
        if Git.which("git-crypt") == nil {
            problems.append(VaultProblem(
                check: "git-crypt-missing",
                message: "git-crypt is not installed on this computer, so records cannot be encrypted or read",
                fix: "sudo apt-get install git-crypt"))
        }
        problems += try workTreeState(layout)
        problems += try coverage(layout, attributes)
        problems += try papers(layout, attributes)
        problems += try plaintext(layout)
        problems += try hook(layout)
        return problems
    }

    /// Locked (encrypted) record files, or git-crypt never set up.
    static func workTreeState(_ layout: VaultLayout) throws(RepositoryError) -> [VaultProblem] {
        var locked: [String] = []
        for path in RecordFiles.inWorkTree(layout) {
            let bytes = try FileSystem.read(layout.root.appendingPathComponent(path))
            if GitCrypt.isEncrypted(bytes) { locked.append(path) }
        }
        if !locked.isEmpty {
            return [VaultProblem(
                check: "locked",
                message: "\(locked.count) record file\(locked.count == 1 ? " is" : "s are") still encrypted in this copy (git-crypt is locked), so mfile cannot read them; unlock with the key exported by 'git-crypt export-key'",
                paths: locked, fix: GitCrypt.unlockCommand)]
        }
        if !layout.hasGitCryptKey {
            let here = layout.prefix.isEmpty ? "." : String(layout.prefix.dropLast())
            return [VaultProblem(
                check: "encryption-not-set-up",
                message: "git-crypt is not set up in this repository, so records would be committed unencrypted",
                fix: "mfile init \(here) --encrypt")]
        }
        return []
    }

    /// Files (and files yet to be written, the probes) outside the plain-text allowlist that
    /// git would commit without encryption, and every attributes line that could do that.
    static func coverage(_ layout: VaultLayout, _ attributes: AttributeCheck) throws(RepositoryError) -> [VaultProblem] {
        var problems: [VaultProblem] = []
        let existing = try RecordFiles.trackedOrAddable(layout).filter { !PlaintextAllowlist.allows($0) }
        let paths = Array(Set(RecordFiles.probes + existing)).sorted()
        let uncovered = try attributes.unencrypted(paths)
        let switches = try AttributeSwitches.find(layout)
        if !uncovered.isEmpty {
            let real = uncovered.filter { !RecordFiles.probes.contains($0) || existing.contains($0) }
            let shown = real.isEmpty ? uncovered : real
            let starLine = try hasEncryptEverythingLine(layout)
            problems.append(VaultProblem(
                check: "encryption-coverage",
                message: "files outside the plain-text list would be committed unencrypted (.gitattributes does not send them through git-crypt)"
                    + (real.isEmpty ? "; no such file exists yet" : "; \(real.count) file\(real.count == 1 ? "" : "s") affected")
                    + (shown.count > Self.listed ? ", the first \(Self.listed) listed" : ""),
                paths: Array(shown.prefix(Self.listed)),
                fix: (starLine ? "remove the lines listed under [attributes-switch-off]" : "mfile init \(here(layout)) --encrypt")
                    + " && git-crypt status -f"))
        }
        if !switches.isEmpty {
            problems.append(VaultProblem(
                check: "attributes-switch-off",
                message: "\(switches.count) line\(switches.count == 1 ? "" : "s") in attributes files switch git-crypt off (or to another filter) for some files; only the plain-text list in .gitattributes may",
                paths: switches.map(\.place),
                fix: "delete each line listed (or narrow it to files on the plain-text list), git add the file, then git-crypt status -f"))
        }
        if try !attributes.unencrypted([".gitattributes"]).contains(".gitattributes") && layout.prefix.isEmpty {
            problems.append(VaultProblem(
                check: "gitattributes-encrypted",
                message: ".gitattributes itself is set to be encrypted, which makes every copy unreadable to git; keep it in plain text",
                paths: [".gitattributes"],
                fix: "printf '%s\\n' '.gitattributes !filter !diff' >> .gitattributes && git add .gitattributes"))
        }
        return problems
    }

    /// Paths listed with a problem at most.
    static let listed = 50

    /// `.` or the records folder, for the commands shown.
    static func here(_ layout: VaultLayout) -> String {
        layout.prefix.isEmpty ? "." : String(layout.prefix.dropLast())
    }

    /// Whether the records' `.gitattributes` has the line that encrypts every file.
    static func hasEncryptEverythingLine(_ layout: VaultLayout) throws(RepositoryError) -> Bool {
        let url = layout.root.appendingPathComponent(".gitattributes")
        guard let bytes = try? FileSystem.read(url) else { return false }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") == PlaintextAllowlist.encryptEverything
        }
    }

    /// Rendered papers must be ignored by git or encrypted; papers kept with a transfer
    /// received must not be ignored (they are records of the case); mfile's own folder
    /// (the index: names from the records) must be ignored.
    static func papers(_ layout: VaultLayout, _ attributes: AttributeCheck) throws(RepositoryError) -> [VaultProblem] {
        var problems: [VaultProblem] = []
        if try !attributes.isIgnored(RecordFiles.paperProbe), try !attributes.unencrypted([RecordFiles.paperProbe]).isEmpty {
            problems.append(VaultProblem(
                check: "papers-not-ignored",
                message: "rendered papers (papers/) are neither ignored by git nor encrypted, so a 'git add' would commit names and addresses in plain text",
                paths: ["papers/"],
                fix: "printf '%s\\n' '/\(layout.gitPath("papers/"))' >> .gitignore && git add .gitignore"))
        }
        if try attributes.isIgnored(RecordFiles.transferPaperProbe) {
            problems.append(VaultProblem(
                check: "transfer-papers-ignored",
                message: "the papers kept with a transfer received (transfers/ID/papers/) are ignored by git (a 'papers/' line in .gitignore matches every folder named papers), so other copies never get them",
                paths: ["transfers/"],
                fix: "mfile init \(here(layout)) --encrypt   (it changes 'papers/' to '/papers/' in .gitignore), then git add -A transfers"))
        }
        if try !attributes.isIgnored(RecordFiles.indexProbe) {
            problems.append(VaultProblem(
                check: "index-not-ignored",
                message: "mfile's own folder (.mfile/: the index of names, this copy's tag) is not ignored by git",
                paths: [".mfile/"],
                fix: "printf '%s\\n' '/\(layout.gitPath(".mfile/"))' >> .gitignore && git add .gitignore"))
        }
        return problems
    }

    /// Blobs committed, or staged, without encryption.
    static func plaintext(_ layout: VaultLayout) throws(RepositoryError) -> [VaultProblem] {
        let scan = HistoryScan(layout: layout)
        var problems: [VaultProblem] = []
        let history = try scan.plaintextInHistory()
        if !history.isEmpty {
            problems.append(VaultProblem(
                check: "plaintext-in-history",
                message: "\(history.count) file\(history.count == 1 ? " was" : "s were") committed without encryption at some time (only the plain-text list may be); anyone with a copy of this repository can read those versions. Fix the encryption first, then remove them from the history",
                paths: history, fix: PurgeHistory.fixCommand))
        }
        let staged = try scan.plaintextStaged().filter { !history.contains($0) }
        if !staged.isEmpty {
            problems.append(VaultProblem(
                check: "plaintext-staged",
                message: "\(staged.count) file\(staged.count == 1 ? " is" : "s are") staged for the next commit without encryption",
                paths: staged,
                fix: "git-crypt status -f"))
        }
        return problems
    }

    /// What a clean `check` means, sentence by sentence (each checked above and by a test).
    public static func safeSummary(root: String) -> String {
        """
        The records in \(root) are safe in git: every file except the plain-text list (.gitattributes, .gitignore, editor settings, schema/, templates/) is encrypted by git-crypt when committed, and none ever was committed unencrypted; no attributes line switches that off; this copy is unlocked; rendered papers are ignored or encrypted; mfile's index (.mfile/) is ignored; the pre-commit hook is installed.
        Not hidden by git-crypt: file and folder names, file sizes, commit messages, authors and dates, and the files on the plain-text list.
        """
    }

    /// The pre-commit hook must be mfile's.
    static func hook(_ layout: VaultLayout) throws(RepositoryError) -> [VaultProblem] {
        let hook = try layout.preCommitHook()
        if PreCommitHook.isInstalled(at: hook) { return [] }
        let foreign = FileManager.default.fileExists(atPath: hook.path)
        return [VaultProblem(
            check: "hook-missing",
            message: foreign
                ? "the pre-commit hook is not mfile's, so commits are not checked for lint errors or unencrypted records"
                : "the pre-commit hook is not installed, so commits are not checked for lint errors or unencrypted records",
            fix: foreign ? "mfile hook install --force" : "mfile hook install")]
    }
}
