import Foundation
import MaracBase

/// Whether record files can be read at all: a copy whose git-crypt is locked holds ciphertext,
/// and a file or folder this user cannot read, or a link out of the repository, must stop a
/// command loudly rather than leave records out of its answer.
public enum RecordAccess {
    /// `\0GITCRYPT\0`: the first bytes of every file git-crypt has encrypted.
    public static let gitCryptHeader: [UInt8] = [0] + Array("GITCRYPT".utf8) + [0]

    /// Whether `bytes` (a blob or a file) is git-crypt ciphertext.
    public static func isEncrypted<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.starts(with: gitCryptHeader)
    }

    /// The one line every record-reading command stops with in a locked copy (exit 2).
    public static let lockedMessage = "the records in this copy are encrypted (git-crypt has not unlocked it), so mfile cannot read them; run 'git-crypt unlock KEY' with the key exported by 'git-crypt export-key', then run this again"

    /// Throws the locked error when `bytes` are ciphertext.
    public static func requireUnlocked(_ bytes: [UInt8]) throws(RepositoryError) {
        if isEncrypted(bytes) { throw RepositoryError(lockedMessage) }
    }

    /// The error listing every record file or folder that cannot be read (exit 2): one line
    /// each, `path: error: reason [rule]`, after a line saying nothing was done.
    public static func unreadable(_ problems: [Diagnostic]) -> RepositoryError {
        let sorted = problems.sorted(by: Diagnostic.reportOrder)
        let noun = sorted.count == 1 ? "1 record file or folder cannot be read" : "\(sorted.count) record files or folders cannot be read"
        return RepositoryError(
            "\(noun), so nothing was done (an answer without them would be wrong); make them readable (chmod u+r FILE, chmod u+rx FOLDER) or replace links with the files themselves, then run this again:\n"
                + sorted.map(\.line).joined(separator: "\n"))
    }

    /// A finding for a file or folder that cannot be read, naming the reason (`[io]`).
    package static func cannotRead(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(file: path, position: nil, message: "cannot be read (\(reason))", rule: .io)
    }

    /// A finding for a link whose target is outside the repository (`[outside-link]`).
    package static func linkOutside(_ path: String) -> Diagnostic {
        Diagnostic(file: path, position: nil, message: "is a link to a place outside the repository; mfile reads only files inside it", rule: .outsideLink)
    }

    /// The bytes of the file at `relative` under `root`, `nil` when there is none; refused
    /// (`[outside-link]`) when it, or a folder on its way, is a link leading out of `root`.
    public static func readInside(_ relative: String, root: URL) throws(RepositoryError) -> [UInt8]? {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let realRoot = realPath(root.path) ?? root.path
        guard linkStaysInside(url.path, realRoot: realRoot) else {
            throw RepositoryError(linkOutside(relative).line)
        }
        return try FileSystem.read(url)
    }

    /// The real path of `root` (links resolved), to compare link targets with.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the link at `path` resolves to a place inside `realRoot` (itself a real path).
    public static func linkStaysInside(_ path: String, realRoot: String) -> Bool {
        guard let target = realPath(path) else { return true }
        return target == realRoot || target.hasPrefix(realRoot + "/")
    }
}
