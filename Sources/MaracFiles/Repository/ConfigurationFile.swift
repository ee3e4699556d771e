import Foundation
import MaracBase
import MaracRecords

/// marac.toml read on its own, for the commands that need no record (`rules`, `calendar`,
/// `schedule`, `new`).
public enum ConfigurationFile {
    /// The configuration of the repository at `root`; a file that is not valid TOML is an
    /// error at its place (exit 2), pointing to `mfile lint` for the rest.
    public static func load(root: URL) throws(RepositoryError) -> Configuration {
        let file = RepositoryLocator.configurationFile
        let bytes = try FileSystem.read(root.appendingPathComponent(file))
        try RecordAccess.requireUnlocked(bytes)
        switch RecordText.decode(bytes, file: file) {
        case .success(let table):
            var problems: [Diagnostic] = []
            return Configuration(table: table, file: file, problems: &problems)
        case .failure(let problem):
            throw RepositoryError(
                "\(problem.message); marac.toml must be valid TOML before anything else can be done (see 'mfile lint')",
                location: problem.position.map { "\(file):\($0.line):\($0.column)" } ?? file)
        }
    }
}
