import Foundation
import MaracBase
import MaracIndex
import MaracProtocol
import MaracRecords
import MaracRepository
import MaracTOML
import MaracVault

/// `mfile sweep --purge`: the cases past their retention period (`RetentionSweep`), what
/// destroying each would remove, and (with a decision) their destruction: the case file and
/// its `transfers/<id>/` folder, its `[[hearing]]` in each meeting file, then every earlier
/// version of those files from the git history (`PurgeHistory.strip`), with a destruction
/// record of ids and dates in `destroyed/YYYY.toml`, which git-crypt encrypts.
///
/// Earlier versions of the *meeting* files still hold the hearing in the history, encrypted:
/// stripping them would remove every other case's minutes too (`meeting_history =
/// "kept-encrypted"` in the record says so).
public enum RetentionPurge {
    /// Who decided the destruction (roles, never names).
    public enum Role: String, Sendable, CaseIterable {
        case chair, coordinator
        case steeringGroup = "steering-group"
        case dataProtectionOfficer = "data-protection-officer"
    }

    public struct Decision: Sendable {
        public var role: Role
        public var decided: LocalDate
        /// The meeting that decided it (`<date>-<marac>`).
        public var reference: String?

        public init(role: Role, decided: LocalDate, reference: String?) {
            self.role = role
            self.decided = decided
            self.reference = reference
        }
    }

    /// One case to destroy and what goes with it.
    public struct Item: Sendable {
        public var due: RetentionSweep.Due
        public var marac: String?
        /// Repository-relative: the case file, and the files of `transfers/<id>/`.
        public var files: [String]
        /// The meetings with a `[[hearing]]` of the case, by id (and file).
        public var meetings: [(id: String, file: String)]
        /// Files under `papers/` that name the case id (left for the administrator).
        public var papers: [String]
        public var disclosures: Int
    }

    public struct Outcome: Sendable {
        public var asOf: LocalDate
        public var period: RulePeriod?
        public var items: [Item]
        /// `--case` ids that are not due (or not cases).
        public var notDue: [String]
        /// Whether the destruction was carried out.
        public var applied = false
        /// The destruction record written (repository-relative).
        public var record: String?
        public var blobsRemoved = 0
    }

    /// What a purge as of `asOf` would remove; `only` restricts it to those case ids.
    public static func plan(_ repository: Repository, asOf: LocalDate, only: [String] = []) throws -> Outcome {
        let engine = try ProtocolEngine.load(repository.configuration)
        let records = ProtocolRecords(engine: engine, repository: repository)
        var due = RetentionSweep.due(records, asOf: asOf)
        var notDue: [String] = []
        if !only.isEmpty {
            notDue = only.filter { id in !due.contains { $0.caseID == id } }
            due = due.filter { only.contains($0.caseID) }
        }
        let papers = try papersNaming(due.map(\.caseID), root: repository.root)
        let items = due.map { item -> Item in
            let record = repository.findCase(item.caseID)
            let transfers = files(under: "\(Repository.transfersFolder)/\(item.caseID)", root: repository.root)
            let meetings = repository.meetings.filter { $0.hearings.contains { $0.caseID == item.caseID } }
                .compactMap { meeting in meeting.id.map { ($0, meeting.file) } }
            return Item(
                due: item, marac: record?.marac, files: [item.file] + transfers, meetings: meetings,
                papers: papers[item.caseID] ?? [], disclosures: record?.disclosures.count ?? 0)
        }
        return Outcome(asOf: asOf, period: engine.rules.period(.retentionMonths), items: items, notDue: notDue.map(ShownID.caseID))
    }

    /// Destroys the cases of `plan` (see the type), in a clean, encrypted git work tree with
    /// git-filter-repo, or nothing changes. `lock` is the repository lock, taken before
    /// `repository` was read, so what is destroyed is what was planned.
    public static func apply(
        _ plan: Outcome, decision: Decision, repository: Repository, under lock: RepositoryLock
    ) throws -> Outcome {
        var outcome = plan
        guard !plan.items.isEmpty, let period = plan.period else { return outcome }
        let root = repository.root
        guard let layout = try VaultLayout.find(root: root) else {
            throw RepositoryError(VaultLayout.notARepositoryMessage(root) + "; destruction also removes the files from the git history, so the records must be in git; nothing was changed")
        }
        try PurgeHistory.preconditions(layout, again: "mfile sweep --purge --apply")
        let recordPath = "\(destroyedFolder)/\(plan.asOf.year).toml"
        guard try AttributeCheck(layout: layout).unencrypted([layout.gitPath(recordPath)]).isEmpty else {
            throw RepositoryError("\(recordPath) would be committed unencrypted; run 'mfile doctor' and fix what it lists; nothing was changed")
        }
        var blobsByCase: [String: Set<String>] = [:]
        for item in plan.items {
            blobsByCase[item.due.caseID] = try historyBlobs(of: [item.due.file, "\(Repository.transfersFolder)/\(item.due.caseID)"], layout: layout)
        }
        let blobs = blobsByCase.values.reduce(into: Set<String>()) { $0.formUnion($1) }

        // 1. The destruction record, 2. the files, 3. the hearings, 4. one commit.
        try DestructionRecord.append(plan.items, period: period, decision: decision, destroyed: plan.asOf, to: recordPath, root: root)
        var changed = [recordPath]
        for item in plan.items {
            for file in item.files { try? FileManager.default.removeItem(at: root.appendingPathComponent(file)) }
            try? FileManager.default.removeItem(at: root.appendingPathComponent("\(Repository.transfersFolder)/\(item.due.caseID)"))
            changed += item.files
        }
        for file in Set(plan.items.flatMap { $0.meetings.map(\.file) }).sorted() {
            try removeHearings(of: Set(plan.items.map(\.due.caseID)), in: file, root: root)
            changed.append(file)
        }
        let ids = plan.items.map(\.due.caseID).joined(separator: ", ")
        try commit(changed, message: "Destroyed after the retention period: \(ids)", layout: layout)

        // 5. Every earlier version of the removed files, out of the history; 6. the record says so.
        let keep = layout.commonDirectory.appendingPathComponent("mfile-retention")
        try? FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
        if !blobs.isEmpty {
            _ = try PurgeHistory.strip(layout, objects: blobs, listIn: keep)
        }
        try? FileManager.default.removeItem(at: keep)
        try DestructionRecord.markRewritten(blobsByCase.mapValues(\.count), on: plan.asOf, in: recordPath, root: root)
        try commit([recordPath], message: "History rewritten without the destroyed cases: \(ids)", layout: layout)
        _ = try? IndexStore.current(root: root)
        outcome.applied = true
        outcome.record = recordPath
        outcome.blobsRemoved = blobs.count
        return outcome
    }

