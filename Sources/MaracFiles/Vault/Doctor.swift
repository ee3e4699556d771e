import Foundation
import MaracRepository

/// `mfile doctor`: whether the records are safe in git — encrypted when committed, readable
/// here, never committed in plaintext, papers kept out, the pre-commit hook in place.
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

    /// Record folders (and files) that `.gitattributes` does not send through git-crypt.
    static func coverage(_ layout: VaultLayout, _ attributes: AttributeCheck) throws(RepositoryError) -> [VaultProblem] {
        var problems: [VaultProblem] = []
        let recordPaths = RecordFiles.inWorkTree(layout)
        let tracked = try RecordFiles.tracked(layout).filter {
            VaultLayout.folder(of: $0, in: GitCrypt.recordFolders) != nil
        }
        let paths = Array(Set(RecordFiles.probes + recordPaths + tracked)).sorted()
        let uncovered = Set(try attributes.unencrypted(paths))
        for folder in GitCrypt.recordFolders {
            let files = paths.filter { $0.hasPrefix(folder + "/") && uncovered.contains($0) }
            guard !files.isEmpty else { continue }
            let real = files.filter { !RecordFiles.probes.contains($0) }
            problems.append(VaultProblem(
                check: "encryption-coverage",
                message: "files under \(folder)/ are not encrypted when committed (.gitattributes does not send them through git-crypt)"
                    + (real.isEmpty ? "" : "; \(real.count) record file\(real.count == 1 ? "" : "s") affected"),
                paths: real.isEmpty ? [folder + "/"] : real,
                fix: GitCrypt.addAttributeCommand(layout.gitPath(folder)) + " && git-crypt status -f"))
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

    /// Rendered papers must be ignored by git, or encrypted.
    static func papers(_ layout: VaultLayout, _ attributes: AttributeCheck) throws(RepositoryError) -> [VaultProblem] {
        let probe = RecordFiles.paperProbe
        let encrypted = try attributes.unencrypted([probe]).isEmpty
        guard !encrypted else { return [] }
        var problems: [VaultProblem] = []
        if try !attributes.isIgnored(probe) {
            problems.append(VaultProblem(
                check: "papers-not-ignored",
                message: "rendered papers (papers/) are neither ignored by git nor encrypted, so a 'git add' would commit names and addresses in plain text",
                paths: ["papers/"],
                fix: "printf '%s\\n' '\(layout.gitPath("papers/"))' >> .gitignore && git add .gitignore"))
        }
        let trackedPapers = try RecordFiles.tracked(layout).filter { $0.hasPrefix("papers/") }
        let plainPapers = try attributes.unencrypted(trackedPapers)
        if !plainPapers.isEmpty {
            problems.append(VaultProblem(
                check: "papers-tracked",
                message: "rendered papers are tracked by git without encryption",
                paths: plainPapers,
                fix: "git rm -r --cached \(layout.gitPath("papers/")) && git commit -m 'Stop tracking rendered papers'"))
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
                message: "\(history.count) record file\(history.count == 1 ? " was" : "s were") committed without encryption at some time; anyone with a copy of this repository can read those versions. Fix the encryption first, then remove them from the history",
                paths: history, fix: PurgeHistory.fixCommand))
        }
        let staged = try scan.plaintextStaged().filter { !history.contains($0) }
        if !staged.isEmpty {
            problems.append(VaultProblem(
                check: "plaintext-staged",
                message: "\(staged.count) record file\(staged.count == 1 ? " is" : "s are") staged for the next commit without encryption",
                paths: staged,
                fix: "git-crypt status -f"))
        }
        return problems
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
