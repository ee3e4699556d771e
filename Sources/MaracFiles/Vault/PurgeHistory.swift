/// Removing plaintext records from history.
public enum PurgeHistory {
    /// The command `mfile doctor` gives for records committed in plaintext.
    public static let fixCommand =
        "remove the unencrypted versions from the history with git-filter-repo (sudo apt-get install git-filter-repo), following 'mfile doctor --help'"
}
