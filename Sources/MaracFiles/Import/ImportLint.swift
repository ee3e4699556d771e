import MaracBase
import MaracLint
import MaracRecords
import MaracRepository

/// The lint findings an import's files would bring: the repository linted in memory with the
/// new and changed files in place of the old, less the findings it has already.
enum ImportLint {
    static func newFindings(_ changes: [FileChange], repository: Repository, schemas: RecordSchemas) -> [Diagnostic] {
        guard !changes.isEmpty else { return [] }
        let before = Linter.lint(repository)
        var imported = repository
        let touched = Set(changes.map(\.path))
        imported.diagnostics.removeAll { touched.contains($0.file) }
        imported.cases.removeAll { touched.contains($0.file) }
        imported.meetings.removeAll { touched.contains($0.file) }
        for change in changes {
            let isCase = change.path.hasPrefix(Repository.casesFolder + "/")
            var problems: [Diagnostic] = []
            switch RecordText.decode(change.bytes, file: change.path) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let table):
                problems += schemas.validate(isCase ? .case : .meeting, table, file: change.path)
                if isCase {
                    imported.cases.append(Case(table: table, file: change.path, problems: &problems))
                } else {
                    imported.meetings.append(Meeting(table: table, file: change.path, problems: &problems))
                }
            }
            imported.diagnostics += problems
        }
        imported.cases.sort { $0.file < $1.file }
        imported.meetings.sort { $0.file < $1.file }
        var known: [String: Int] = [:]
        for finding in before { known[key(finding), default: 0] += 1 }
        var found: [Diagnostic] = []
        for finding in Linter.lint(imported) {
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
