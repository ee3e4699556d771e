import Foundation
import MaracRepository

/// Where a records repository sits in its git work tree: the top of the work tree, the
/// records' folder relative to it, and git's own folder.
public struct VaultLayout: Sendable {
    /// The records repository (the folder holding `marac.toml`).
    public var root: URL
    /// The top of the git work tree.
    public var topLevel: URL
    /// The records folder relative to `topLevel`: `""` or `"sub/dir/"`.
    public var prefix: String
    /// git's folder (`.git`, or the shared one of a worktree), absolute.
    public var commonDirectory: URL
    /// git's folder of this work tree, absolute.
    public var gitDirectory: URL

    /// Runs git at the top of the work tree.
    public var git: Git { Git(directory: topLevel) }

    /// The layout of the work tree holding `root`; `nil` when `root` is not in a git work tree.
    public static func find(root: URL) throws(RepositoryError) -> VaultLayout? {
        let output = try Git(directory: root).run(
            ["rev-parse", "--show-toplevel", "--show-prefix", "--git-common-dir", "--git-dir"])
        guard output.status == 0 else { return nil }
        let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4 else { return nil }
        func absolute(_ path: String) -> URL {
            URL(fileURLWithPath: path, relativeTo: root).standardizedFileURL
        }
        return VaultLayout(
            root: root, topLevel: URL(fileURLWithPath: lines[0]), prefix: lines[1],
            commonDirectory: absolute(lines[2]), gitDirectory: absolute(lines[3]))
    }

    /// The message (exit 2) when the records are not in a git repository.
    public static func notARepositoryMessage(_ root: URL) -> String {
        "\(root.path) is not in a git repository, so its records are not kept (or encrypted) in git; set it up with 'mfile init \(root.path) --encrypt'"
    }

    /// A records-relative path as git names it (relative to the top of the work tree).
    public func gitPath(_ path: String) -> String { prefix + path }

    /// A git path as a records-relative path; `nil` when it is outside the records folder.
    public func recordsPath(_ gitPath: String) -> String? {
        guard gitPath.hasPrefix(prefix) else { return nil }
        return String(gitPath.dropFirst(prefix.count))
    }

    /// The top folder of a records-relative path, if it is one of `folders`.
    public static func folder(of path: String, in folders: [String]) -> String? {
        folders.first { path.hasPrefix($0 + "/") }
    }

    /// Whether git-crypt has a key in this repository (it was initialised or unlocked here).
    public var hasGitCryptKey: Bool {
        [gitDirectory, commonDirectory].contains { directory in
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("git-crypt/keys/default").path)
        }
    }

    /// The pre-commit hook's file (following `core.hooksPath`).
    public func preCommitHook() throws(RepositoryError) -> URL {
        let output = try git.run(["rev-parse", "--git-path", "hooks/pre-commit"])
        let path = output.status == 0 ? output.text : commonDirectory.appendingPathComponent("hooks/pre-commit").path
        return URL(fileURLWithPath: path, relativeTo: topLevel).standardizedFileURL
    }
}
