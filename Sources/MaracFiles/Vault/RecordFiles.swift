import MaracRepository

/// The files the vault checks look at: record files in the work tree, files git tracks
/// under the protected folders, and probe paths standing for files not yet created.
public enum RecordFiles {
    /// Paths that stand for records yet to be written, one set per folder.
    public static let probes = [
        "cases/x.toml", "cases/2026/x.toml", "meetings/x.toml", "meetings/2026/x.toml",
    ]
    /// A path standing for a rendered paper.
    public static let paperProbe = "papers/x.md"

    /// Every `*.toml` record file in the work tree (records-relative, sorted).
    public static func inWorkTree(_ layout: VaultLayout) -> [String] {
        GitCrypt.recordFolders.flatMap { FileSystem.tomlFiles(in: $0, root: layout.root) }
    }

    /// Every file git tracks under the protected folders (records-relative, sorted).
    public static func tracked(_ layout: VaultLayout) throws(RepositoryError) -> [String] {
        let folders = GitCrypt.protectedFolders.map { layout.gitPath($0) }
        let output = try layout.git.run(["ls-files", "-z", "--"] + folders)
        guard output.status == 0 else { throw RepositoryError("git could not list the tracked files (git ls-files failed)") }
        return output.nulSeparated.compactMap { layout.recordsPath($0) }.sorted()
    }
}
