import Foundation
import MaracRepository

/// The git pre-commit hook `mfile hook install` writes: a small sh script that runs
/// `mfile hook run pre-commit`, which refuses commits with lint errors or plaintext records.
public enum PreCommitHook {
    /// The line that marks a hook as mfile's own (so it may be replaced without `--force`).
    public static let marker = "# mfile pre-commit hook"

    /// The hook script calling `mfile` at `executable` (else `mfile` on PATH) for the records
    /// at `prefix` (relative to the top of the work tree, where git runs hooks).
    public static func script(executable: String, prefix: String) -> String {
        let repo = prefix.isEmpty ? "." : String(prefix.dropLast())
        return """
            #!/bin/sh
            \(marker): refuses a commit with lint errors or an unencrypted record.
            # Installed by 'mfile hook install'; 'mfile doctor' checks that it is here.
            MFILE=\(shellQuoted(executable))
            if [ ! -x "$MFILE" ]; then
                MFILE=$(command -v mfile 2>/dev/null)
            fi
            if [ -z "$MFILE" ]; then
                echo "The records were NOT committed: this repository's check before each commit needs mfile," >&2
                echo "which is not installed here (it was at \(executable.replacingOccurrences(of: "\"", with: "")))." >&2
                echo "Install mfile and put it on PATH, then run 'mfile hook install' and commit again." >&2
                exit 1
            fi
            exec "$MFILE" hook run pre-commit --repo \(shellQuoted(repo))

            """
    }

    /// `text` quoted for sh.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Whether the file at `url` is an mfile hook.
    public static func isInstalled(at url: URL) -> Bool {
        guard let bytes = try? FileSystem.read(url) else { return false }
        return String(decoding: bytes, as: UTF8.self).contains(marker)
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// The full path of the running mfile program.
    public static var currentExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// What `install` did.
    public enum Outcome: Sendable, Equatable {
        case installed
        case updated
        /// A foreign hook was moved to this path and replaced.
        case replaced(backup: String)
    }

    /// Writes the hook (executable). A foreign hook is replaced only with `force`, and is
    /// then kept beside it as `pre-commit.before-mfile`.
    public static func install(_ layout: VaultLayout, executable: String, force: Bool) throws(RepositoryError) -> Outcome {
        let hook = try layout.preCommitHook()
        let exists = FileManager.default.fileExists(atPath: hook.path)
        var outcome = Outcome.installed
        if exists {
            if let bytes = try? FileSystem.read(hook), String(decoding: bytes, as: UTF8.self).contains(marker) {
                outcome = .updated
            } else if force {
                let backup = hook.deletingLastPathComponent().appendingPathComponent("pre-commit.before-mfile")
                guard !FileManager.default.fileExists(atPath: backup.path) else {
                    throw RepositoryError("\(backup.path) already exists from an earlier replacement; move it somewhere safe, then run 'mfile hook install --force' again")
                }
                guard rename(hook.path, backup.path) == 0 else {
                    throw RepositoryError("\(hook.path) could not be moved aside (\(FileSystem.errnoText()))")
                }
                outcome = .replaced(backup: backup.path)
            } else {
                throw RepositoryError("\(hook.path) is a pre-commit hook that mfile did not write, so it was left alone; to replace it (it is kept as pre-commit.before-mfile) run 'mfile hook install --force'")
            }
        }
        try AtomicWrite.write(script(executable: executable, prefix: layout.prefix), to: hook)
        guard chmod(hook.path, (0o755 & ~FileSystem.umask) | 0o700) == 0 else {
            throw RepositoryError("\(hook.path) could not be made executable; run 'chmod +x \(hook.path)'")
        }
        return outcome
    }
}
