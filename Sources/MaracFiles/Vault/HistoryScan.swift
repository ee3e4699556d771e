import MaracRepository

/// Finds files that git holds unencrypted: every blob ever committed (on any branch or tag)
/// under the records folder, and every staged one, must start with git-crypt's header unless
/// its path is on the plain-text allowlist (`PlaintextAllowlist`). Empty files (`.gitkeep`)
/// hold nothing and are let through.
public struct HistoryScan: Sendable {
    public var layout: VaultLayout

    public init(layout: VaultLayout) { self.layout = layout }

    /// Records-relative paths of plaintext blobs reachable from any ref, sorted, each once.
    public func plaintextInHistory() throws(RepositoryError) -> [String] {
        Array(Set(try plaintextBlobsInHistory().map(\.path))).sorted()
    }

    /// Every plaintext blob reachable from any ref outside the allowlist, with the (first)
    /// records-relative path git lists it at.
    public func plaintextBlobsInHistory() throws(RepositoryError) -> [(object: String, path: String)] {
        let output = try layout.git.run(["rev-list", "--objects", "--all"])
        guard output.status == 0 else {
            throw RepositoryError("git could not list the repository's history (git rev-list failed); check it with 'git fsck'")
        }
        var candidates: [(object: String, path: String)] = []
        for line in output.stdout.split(separator: 10) {
            guard let space = line.firstIndex(of: 32) else { continue }
            let path = String(decoding: line[(space + 1)...], as: UTF8.self)
            guard let recordsPath = layout.recordsPath(path), isProtected(recordsPath) else { continue }
            candidates.append((String(decoding: line[..<space], as: UTF8.self), recordsPath))
        }
        return try plaintextCandidates(candidates)
    }

    /// Records-relative paths of staged files outside the allowlist that are not encrypted
    /// (what the next commit would store in plaintext).
    public func plaintextStaged() throws(RepositoryError) -> [String] {
        let output = try layout.git.run(["ls-files", "-s", "-z", "--", layout.prefix.isEmpty ? "." : layout.prefix])
        guard output.status == 0 else { throw RepositoryError("git could not read the staging area (git ls-files failed)") }
        var candidates: [(object: String, path: String)] = []
        for entry in output.nulSeparated {
            // "<mode> <object> <stage>\t<path>"
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let fields = entry[..<tab].split(separator: " ")
            guard fields.count == 3, let path = layout.recordsPath(String(entry[entry.index(after: tab)...])), isProtected(path) else { continue }
            candidates.append((String(fields[1]), path))
        }
        return Array(Set(try plaintextCandidates(candidates).map(\.path))).sorted()
    }

    /// Whether a records-relative path must be encrypted.
    func isProtected(_ path: String) -> Bool {
        !PlaintextAllowlist.allows(path)
    }

    /// The candidates whose object is a non-empty blob that is not git-crypt ciphertext.
    private func plaintextCandidates(
        _ candidates: [(object: String, path: String)]
    ) throws(RepositoryError) -> [(object: String, path: String)] {
        let objects = try BlobReader(git: layout.git).read(candidates.map(\.object))
        return zip(candidates, objects).filter { _, object in
            object.type == "blob" && object.size > 0 && !object.isEncrypted
        }.map(\.0)
    }
}
