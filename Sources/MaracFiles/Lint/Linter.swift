/// `mfile lint`: every problem in a repository, file by file and across records.
public enum Linter {
    /// All findings: those found while reading each file, and the checks across records,
    /// in report order.
    public static func lint(_ repository: Repository) -> [Diagnostic] {
        var findings = repository.diagnostics
        let context = LintContext(repository)
        for record in repository.cases { findings += CaseRules.check(record, context) }
        for meeting in repository.meetings { findings += MeetingRules.check(meeting, context) }
        findings += CrossRecordRules.check(repository, context)
        findings += ProtocolLint.check(repository)
        return findings.sorted(by: Diagnostic.reportOrder)
    }

    /// The findings in `paths` only (files or folders, relative to the repository root).
    public static func restrict(_ findings: [Diagnostic], to paths: [String]) -> [Diagnostic] {
        guard !paths.isEmpty else { return findings }
        return findings.filter { finding in
            paths.contains { path in
                finding.file == path || path.isEmpty || path == "." || finding.file.hasPrefix(path.hasSuffix("/") ? path : path + "/")
            }
        }
    }
}

/// What the rules look things up in: agency and MARAC ids, cases by id.
struct LintContext {
    let agencyIDs: Set<String>
    let maracIDs: Set<String>
    let caseIDs: Set<String>

    init(_ repository: Repository) {
        agencyIDs = Set(repository.configuration.agencies.map(\.id))
        maracIDs = Set(repository.configuration.maracs.map(\.id))
        caseIDs = Set(repository.cases.compactMap(\.id))
    }

    /// A finding for an agency id not in marac.toml, if `agency` is one.
    func unknownAgency(_ agency: String?, field: String, file: String, at position: SourcePosition?) -> Diagnostic? {
        guard let agency, !agencyIDs.contains(agency) else { return nil }
        return Diagnostic(
            file: file, position: position,
            message: "\(field) names an agency id that is not in marac.toml; add an [[agency]] with that id or correct it",
            rule: "unknown-agency")
    }
}
