import Foundation

/// Finds a records repository: the folder holding `marac.toml`.
public enum RepositoryLocator {
    public static let configurationFile = "marac.toml"

    /// `explicit` (from `--repo DIR`) if given, else the nearest folder at or above `start`
    /// holding `marac.toml`.
    public static func find(from start: URL, explicit: String? = nil) throws(RepositoryError) -> URL {
        let fileManager = FileManager.default
        if let explicit {
            let url = URL(fileURLWithPath: explicit, relativeTo: start).standardizedFileURL
            guard fileManager.fileExists(atPath: url.appendingPathComponent(configurationFile).path) else {
                throw RepositoryError("\(explicit): not a MARAC records repository (no \(configurationFile) there); create one with 'mfile init DIR'")
            }
            return url
        }
        var url = start.standardizedFileURL
        while true {
            if fileManager.fileExists(atPath: url.appendingPathComponent(configurationFile).path) {
                return url
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        throw RepositoryError("no \(configurationFile) found in this folder or any folder above it; run mfile inside a records repository, give --repo DIR, or create one with 'mfile init DIR'")
    }
}
