import Foundation
import MaracRepository

/// Refuses to write a paper (which names people) where git would commit it in plain text:
/// inside the git work tree of the records, neither ignored nor encrypted.
public enum PapersGuard {
    /// Throws when a file in `folder` would be neither ignored by git nor encrypted (the
    /// notices `sweep` writes; `--notices DIR` chooses another folder).
    public static func check(_ folder: URL, root: URL) throws(RepositoryError) {
        if let place = try plaintextPlace(folder.appendingPathComponent("x.md"), root: root) {
            throw RepositoryError("\(folder.path) is not kept out of git (nor encrypted: \(place)), so the notices, which name people, could be committed in plain text; nothing was written. Run 'mfile doctor' for the fix, or choose another folder with --notices DIR")
        }
    }

    /// Throws when `file` would be neither ignored by git nor encrypted (`option` names how
    /// the user chose the path, e.g. `--output`).
    public static func check(file: URL, root: URL, option: String) throws(RepositoryError) {
        if let place = try plaintextPlace(file, root: root) {
            throw RepositoryError("\(file.path) is inside the records' git work tree (\(place)) and git would commit a paper there in plain text (it is neither ignored nor encrypted); papers name people, so nothing was written. Write it outside the repository, or under papers/ (kept out of git), with \(option); 'mfile doctor' shows the fix")
        }
    }

    /// Writes a paper at `file` (owner-only, in one step) after `check(file:)`.
    public static func write(_ text: String, to file: URL, root: URL, option: String) throws(RepositoryError) {
        try check(file: file, root: root, option: option)
        try AtomicWrite.write(text, to: file, access: .ownerOnly)
    }

    /// The path git knows `file` by when it is in the records' work tree and would be
    /// committed in plain text; `nil` when it is safe (outside, ignored or encrypted).
    static func plaintextPlace(_ file: URL, root: URL) throws(RepositoryError) -> String? {
        guard Git.which("git") != nil, let layout = try VaultLayout.find(root: root) else { return nil }
        let top = RecordAccess.realPath(layout.topLevel.path) ?? layout.topLevel.path
        guard let real = realPathOfNew(file), real.hasPrefix(top + "/") else { return nil }
        let gitPath = String(real.dropFirst(top.count + 1))
        if gitPath == ".git" || gitPath.hasPrefix(".git/") { return nil }
        if try layout.git.run(["check-ignore", "-q", "--", gitPath]).status == 0 { return nil }
        let output = try layout.git.run(["check-attr", "-z", "filter", "--", gitPath])
        let fields = output.stdout.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if output.status == 0, fields.count >= 3, fields[2] == "git-crypt" { return nil }
        return gitPath
    }

    /// The real path `file` has or would have: its nearest existing folder resolved, links
    /// and `..` included, with the rest appended.
    static func realPathOfNew(_ file: URL) -> String? {
        var existing = file.standardizedFileURL
        var rest: [String] = []
        while RecordAccess.realPath(existing.path) == nil {
            rest.insert(existing.lastPathComponent, at: 0)
            let parent = existing.deletingLastPathComponent()
            if parent.path == existing.path { return nil }
            existing = parent
        }
        guard let base = RecordAccess.realPath(existing.path) else { return nil }
        return ([base] + rest).joined(separator: "/")
    }
}
