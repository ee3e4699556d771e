import MaracRepository

/// Asks git which files go through git-crypt's filter (`git check-attr filter`), and which
/// are ignored (`git check-ignore`), for paths that need not exist.
public struct AttributeCheck: Sendable {
    public var layout: VaultLayout

    public init(layout: VaultLayout) { self.layout = layout }

    /// The records-relative paths among `paths` that git-crypt would NOT encrypt.
    public func unencrypted(_ paths: [String]) throws(RepositoryError) -> [String] {
        guard !paths.isEmpty else { return [] }
        let input = Array(paths.map { layout.gitPath($0) + "\0" }.joined().utf8)
        let output = try layout.git.run(["check-attr", "-z", "--stdin", "filter"], input: input)
        guard output.status == 0 else {
            throw RepositoryError("git could not read .gitattributes (git check-attr failed); check it with 'git check-attr -a -- cases/x.toml'")
        }
        let fields = output.stdout.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var uncovered: [String] = []
        var index = 0
        while index + 2 < fields.count {
            if fields[index + 2] != "git-crypt", let path = layout.recordsPath(fields[index]) {
                uncovered.append(path)
            }
            index += 3
        }
        return uncovered
    }

    /// Whether git ignores the records-relative `path` (it is never added by 'git add').
    public func isIgnored(_ path: String) throws(RepositoryError) -> Bool {
        try layout.git.run(["check-ignore", "-q", "--", layout.gitPath(path)]).status == 0
    }
}
