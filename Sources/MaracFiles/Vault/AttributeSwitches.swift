import Foundation
import MaracRepository

/// Lines in any attributes file git reads for the records (the records' own `.gitattributes`,
/// every nested one, one in a folder above, `.git/info/attributes`, `core.attributesFile`)
/// that switch git-crypt's filter off or to another filter. Only the records' own
/// allowlist lines (`PlaintextAllowlist`) may do that; a nested file inside an allowlisted
/// folder (git-crypt's `.git-crypt/.gitattributes`) affects only plain-text files anyway.
public enum AttributeSwitches {
    /// One offending line: the file (records-relative, or as git names it outside) and line.
    public struct Switch: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var place: String { "\(file):\(line)" }
    }

    /// Every line that could keep files out of git-crypt, in file and line order.
    public static func find(_ layout: VaultLayout) throws(RepositoryError) -> [Switch] {
        var files: [(label: String, url: URL, own: Bool)] = []
        let candidates = try RecordFiles.trackedOrAddable(layout).filter { path in
            (path as NSString).lastPathComponent == ".gitattributes" && !PlaintextAllowlist.isInFolder(path)
        }
        for path in Set(candidates + [".gitattributes"]).sorted() {
            files.append((path, layout.root.appendingPathComponent(path), path == ".gitattributes"))
        }
        // Folders between the top of the work tree and the records folder.
        var folder = layout.root.deletingLastPathComponent().standardizedFileURL
        let top = layout.topLevel.standardizedFileURL.path
        while !layout.prefix.isEmpty, folder.path.hasPrefix(top) {
            files.append(("../" + String(folder.path.dropFirst(top.count)) + "/.gitattributes", folder.appendingPathComponent(".gitattributes"), false))
            if folder.path == top { break }
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
        files.append((".git/info/attributes", layout.commonDirectory.appendingPathComponent("info/attributes"), false))
        let configured = try layout.git.run(["config", "--get", "core.attributesFile"])
        if configured.status == 0, !configured.text.isEmpty {
            let path = (configured.text as NSString).expandingTildeInPath
            files.append(("core.attributesFile", URL(fileURLWithPath: path, relativeTo: layout.topLevel), false))
        }

        var found: [Switch] = []
        let allowed = Set(PlaintextAllowlist.exceptionLines.map(normalised))
        for file in files {
            guard let bytes = try? FileSystem.read(file.url) else { continue }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where switchesFilterOff(String(line)) {
                if file.own, allowed.contains(normalised(String(line))) { continue }
                found.append(Switch(file: file.label, line: index + 1))
            }
        }
        return found
    }

    /// Whether an attributes line unsets `filter`, or sets it to anything but git-crypt.
    static func switchesFilterOff(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return false }
        var rest = Substring(trimmed)
        if rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") {
            rest = rest[rest.index(after: close)...]
        } else {
            rest = rest.drop { !$0.isWhitespace }
        }
        return rest.split(whereSeparator: \.isWhitespace).contains { attribute in
            attribute == "-filter" || attribute == "!filter" || attribute == "filter"
                || (attribute.hasPrefix("filter=") && attribute != "filter=git-crypt")
        }
    }

    private static func normalised(_ line: String) -> String {
        line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
