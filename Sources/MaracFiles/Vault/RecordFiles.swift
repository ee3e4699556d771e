import MaracRepository

/// The files the vault checks look at: record files in the work tree, every file git tracks
/// or would add under the records folder, and probe paths standing for files not yet created.
public enum RecordFiles {
    /// Paths that stand for files yet to be written: records, `marac.toml`, papers, kept
    /// transfers, and the copies people make (`cases-old/`, `*.bak`, a paper beside the records).
    public static let probes = [
        "marac.toml", "cases/x.toml", "cases/2026/x.toml", "meetings/x.toml", "meetings/2026/x.toml",
        "papers/x.html", "papers/flag-notices/2026-01-01/police.md", "transfers/x/papers/x.html", "transfers/x/record/case.toml",
        "cases-old/2026/x.toml", "cases/2026/x.toml.bak", "agenda.html", "notes/x.txt", "x",
    ]
    /// A path standing for a rendered paper.
    public static let paperProbe = "papers/x.html"
    /// A path standing for a paper kept with a transfer received.
    public static let transferPaperProbe = "transfers/x/papers/x.html"
    /// mfile's own state (the index, the clone tag, the lock).
    public static let indexProbe = ".mfile/index"

    /// Every `*.toml` record file in the work tree (records-relative, sorted).
    public static func inWorkTree(_ layout: VaultLayout) -> [String] {
        GitCrypt.recordFolders.flatMap { FileSystem.tomlFiles(in: $0, root: layout.root) }
    }

    /// Every file git tracks under the records folder (records-relative, sorted).
    public static func tracked(_ layout: VaultLayout) throws(RepositoryError) -> [String] {
        try list(layout, ["ls-files", "-z", "--cached"])
    }

    /// Every file git tracks, or would add with 'git add -A', under the records folder.
    public static func trackedOrAddable(_ layout: VaultLayout) throws(RepositoryError) -> [String] {
        try list(layout, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
    }

    private static func list(_ layout: VaultLayout, _ arguments: [String]) throws(RepositoryError) -> [String] {
        let output = try layout.git.run(arguments + ["--", layout.prefix.isEmpty ? "." : layout.prefix])
        guard output.status == 0 else { throw RepositoryError("git could not list the files (git ls-files failed)") }
        return Array(Set(output.nulSeparated.compactMap { layout.recordsPath($0) })).sorted()
    }
}
