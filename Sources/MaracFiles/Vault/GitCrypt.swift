import MaracRepository

/// What git-crypt leaves in git: the header every encrypted blob starts with, and how to
/// unlock a copy.
public enum GitCrypt {
    /// `\0GITCRYPT\0`: the first bytes of every file git-crypt has encrypted.
    public static let header = RecordAccess.gitCryptHeader

    /// Whether `bytes` (a blob or a file) is git-crypt ciphertext.
    public static func isEncrypted<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        RecordAccess.isEncrypted(bytes)
    }

    /// The folders holding records (read to tell whether this copy is locked).
    public static let recordFolders = [Repository.casesFolder, Repository.meetingsFolder]

    /// The `.gitattributes` text `mfile init --encrypt` writes: encrypt everything, then the
    /// plain-text allowlist.
    public static var attributesText: String {
        ([PlaintextAllowlist.header, PlaintextAllowlist.encryptEverything] + PlaintextAllowlist.exceptionLines)
            .map { $0 + "\n" }.joined()
    }

    /// How to unlock a copy of the repository.
    public static let unlockCommand = "git-crypt unlock /path/to/marac.key"
}
