import Foundation
import MaracBase
import MaracLint
import MaracPapers
import MaracRecords
import MaracRepository
import MaracTOML

/// `mfile transfer out`: the case's papers and record data in one encrypted bundle for the
/// receiving MARAC, and the transfer recorded in the case file (`[[transfer]]` with
/// `direction = "out"`, and `status = "transferred-out"`).
public enum TransferOut {
    public struct Request: Sendable {
        public var caseID: String
        /// The receiving MARAC, as the user names it.
        public var to: String
        public var lock: AgeCrypt.Lock
        /// The day the bundle is made and sent.
        public var sent: LocalDate
        /// The day this MARAC learned the victim moved (the 3 working days count from here).
        public var notified: LocalDate?
        public var output: URL
        public var confirmClosed: Bool
        /// The sending MARAC's SSH private key, to sign the bundle (`BundleSignature`).
        public var signingKey: String?
        /// Send the bundle unsigned (no `signingKey`), on purpose.
        public var unsigned: Bool

        public init(
            caseID: String, to: String, lock: AgeCrypt.Lock, sent: LocalDate, notified: LocalDate?, output: URL, confirmClosed: Bool,
            signingKey: String? = nil, unsigned: Bool = false
        ) {
            self.signingKey = signingKey
            self.unsigned = unsigned
            self.caseID = caseID
            self.to = to
            self.lock = lock
            self.sent = sent
            self.notified = notified
            self.output = output
            self.confirmClosed = confirmClosed
        }
    }

    public struct Result: Sendable {
        /// The case file edited, relative to the repository root.
        public var caseFile: String
        public var papers: [String]
        public var recordFiles: [String]
    }

    public static let restrictions = "For the receiving MARAC only: its coordinator, and its partner agencies' representatives under its information-sharing agreement. Not to be shared further without the sending MARAC chair's agreement."

    /// Builds, encrypts and writes the bundle, then records the transfer in the case file.
    /// Nothing is written if any step fails.
    public static func run(_ request: Request, root: URL, age: AgeCrypt) throws -> Result {
        let lock = try RepositoryLock.acquire(root: root)
        defer { withExtendedLifetime(lock) {} }
        let repository = try Repository.load(at: root)
        let record = try CaseChecks.find(request.caseID, in: repository)
        if record.status == .transferredOut {
            throw TransferError("case \(ShownID.caseID(request.caseID)) is already transferred out (status = \"transferred-out\"); nothing was sent")
        }
        let engine = try Papers.engine(for: repository.configuration)
        guard request.signingKey != nil || request.unsigned else {
            throw TransferError("sign the bundle with the MARAC's SSH key (--signing-key FILE, or MFILE_SIGNING_KEY=FILE), so the receiving MARAC can tell it came from you; or send it unsigned with --unsigned; nothing was sent")
        }
        let closed = SessionScope.isClosedSession(record, engine: engine)
            || TransferRecord.heardAt(request.caseID, in: repository).contains { $0.kind == .closed }
        if closed, !request.confirmClosed {
            throw TransferError("case \(ShownID.caseID(request.caseID)) is heard in a closed session: its papers are kept apart. Check the receiving MARAC may have them, then run again with --confirm-closed")
        }

        // The record edit first, so a file that cannot be edited stops everything.
        var edit = CaseFileEdit(bytes: try FileSystem.read(root.appendingPathComponent(record.file)))
        var entry: [(String, TOMLValue)] = [("direction", .string("out"))]
        if let notified = request.notified { entry.append(("notified", .localDate(notified))) }
        entry += [("sent", .localDate(request.sent)), ("to", .string(request.to))]
        do {
            try edit.setText("status", Case.Status.transferredOut.rawValue)
            try edit.appendEntry("transfer", entry)
        } catch {
            throw TransferError("\(record.file): \(error.message)")
        }
        try CaseChecks.validate(edit.bytes, file: record.file, root: root)

        let data = try TransferRecord.extract(record, from: repository)
        let papers = try CasePapers.render(record, repository: repository, parts: Set(CasePapers.Part.allCases), asOf: request.sent)
        let recordFiles = data.entries.map(\.path)
        let cover = try CasePapers.cover(
            CasePapers.Cover(
                title: "MARAC-to-MARAC transfer", purpose: "The case minutes, referrals with risk assessment and open action plan of a case transferred to your MARAC, with the record data your mfile imports ('mfile transfer in').",
                caseID: request.caseID, from: maracName(record, repository), to: request.to, kind: nil, requested: nil,
                date: request.sent, basis: "MARAC-to-MARAC transfer: the victim has moved to your area", decidedBy: nil,
                restrictions: restrictions, marac: record.marac, closed: closed),
            papers: papers, recordFiles: recordFiles, repository: repository)
        var bundle = CaseBundle(
            kind: .transfer, caseID: request.caseID, marac: record.marac ?? "", created: request.sent,
            files: ([cover] + papers).map { TarArchive.Entry(path: $0.path, bytes: Array($0.html.utf8)) } + data.entries)
        if let key = request.signingKey { bundle.signature = try BundleSignature.sign(bundle.manifestBytes, keyPath: key) }
        let sealed = try age.encrypt(bundle.archive(), lock: request.lock)

        try AtomicWrite.write(sealed, to: request.output, mode: .createNew, access: .ownerOnly)
        do {
            try AtomicWrite.write(edit.bytes, to: root.appendingPathComponent(record.file))
        } catch {
            unlink(request.output.path)
            throw error
        }
        return Result(caseFile: record.file, papers: ([cover] + papers).map(\.path), recordFiles: recordFiles)
    }

    static func maracName(_ record: Case, _ repository: Repository) -> String {
        record.marac.flatMap { repository.configuration.marac($0)?.name } ?? repository.configuration.name
    }
}

/// Checks shared by transfers and disclosures.
enum CaseChecks {
    /// The case with `id`, which must have no errors of its own (as `mfile lint` reports them).
    static func find(_ id: String, in repository: Repository) throws(TransferError) -> Case {
        guard let record = repository.findCase(id) else {
            throw TransferError("no case with id \(ShownID.caseID(id)) in cases/; give a case id as written in its file name")
        }
        // The file's own problems (reading, schema, case rules): cross-record checks need the
        // whole repository linted, which a large one makes slow, and do not change the bundle.
        let findings = repository.diagnostics.filter { $0.file == record.file }
            + CaseRules.check(record, LintContext(repository.configuration))
        let errors = findings.filter { $0.severity == .error }.sorted(by: Diagnostic.reportOrder)
        if !errors.isEmpty {
            throw TransferError(reasons: ["\(record.file) has \(errors.count) problem\(errors.count == 1 ? "" : "s"); fix \(errors.count == 1 ? "it" : "them") first (see 'mfile lint'):"] + errors.map(\.line))
        }
        return record
    }

    /// The edited case file still decodes and meets the schema.
    static func validate(_ bytes: [UInt8], file: String, root: URL) throws {
        let schemas = try RecordSchemas.load(repository: root)
        switch RecordText.decode(bytes, file: file) {
        case .failure(let problem): throw TransferError(reasons: ["the edited case file would not be valid TOML:", problem.line])
        case .success(let table):
            let problems = schemas.validate(.case, table, file: file).filter { $0.severity == .error }
            if !problems.isEmpty { throw TransferError(reasons: ["the edited case file would not meet the schema:"] + problems.map(\.line)) }
        }
    }
}
