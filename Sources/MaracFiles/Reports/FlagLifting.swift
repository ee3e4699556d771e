import Foundation
import MaracBase
import MaracProtocol
import MaracRepository
import MaracTOML
import MaracVault

/// Records the lifting of flags in case files (`[flag] lifted = DATE`, `notice = [...]`), and
/// commits the changed files with a message naming case ids only.
public enum FlagLifting {
    /// A case file the lifting could not be recorded in, and why (paths and keys only).
    public struct Failure: Sendable {
        public var file: String
        public var reason: String
    }

    /// Records the lifting in each case file, one at a time, through the format-preserving
    /// `TOMLEditor` (only the `[flag]` lines change) and `AtomicWrite` (each file is wholly
    /// old or wholly new, even after a crash). Returns the files changed (root-relative) and
    /// those that could not be changed; a file that fails leaves the others to go ahead.
    /// `progress` counts the cases done.
    public static func apply(
        _ due: [FlagSweep.Due], asOf: LocalDate, root: URL, progress: ProgressLine? = nil
    ) -> (applied: [String], failed: [Failure]) {
        var applied: [String] = []
        var failed: [Failure] = []
        progress?.begin(due.count)
        defer { progress?.finish() }
        for item in due {
            defer { progress?.advance() }
            do {
                let url = root.appendingPathComponent(item.file)
                StaleTemporaries.remove(for: url)
                let old = try FileSystem.read(url)
                let new = try edited(old, lifted: asOf, notice: item.agencies)
                if new != old {
                    try AtomicWrite.write(new, to: url)
                    applied.append(item.file)
                }
            } catch {
                failed.append(Failure(file: item.file, reason: error.message))
            }
        }
        return (applied, failed)
    }

    /// The case file's bytes with `[flag] lifted` and `notice` set; nothing else changes.
    public static func edited(_ bytes: [UInt8], lifted: LocalDate, notice: [String]) throws(RepositoryError) -> [UInt8] {
        let editor: TOMLEditor
        do {
            editor = try TOMLEditor(bytes: bytes)
        } catch {
            throw RepositoryError("the file is not valid TOML (line \(error.position.line)); correct it (see 'mfile lint'), then run the sweep again")
        }
        let agencies = TOMLValue.array(notice.map { TOMLNode(.string($0), range: .none) })
        do {
            return try editor.settingValue(.localDate(lifted), at: ["flag", "lifted"])
                .settingValue(agencies, at: ["flag", "notice"]).bytes
        } catch {
            throw RepositoryError("[flag] could not be written (\(error.description)); add 'lifted = \(lifted)' under [flag] by hand")
        }
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
