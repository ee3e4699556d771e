import Foundation
import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// `mfile lint`: every problem in a repository, file by file and across records.
///
/// Each file is checked on its own as it is read (in parallel); what the checks across
/// records need is kept as small `RecordFacts`, so linting never holds the whole repository.
public enum Linter {
    /// Reads and lints the repository at `root` in one pass; `overlay` lints it as if those
    /// record files (relative paths) held those bytes (see `RepositoryScan.run`). Dates after
    /// `asOf` (default today) are in the future. `progress` counts the files read.
    public static func lint(
        at root: URL, overlay: [String: [UInt8]] = [:], asOf: LocalDate = .today(), progress: ProgressLine? = nil
    ) throws(RepositoryError) -> LintReport {
        var timer = PhaseTimer()
        var engine: Result<ProtocolEngine, RulesError> = .failure(RulesError([]))
        let scan = try RepositoryScan<RecordFacts>.run(at: root, overlay: overlay, progress: progress) { configuration in
            engine = Result { () throws(RulesError) in try ProtocolEngine.load(configuration) }
            let context = LintContext(configuration, engine: try? engine.get(), asOf: asOf)
            return { record, _, findings in
                switch record {
                case .case(let item):
                    findings += CaseRules.check(item, context)
                    return .case(CaseFacts(item))
                case .meeting(let item):
                    findings += MeetingRules.check(item, context)
                    return .meeting(MeetingSummary(item))
                }
            }
        }
        timer.lap("read, decode, validate and check each file")
        // The checks across records and the protocol checks need each other's cores, not results.
        let loadedEngine = engine
        let (acrossRecords, protocolFindings) = inParallel(
            { CrossRecordRules.check(scan.summaries, undecodedCaseFiles: scan.undecodedCaseFiles) },
            { ProtocolLint.check(loadedEngine, file: scan.configuration.file, scan.summaries, asOf: asOf) })
        timer.lap("checks across records, beside the protocol checks (settings, repeats, criteria, listing)")
        var findings = scan.diagnostics + acrossRecords + protocolFindings
        findings.sort(by: Diagnostic.reportOrder)
        return LintReport(findings: findings, fileCount: scan.recordFileCount + 1)
    }

    /// All findings of a repository already loaded, in report order.
    public static func lint(_ repository: Repository, asOf: LocalDate = .today()) -> [Diagnostic] {
        let engine = Result { () throws(RulesError) in try ProtocolEngine.load(repository.configuration) }
        let context = LintContext(repository.configuration, engine: try? engine.get(), asOf: asOf)
        var findings = repository.diagnostics
        var facts: [RecordFacts] = []
        for record in repository.cases {
            findings += CaseRules.check(record, context)
            facts.append(.case(CaseFacts(record)))
        }
        for meeting in repository.meetings {
            findings += MeetingRules.check(meeting, context)
            facts.append(.meeting(MeetingSummary(meeting)))
        }
        findings += CrossRecordRules.check(facts, undecodedCaseFiles: repository.undecodedCaseFiles)
        findings += ProtocolLint.check(engine, file: repository.configuration.file, facts, asOf: asOf)
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

/// What the per-file rules look things up in: the agency and MARAC ids of marac.toml, the
/// protocol switches they follow, and the date lint runs as of (today, or `--as-of`).
package struct LintContext: Sendable {
    /// The ids in marac.toml's order.
    let agencyIDs: [String]
    let maracIDs: [String]
    let asOf: LocalDate
    /// Whether `asOf` is today (else a date given with `--as-of`).
    let asOfIsToday: Bool
    /// `consent_reason_required` (on when marac.toml's protocol settings cannot be read; that
    /// is reported as an error of its own).
    let consentReasonRequired: Bool
    /// The protocol engine, for the per-file rules that follow the profile; `nil` when
    /// marac.toml's protocol settings cannot be read (those rules are then not checked).
    let engine: ProtocolEngine?

    package init(_ configuration: Configuration, engine: ProtocolEngine?, asOf: LocalDate = .today()) {
        agencyIDs = configuration.agencies.map(\.id)
        maracIDs = configuration.maracs.map(\.id)
        self.asOf = asOf
        asOfIsToday = asOf == .today()
        consentReasonRequired = engine?.rules.consentReasonRequired ?? true
        self.engine = engine
    }

    /// The context of `configuration`, loading its protocol settings.
    package init(_ configuration: Configuration, asOf: LocalDate = .today()) {
        self.init(configuration, engine: try? ProtocolEngine.load(configuration), asOf: asOf)
    }

    /// A finding for a MARAC id not in marac.toml, if `marac` is one. The id typed is never
    /// shown (it could be anything); the closest MARAC id and the list are.
    func unknownMarac(_ marac: String?, file: String, at position: @autoclosure () -> SourcePosition?) -> Diagnostic? {
        guard let marac, !maracIDs.contains(marac) else { return nil }
        return Diagnostic(
            file: file, position: position(),
            message: "marac names a MARAC id that is not in marac.toml" + Self.choices(marac, maracIDs, "MARACs"),
            rule: .unknownMarac)
    }

    /// A finding for an agency id not in marac.toml, if `agency` is one (the field's name and
    /// position are worked out only then).
    func unknownAgency(
        _ agency: String?, field: @autoclosure () -> String, file: String, at position: @autoclosure () -> SourcePosition?
    ) -> Diagnostic? {
        guard let agency, !agencyIDs.contains(agency) else { return nil }
        let choices = Self.choices(agency, agencyIDs, "agencies")
        return Diagnostic(
            file: file, position: position(),
            message: "\(field()) names an agency id that is not in marac.toml" + choices
                + (choices.contains("did you mean") ? "" : "; correct it, or add an [[agency]] with that id to marac.toml"),
            rule: .unknownAgency)
    }

    /// "; did you mean police? The agencies in marac.toml: police, idva, ..."
    static func choices(_ typed: String, _ ids: [String], _ plural: String) -> String {
        guard !ids.isEmpty else { return "; marac.toml has no \(plural) yet" }
        let list = "the \(plural) in marac.toml: " + ids.joined(separator: ", ")
        guard let suggestion = DidYouMean.closest(to: typed, among: ids) else { return "; " + list }
        return "; did you mean \(suggestion)? " + list.prefix(1).uppercased() + list.dropFirst()
    }
}
