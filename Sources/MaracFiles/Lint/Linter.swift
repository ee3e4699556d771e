import Foundation
import MaracBase
import MaracRecords
import MaracRepository

/// `mfile lint`: every problem in a repository, file by file and across records.
///
/// Each file is checked on its own as it is read (in parallel); what the checks across
/// records need is kept as small `RecordFacts`, so linting never holds the whole repository.
public enum Linter {
    /// Reads and lints the repository at `root` in one pass.
    public static func lint(at root: URL) throws(RepositoryError) -> LintReport {
        var timer = PhaseTimer()
        let scan = try RepositoryScan<RecordFacts>.run(at: root) { configuration in
            let context = LintContext(configuration)
            return { record, findings in
                switch record {
                case .case(let item):
                    findings += CaseRules.check(item, context)
                    return .case(CaseFacts(item))
                case .meeting(let item):
                    findings += MeetingRules.check(item, context)
                    return .meeting(MeetingFacts(item))
                }
            }
        }
        timer.lap("read, decode, validate and check each file")
        // The checks across records and the search for repeats need each other's cores, not results.
        let (acrossRecords, repeats) = inParallel(
            { CrossRecordRules.check(scan.summaries, undecodedCaseFiles: scan.undecodedCaseFiles) },
            { ProtocolLint.analyse(scan.configuration, scan.summaries) })
        timer.lap("checks across records, beside the search for repeats")
        var findings = scan.diagnostics + acrossRecords
        findings += repeats?.findings() ?? []
        timer.lap("protocol checks of each case (criteria)")
        findings.sort(by: Diagnostic.reportOrder)
        return LintReport(findings: findings, fileCount: scan.recordFileCount + 1)
    }

    /// All findings of a repository already loaded, in report order.
    public static func lint(_ repository: Repository) -> [Diagnostic] {
        let context = LintContext(repository.configuration)
        var findings = repository.diagnostics
        var facts: [RecordFacts] = []
        for record in repository.cases {
            findings += CaseRules.check(record, context)
            facts.append(.case(CaseFacts(record)))
        }
        for meeting in repository.meetings {
            findings += MeetingRules.check(meeting, context)
            facts.append(.meeting(MeetingFacts(meeting)))
        }
        findings += CrossRecordRules.check(facts, undecodedCaseFiles: repository.undecodedCaseFiles)
        findings += ProtocolLint.check(repository.configuration, facts)
        return findings.sorted(by: Diagnostic.reportOrder)
    }

    /// The findings in `paths` only (files or folders, relative to the repository root).
    public static func restrict(_ findings: [Diagnostic], to paths: [String]) -> [Diagnostic] {
        guard !paths.isEmpty else { return findings }
        return findings.filter { finding in
            paths.contains { path in
                path.isEmpty || path == "." || finding.file == path
                    || finding.file.hasPrefix(path.hasSuffix("/") ? path : path + "/")
            }
        }
    }
}

/// The findings of one lint run.
public struct LintReport: Sendable {
    public var findings: [Diagnostic]
    /// Files read, `marac.toml` included.
    public var fileCount: Int
}

/// What the per-file rules look things up in: the agency and MARAC ids of marac.toml.
package struct LintContext: Sendable {
    let agencyIDs: Set<String>
    let maracIDs: Set<String>

    package init(_ configuration: Configuration) {
        agencyIDs = Set(configuration.agencies.map(\.id))
        maracIDs = Set(configuration.maracs.map(\.id))
    }

    /// A finding for a MARAC id not in marac.toml, if `marac` is one.
    func unknownMarac(_ marac: String?, file: String, at position: @autoclosure () -> SourcePosition?) -> Diagnostic? {
        guard let marac, !maracIDs.contains(marac) else { return nil }
        return Diagnostic(
            file: file, position: position(), message: "marac names a MARAC id that is not in marac.toml",
            rule: "unknown-marac")
    }

    /// A finding for an agency id not in marac.toml, if `agency` is one (the field's name and
    /// position are worked out only then).
    func unknownAgency(
        _ agency: String?, field: @autoclosure () -> String, file: String, at position: @autoclosure () -> SourcePosition?
    ) -> Diagnostic? {
        guard let agency, !agencyIDs.contains(agency) else { return nil }
        return Diagnostic(
            file: file, position: position(),
            message: "\(field()) names an agency id that is not in marac.toml; add an [[agency]] with that id or correct it",
            rule: "unknown-agency")
    }
}
