import MaracRepository

/// What git-crypt leaves in git: the header every encrypted blob starts with, and the
/// `.gitattributes` lines that send the record folders through its filter.
public enum GitCrypt {
    /// `\0GITCRYPT\0`: the first bytes of every file git-crypt has encrypted.
    public static let header = RecordAccess.gitCryptHeader

    /// Whether `bytes` (a blob or a file) is git-crypt ciphertext.
    public static func isEncrypted<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        RecordAccess.isEncrypted(bytes)
    }

    /// The folders whose files are encrypted: case files, meeting files, rendered papers, and
    /// the contents of transfer bundles received (`mfile transfer in` keeps them).
    public static let protectedFolders = [Repository.casesFolder, Repository.meetingsFolder, Repository.papersFolder, Repository.transfersFolder]

    /// The folders holding records (checked in history and at every commit).
    public static let recordFolders = ["cases", "meetings"]

    /// The `.gitattributes` line that encrypts everything under `folder`.
    public static func attributeLine(_ folder: String) -> String {
        "\(folder)/** filter=git-crypt diff=git-crypt"
    }

    /// The `.gitattributes` text `mfile init --encrypt` writes.
    public static var attributesText: String {
        "# Records are encrypted by git-crypt when committed (see 'mfile doctor').\n"
            + protectedFolders.map { attributeLine($0) + "\n" }.joined()
    }

    /// A shell command that adds the missing line for `folder` to `.gitattributes` and
    /// stages it (run at the top of the work tree).
    public static func addAttributeCommand(_ folder: String) -> String {
        "printf '%s\\n' '\(attributeLine(folder))' >> .gitattributes && git add .gitattributes"
    }

    /// How to unlock a copy of the repository.
    public static let unlockCommand = "git-crypt unlock /path/to/marac.key"
}
