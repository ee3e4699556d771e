import Foundation
import MaracRepository

/// Refuses to write a paper (which names people) where git would commit it in plain text.
public enum PapersGuard {
    /// Throws when `folder` is inside the records' git work tree and a file there would be
    /// neither ignored by git nor encrypted.
    public static func check(_ folder: URL, root: URL) throws(RepositoryError) {
        let rootPath = root.standardizedFileURL.path
        let folderPath = folder.standardizedFileURL.path
        guard folderPath == rootPath || folderPath.hasPrefix(rootPath + "/"), Git.which("git") != nil,
              let layout = try VaultLayout.find(root: root) else { return }
        let relative = (folderPath == rootPath ? "" : String(folderPath.dropFirst(rootPath.count + 1)) + "/") + "x.md"
        let attributes = AttributeCheck(layout: layout)
        if try attributes.isIgnored(relative) { return }
        if try attributes.unencrypted([relative]).isEmpty { return }
        throw RepositoryError("\(folder.path) is not kept out of git (nor encrypted), so the notices, which name people, could be committed in plain text; nothing was written. Run 'mfile doctor' for the fix, or choose another folder with --notices DIR")
    }
}
