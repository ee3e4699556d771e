import Foundation
import MaracBase
import MaracJSON
import MaracPapers
import MaracProtocol
import MaracRecords
import MaracRepository
import MaracVault

/// `mfile sweep` as one workflow: the cases whose flag period has ended, each agency's notice
/// to lift its flags, and (when asked) the lifting recorded in each case file and committed;
/// then the closed cases past their retention period, for a destruction review
/// (`RetentionPurge` destroys them).
public enum Sweep {
    /// Where the notices go.
    public enum NoticeTarget: Sendable, Equatable {
        /// `papers/flag-notices/DATE/` in the repository (kept out of git, or encrypted).
        case papersFolder
        /// A folder of the user's choice (refused when git would keep it in plain text).
        case folder(URL)
        /// Returned as text (`Outcome.noticeTexts`), or given to `Request.writeText` as each is
        /// ready when there is one and the sweep writes nothing.
        case text
    }

    public struct Request: Sendable {
        public var asOf: LocalDate
        public var notices: NoticeTarget
        /// Record `[flag] lifted` and `notice` in each due case file.
        public var apply: Bool
        /// With `apply`: commit the changed case files (the message names case ids only).
        public var commit: Bool
        /// Where a dry run's notices to `.text` go, one at a time, so a sweep of thousands of
        /// flags never holds every notice at once.
        public var writeText: (@Sendable (String) -> Void)?

        public init(
            asOf: LocalDate, notices: NoticeTarget = .papersFolder, apply: Bool = false, commit: Bool = false,
            writeText: (@Sendable (String) -> Void)? = nil
        ) {
            self.asOf = asOf
            self.notices = notices
            self.apply = apply
            self.commit = commit
            self.writeText = writeText
        }
    }

    public struct Outcome: Sendable {
        public var asOf: LocalDate
        public var period: RulePeriod
        /// The cases whose flags are due to be lifted, by case id.
        public var due: [FlagSweep.Due]
        /// Cases already recorded as lifted on `asOf` (their notices are written again).
        public var alreadyLifted: [FlagSweep.Due]
        /// The notice files written (absolute paths), or none with `.text`.
        public var noticeFiles: [String]
        /// The notices' text, with `.text`.
        public var noticeTexts: [String]
        /// The case files changed (repository-relative).
        public var applied: [String]
        public var failed: [FlagLifting.Failure]
        public var committed: Bool
        /// `retention_months` (`nil`: no retention period, nothing reviewed).
        public var retentionPeriod: RulePeriod?
        /// Cases past their retention period, for a destruction review (`RetentionSweep`).
        public var retentionDue: [RetentionSweep.Due] = []
    }

    /// Runs the sweep. Nothing in `cases/` changes unless `apply`; with `commit` outside a git
    /// repository nothing changes at all. When the sweep will write (`apply`, or notices to a
    /// folder) it takes the repository lock before `load` reads the records, so what it writes
    /// follows from what it read. `progress` counts the case files as the lifting is recorded.
    public static func run(
        _ request: Request, root: URL, progress: ProgressLine? = nil, load: (URL) throws -> Repository
    ) throws -> Outcome {
        if request.commit, try VaultLayout.find(root: root) == nil {
            throw RepositoryError(VaultLayout.notARepositoryMessage(root) + "; nothing was changed (or run without --commit)")
        }
        let lock = request.apply || request.notices != .text ? try RepositoryLock.acquire(root: root) : nil
        let repository = try load(root)
        var timer = PhaseTimer()
        let engine = try ProtocolEngine.load(repository.configuration)
        let period = try flagPeriod(engine)
        let records = ProtocolRecords(engine: engine, repository: repository)
        let due = FlagSweep.due(repository, records: records, asOf: request.asOf)
        let alreadyLifted = FlagSweep.liftedOn(request.asOf, repository, records: records)
        timer.lap("flags due")
        var outcome = Outcome(
            asOf: request.asOf, period: period, due: due, alreadyLifted: alreadyLifted, noticeFiles: [], noticeTexts: [],
            applied: [], failed: [], committed: false,
            retentionPeriod: engine.rules.period(.retentionMonths), retentionDue: RetentionSweep.due(records, asOf: request.asOf))
        try writeNotices(
            (due + alreadyLifted).sorted { $0.caseID < $1.caseID }, to: request.notices, repository: repository,
            period: period, asOf: request.asOf, into: &outcome, writeText: request.apply ? nil : request.writeText)
        timer.lap("notices")
        if request.apply {
            (outcome.applied, outcome.failed) = FlagLifting.apply(due, asOf: request.asOf, root: root, progress: progress)
            if request.commit, !outcome.applied.isEmpty {
                try FlagLifting.commit(outcome.applied, due: due, asOf: request.asOf, root: root)
                outcome.committed = true
            }
        }
        withExtendedLifetime(lock) {}
        return outcome
    }

    /// The effective flag period (every profile has SafeLives' twelve months [002 §3 duty 7]),
    /// or why there is none.
    public static func flagPeriod(_ engine: ProtocolEngine) throws -> RulePeriod {
        guard let period = engine.rules.flagPeriod else {
            throw RepositoryError("marac.toml's [rules] switch the flag period off (flag_months = false), so no flags are due to be lifted; set one, e.g. flag_months = 12")
        }
        return period
    }

    /// One notice per agency with flags to lift.
    static func writeNotices(
        _ due: [FlagSweep.Due], to target: NoticeTarget, repository: Repository, period: RulePeriod, asOf: LocalDate,
        into outcome: inout Outcome, writeText: (@Sendable (String) -> Void)? = nil
    ) throws {
        guard !due.isEmpty else { return }
        let folder: URL?
        switch target {
        case .papersFolder:
            folder = repository.root.appendingPathComponent("\(Repository.papersFolder)/flag-notices/\(asOf)")
        case .folder(let url):
            folder = url
        case .text:
            folder = nil
        }
        if let folder { try PapersGuard.check(folder, root: repository.root) }
        let wanted = Set(due.map(\.caseID))
        var byID: [String: Case] = [:]
        for record in repository.cases {
            if let id = record.id, wanted.contains(id), byID[id] == nil { byID[id] = record }
        }
        let contexts = due.map { item in byID[item.caseID].map { FlagNotice.caseContext(item, $0) } }
        let told = repository.configuration.agencies.compactMap { agency -> (Configuration.Agency, [JSONValue])? in
            let cases = due.indices.filter { due[$0].agencies.contains(agency.id) }.compactMap { contexts[$0] }
            return cases.isEmpty ? nil : (agency, cases)
        }
        // A few notices rendered at once on all cores, written in marac.toml's order.
        let batch = Swift.max(1, ProcessInfoCores.count)
        for start in stride(from: 0, to: told.count, by: batch) {
            let rendered = Array(told[start..<Swift.min(start + batch, told.count)]).concurrentMap { agency, cases in
                Result { () throws(PaperError) -> String in
                    try FlagNotice.render(agency: agency, caseContexts: cases, repository: repository, period: period, asOf: asOf)
                }
            }
            for (n, result) in rendered.enumerated() {
                let agency = told[start + n].0, text = try result.get()
                if let folder {
                    let url = folder.appendingPathComponent("\(agency.id).md")
                    try AtomicWrite.write(text, to: url, access: .ownerOnly)
                    outcome.noticeFiles.append(url.path)
                } else if let writeText {
                    writeText(text)
                } else {
                    outcome.noticeTexts.append(text)
                }
            }
        }
    }
}
