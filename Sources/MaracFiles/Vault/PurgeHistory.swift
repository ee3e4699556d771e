import Foundation
import MaracRepository

/// Removes the unencrypted versions of records from a repository's history with
/// git-filter-repo (`--strip-blobs-with-ids`): only the plaintext blobs go; encrypted
/// versions and every other file's history stay. The current files are kept (copied aside
/// first, put back, and committed again encrypted if the rewrite removed them).
public enum PurgeHistory {
    /// The command `mfile doctor` gives for records committed in plaintext.
    public static let fixCommand = "mfile doctor --purge-history"

    /// What a purge did.
    public struct Report: Sendable {
        /// Records-relative paths whose plaintext versions were removed.
        public var paths: [String] = []
        public var blobCount = 0
        /// Files put back and committed again encrypted.
        public var recommitted: [String] = []
        /// The `origin` address restored after the rewrite, if there was one.
        public var origin: String?
    }

    /// Why a purge cannot start, with the command that clears the way.
    public static func preconditions(_ layout: VaultLayout, again: String = "mfile doctor --purge-history --yes") throws(RepositoryError) {
        guard Git.which("git-filter-repo") != nil else {
            throw RepositoryError(Git.missingMessage("git-filter-repo") + "; nothing was changed")
        }
        let problems = try Doctor.workTreeState(layout) + Doctor.coverage(layout, AttributeCheck(layout: layout))
        if let first = problems.first {
            throw RepositoryError("fix this first (nothing was changed): \(first.message); run: \(first.fix)")
        }
        let status = try layout.git.run(["status", "--porcelain", "--untracked-files=no"])
        guard status.status == 0, status.stdout.isEmpty else {
            throw RepositoryError("there are changes not yet committed; commit them (or 'git stash') first, then run '\(again)' again; nothing was changed")
        }
    }

    /// The plaintext blobs to remove (empty when the history is clean).
    public static func plan(_ layout: VaultLayout) throws(RepositoryError) -> [(object: String, path: String)] {
        try HistoryScan(layout: layout).plaintextBlobsInHistory()
    }

    /// Rewrites the history. Call only after the user has confirmed.
    public static func run(_ layout: VaultLayout) throws(RepositoryError) -> Report {
        let lock = try RepositoryLock.acquire(root: layout.root)
        defer { withExtendedLifetime(lock) {} }
        try preconditions(layout)
        let blobs = try plan(layout)
        var report = Report()
        report.paths = Array(Set(blobs.map(\.path))).sorted()
        report.blobCount = Set(blobs.map(\.object)).count
        guard !blobs.isEmpty else { return report }

        // Keep the current files aside, inside git's own folder (never committed).
        let keep = layout.commonDirectory.appendingPathComponent("mfile-purge")
        try? FileManager.default.removeItem(at: keep)
        var kept: [String] = []
        for path in report.paths {
            let source = layout.root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            try AtomicWrite.write(try FileSystem.read(source), to: keep.appendingPathComponent(path), access: .ownerOnly)
            kept.append(path)
        }
        report.origin = try strip(layout, objects: Set(blobs.map(\.object)), listIn: keep, keptNote: "; the current record files are kept in \(keep.path)")

        // Put back any current file the rewrite removed or changed, then commit it encrypted.
        for path in kept {
            let saved = try FileSystem.read(keep.appendingPathComponent(path))
            let url = layout.root.appendingPathComponent(path)
            if (try? FileSystem.read(url)) != saved {
                try AtomicWrite.write(saved, to: url)
                report.recommitted.append(path)
            }
        }
        if !report.recommitted.isEmpty {
            let paths = report.recommitted.map { layout.gitPath($0) }
            _ = try layout.git.run(["rm", "-q", "--cached", "--ignore-unmatch", "--"] + paths)
            let add = try layout.git.run(["add", "--"] + paths)
            let plaintext = try PreCommitCheck.stagedPlaintext(layout)
            guard add.status == 0, plaintext.isEmpty else {
                throw RepositoryError("the files put back could not be staged encrypted; they are kept in \(keep.path); run 'mfile doctor'")
            }
            let commit = try layout.git.run(["commit", "-q", "--no-verify", "-m",
                "Records committed again, encrypted, after removing their unencrypted versions from the history"])
            guard commit.status == 0 else {
                throw RepositoryError("the files put back could not be committed; they are kept in \(keep.path); commit them with 'git commit'")
            }
        }
        guard try HistoryScan(layout: layout).plaintextInHistory().isEmpty else {
            throw RepositoryError("unencrypted versions are still in the history after the rewrite; the current files are kept in \(keep.path); run 'mfile doctor'")
        }
        try? FileManager.default.removeItem(at: keep)
        return report
    }

    /// Removes the blobs `objects` from every commit (git-filter-repo `--strip-blobs-with-ids`,
    /// their ids listed in a file in `folder`) and restores `origin`, which filter-repo drops;
    /// returns its address. The one history rewrite: `run` strips plaintext versions, the
    /// retention purge (`mfile sweep --purge --apply`) every version of destroyed files.
    public static func strip(
        _ layout: VaultLayout, objects: Set<String>, listIn folder: URL, keptNote: String = ""
    ) throws(RepositoryError) -> String? {
        let origin = try layout.git.run(["remote", "get-url", "origin"])
        let address = origin.status == 0 ? origin.text : nil
        let list = folder.appendingPathComponent("blob-ids.txt")
        try AtomicWrite.write(objects.sorted().map { $0 + "\n" }.joined(), to: list, access: .ownerOnly)
        let rewrite = try layout.git.run(["filter-repo", "--force", "--quiet", "--strip-blobs-with-ids", list.path])
        guard rewrite.status == 0 else {
            throw RepositoryError("git filter-repo failed\(keptNote); run 'git filter-repo --force --strip-blobs-with-ids \(list.path)' to see why")
        }
        if let address { _ = try layout.git.run(["remote", "add", "origin", address]) }
        return address
    }

    /// What to do in every other copy once the history is rewritten.
    public static let afterwards = """
        Every other copy still holds the old history with the unencrypted versions:
          - the shared repository (server): git push --force --all && git push --force --tags
          - every other computer and CI runner: delete the copy and clone it again
            (then git-crypt unlock /path/to/marac.key)
        """
}
