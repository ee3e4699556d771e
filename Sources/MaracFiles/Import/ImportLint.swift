import Foundation
import MaracBase
import MaracLint
import MaracRepository

/// The lint findings an import's files would bring: the repository linted as it is and as the
/// import would leave it (the new and changed files read from memory, `Linter.lint(at:overlay:)`),
/// less the findings it has already. Both are streaming passes, so memory stays that of `lint`.
enum ImportLint {
    static func newFindings(_ changes: [FileChange], root: URL) throws(RepositoryError) -> [Diagnostic] {
        guard !changes.isEmpty else { return [] }
        let before = try Linter.lint(at: root).findings
        var overlay: [String: [UInt8]] = [:]
        for change in changes { overlay[change.path] = change.bytes }
        var known: [String: Int] = [:]
        for finding in before { known[key(finding), default: 0] += 1 }
        var found: [Diagnostic] = []
        for finding in try Linter.lint(at: root, overlay: overlay).findings {
            let k = key(finding)
            if let count = known[k], count > 0 {
                known[k] = count - 1
            } else {
                found.append(finding)
            }
        }
        return found
    }

    /// A finding without its position (an edit moves the lines below it).
    static func key(_ finding: Diagnostic) -> String {
        "\(finding.file)\u{0}\(finding.rule)\u{0}\(finding.severity.rawValue)\u{0}\(finding.message)"
    }
}
