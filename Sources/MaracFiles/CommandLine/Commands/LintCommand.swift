import Foundation
import MaracBase
import MaracJSON
import MaracLint

/// `mfile lint [PATH...]`: every schema violation and every check across records.
enum LintCommand {
    static let command = Command(
        name: "lint",
        summary: "check every case and meeting file (schema, ids, agencies, required reasons)",
        positionals: [PositionalSpec("PATH", kind: .path, .zeroOrMore)],
        options: [
            .format(["text", "json"], help: "text (default): one line a finding; json"),
            OptionSpec("--strict", help: "exit 1 on warnings too"),
            .asOf("dates after DATE are in the future (default today)"),
        ],
        details: """
            Each finding is one line: path:line:col: error|warning: message [rule-id]
            With PATHs (files or folders), only findings in them are shown; the whole repository
            is still read so that checks across records work.
            Exit status: 0 clean, 1 findings, 2 usage or I/O error.

            The rules:
            """ + LintRule.allCases.map { "\n  \($0.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0))  \($0.summary)" }.joined(),
        examples: ["mfile lint", "mfile lint cases/2026 --format json", "mfile lint --as-of 2026-11-23"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let root = try context.repositoryRoot()
        let paths = try context.arguments.positional.map { try repositoryRelativePath($0, context: context, root: root) }
        let progress = context.console.progress("lint", unit: "files")
        let report = try Linter.lint(at: root, asOf: context.asOf, progress: progress)
        progress?.finish()
        let findings = Linter.restrict(report.findings, to: paths)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors

        switch context.format {
        case "json":
            let report: JSONValue = .object([
                ("files", .integer(Int64(report.fileCount))),
                ("errors", .integer(Int64(errors))),
                ("warnings", .integer(Int64(warnings))),
                ("findings", .array(findings.map(\.json))),
            ])
            context.console.print(JSONWriter.write(report, pretty: true))
        default:
            var text = ""
            for finding in findings { text += finding.line + "\n" }
            context.console.write(text)
            context.console.printError(
                "\(report.fileCount) files checked: \(count(errors, "error")), \(count(warnings, "warning"))")
        }
        let failing = context.arguments.flag("--strict") ? findings.count : errors
        return failing > 0 ? .findings : .ok
    }

    /// A PATH argument as a path relative to the repository root; it must exist inside it.
    static func repositoryRelativePath(_ argument: String, context: CommandContext, root: URL) throws -> String {
        let url = URL(fileURLWithPath: argument, relativeTo: context.workingDirectory).standardizedFileURL
        let rootPath = root.standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw UsageError("\(argument): no such file or folder")
        }
        if url.path == rootPath { return "" }
        guard url.path.hasPrefix(rootPath + "/") else {
            throw UsageError("\(argument) is outside the repository at \(rootPath)")
        }
        return String(url.path.dropFirst(rootPath.count + 1))
    }
}