    /// Where destruction records are kept.
    public static let destroyedFolder = "destroyed"

    /// Every blob ever stored at `paths` (files, or folders and what is under them), leaving
    /// out any blob some other path also uses (identical content elsewhere must stay).
    static func historyBlobs(of paths: [String], layout: VaultLayout) throws(RepositoryError) -> Set<String> {
        func blobs(_ arguments: [String]) throws(RepositoryError) -> [(object: String, path: String)] {
            let listing = try layout.git.run(["rev-list", "--all", "--objects"] + arguments)
            guard listing.status == 0 else { throw RepositoryError("'git rev-list' failed; run 'mfile doctor'; nothing was changed") }
            return listing.text.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: " ", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }
        }
        let gitPaths = paths.map { layout.gitPath($0) }
        let ours = try blobs(["--"] + gitPaths).filter { entry in
            gitPaths.contains { entry.path == $0 || entry.path.hasPrefix($0 + "/") }
        }
        guard !ours.isEmpty else { return [] }
        let types = try layout.git.run(["cat-file", "--batch-check=%(objectname) %(objecttype)"], input: Array(ours.map { $0.object + "\n" }.joined().utf8))
        let isBlob = Set(types.text.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            return parts.count == 2 && parts[1] == "blob" ? String(parts[0]) : nil
        })
        let candidates = Set(ours.map(\.object)).intersection(isBlob)
        let shared = Set(try blobs([]).filter { entry in
            candidates.contains(entry.object) && !gitPaths.contains { entry.path == $0 || entry.path.hasPrefix($0 + "/") }
        }.map(\.object))
        return candidates.subtracting(shared)
    }

    /// The case's `[[hearing]]` tables removed from a meeting file, every other byte kept.
    static func removeHearings(of ids: Set<String>, in file: String, root: URL) throws {
        let url = root.appendingPathComponent(file)
        var editor = try TOMLEditor(bytes: try FileSystem.read(url))
        let hearings = editor.table["hearing"]?.array ?? []
        for index in hearings.indices.reversed() {
            guard let id = hearings[index].table?["case"]?.string, ids.contains(id) else { continue }
            editor = try editor.removingArrayTableEntry(at: [.key("hearing")], index: index)
        }
        try AtomicWrite.write(editor.bytes, to: url)
    }

    static func commit(_ paths: [String], message: String, layout: VaultLayout) throws(RepositoryError) {
        let gitPaths = paths.map { layout.gitPath($0) }
        let add = try layout.git.run(["add", "--all", "--"] + gitPaths)
        guard add.status == 0 else { throw RepositoryError("'git add' failed; check with 'git status' and commit the changes yourself") }
        let staged = try PreCommitCheck.stagedPlaintext(layout)
        guard staged.isEmpty else {
            throw RepositoryError("a changed file would be committed unencrypted; run 'mfile doctor'; the changes are not committed")
        }
        let commit = try layout.git.run(["commit", "-q", "-m", message, "--"] + gitPaths)
        guard commit.status == 0 else {
            throw RepositoryError("the changes are made but not committed (git commit failed); commit them with: git commit -m '\(message)'")
        }
    }

    /// The files under a repository-relative folder, repository-relative, sorted.
    static func files(under folder: String, root: URL) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(folder + "/" + url.path.dropFirst(base.path.count + 1))
        }
        return found.sorted()
    }

    /// The files under `papers/` (at most 16 MiB each) that name each case id.
    static func papersNaming(_ ids: [String], root: URL) throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        var found: [String: [String]] = [:]
        for path in files(under: Repository.papersFolder, root: root) {
            let url = root.appendingPathComponent(path)
            guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, size <= 16 << 20,
                  let bytes = try? FileSystem.read(url) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            for id in ids where text.contains(id) { found[id, default: []].append(path) }
        }
        return found
    }
}
