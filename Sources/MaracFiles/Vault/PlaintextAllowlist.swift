/// What an encrypted records repository keeps in plain text: nothing but this short list of
/// files that hold no personal data. Everything else under the records folder (records,
/// `marac.toml`, papers, notices, kept transfers, copies such as `cases-old/` or
/// `*.toml.bak`, anything added later) is encrypted by git-crypt when committed.
///
/// - `.gitattributes` and `.gitignore` (at any depth): git must read them itself, and
///   git-crypt cannot encrypt `.gitattributes`;
/// - `.editorconfig` and `.taplo.toml` (at any depth), `.vscode/`: editor settings;
/// - `schema/` and `templates/`: the record schemas and paper templates, shared by every
///   MARAC and reviewed in plain diffs;
/// - `.git-crypt/`: git-crypt's own folder (GPG-encrypted keys, when it is used with GPG).
///
/// `marac.toml` is not on the list: it names the MARAC, its agencies and whatever local fields
/// a team adds (a chair's or contact's name), and nothing needs it in plain text.
public enum PlaintextAllowlist {
    /// File names kept in plain text wherever they are.
    public static let names = [".gitattributes", ".gitignore", ".editorconfig", ".taplo.toml"]
    /// Top-level folders (of the records folder) kept in plain text, with all they hold.
    public static let folders = ["schema", "templates", ".vscode", ".git-crypt"]

    /// Whether the records-relative `path` may be committed in plain text.
    public static func allows(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return names.contains(name) || isInFolder(path)
    }

    /// Whether the records-relative `path` is inside one of the plain-text folders.
    public static func isInFolder(_ path: String) -> Bool {
        folders.contains { path.hasPrefix($0 + "/") }
    }

    /// The line that encrypts every file.
    public static let encryptEverything = "* filter=git-crypt diff=git-crypt"

    /// The `.gitattributes` lines after `encryptEverything` that keep the list in plain text
    /// (later lines win in `.gitattributes`).
    public static var exceptionLines: [String] {
        names.map { "\($0) !filter !diff" } + folders.map { "\($0)/** !filter !diff" }
    }

    /// The comment `mfile init --encrypt` puts above the lines.
    public static let header = "# mfile: every file is encrypted by git-crypt when committed, except the few below, which hold no personal data (see 'mfile doctor')."
}
