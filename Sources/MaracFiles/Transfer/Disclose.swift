import Foundation
import MaracBase
import MaracPapers
import MaracRecords
import MaracRepository
import MaracTOML

/// `mfile disclose`: a case's papers for someone outside the meeting (a domestic homicide
/// review, a court, a subject access request), with a cover sheet stating who receives them,
/// on what basis, when and with what restrictions, encrypted with `age`; and the decision
/// recorded in the case file as a `[[disclosure]]` entry, appended byte for byte.
public enum Disclose {
    public static let kinds = ["dhr", "court", "subject-access", "safeguarding-review", "other"]

    public struct Request: Sendable {
        public var caseID: String
        public var to: String
        public var basis: String
        public var parts: Set<CasePapers.Part>
        public var kind: String?
        public var requested: LocalDate?
        public var restrictions: String?
        public var decidedBy: String?
        public var date: LocalDate
        public var lock: AgeCrypt.Lock
        public var output: URL
        public var confirmClosed: Bool

        public init(
            caseID: String, to: String, basis: String, parts: Set<CasePapers.Part>, kind: String?, requested: LocalDate?,
            restrictions: String?, decidedBy: String?, date: LocalDate, lock: AgeCrypt.Lock, output: URL, confirmClosed: Bool
        ) {
            self.caseID = caseID
            self.to = to
            self.basis = basis
            self.parts = parts
            self.kind = kind
            self.requested = requested
            self.restrictions = restrictions
            self.decidedBy = decidedBy
            self.date = date
            self.lock = lock
            self.output = output
            self.confirmClosed = confirmClosed
        }
    }

    public struct Result: Sendable {
        public var caseFile: String
        public var papers: [String]
    }

    public static let defaultRestrictions = "For the purpose stated above only. Not to be copied, shared further or used for any other purpose without the MARAC chair's agreement; destroy securely when no longer needed."

    public static func run(_ request: Request, root: URL, age: AgeCrypt) throws -> Result {
        guard !request.parts.isEmpty else { throw TransferError("say what to disclose with --what (minutes, actions, referral)") }
        if let kind = request.kind, !kinds.contains(kind) {
            throw TransferError("--kind must be one of: \(kinds.joined(separator: ", "))")
        }
        if let requested = request.requested, requested > request.date {
            throw TransferError("--requested is after the date of disclosure (--as-of)")
        }
        let lock = try RepositoryLock.acquire(root: root)
        defer { withExtendedLifetime(lock) {} }
        let repository = try Repository.load(at: root)
        let record = try CaseChecks.find(request.caseID, in: repository)
        let engine = try Papers.engine(for: repository.configuration)
        let closed = SessionScope.isClosedSession(record, engine: engine)
            || TransferRecord.heardAt(request.caseID, in: repository).contains { $0.kind == .closed }
        if closed, !request.confirmClosed {
            throw TransferError("case \(ShownID.caseID(request.caseID)) is heard in a closed session: its papers are kept apart. Check the chair agreed to this disclosure, then run again with --confirm-closed")
        }
        let papers = try CasePapers.render(record, repository: repository, parts: request.parts, asOf: request.date)
        guard !papers.isEmpty else { throw TransferError("case \(ShownID.caseID(request.caseID)) has none of the papers asked for (no hearing has minutes yet?)") }
        let restrictions = request.restrictions ?? defaultRestrictions

        var edit = CaseFileEdit(bytes: try FileSystem.read(root.appendingPathComponent(record.file)))
        var entry: [(String, TOMLValue)] = [("date", .localDate(request.date))]
        if let requested = request.requested { entry.append(("requested", .localDate(requested))) }
        if let kind = request.kind { entry.append(("kind", .string(kind))) }
        entry += [
            ("to", .string(request.to)), ("what", .string(papers.map(\.title).joined(separator: "; "))),
            ("basis", .string(request.basis)), ("restrictions", .string(restrictions)),
        ]
        if let decidedBy = request.decidedBy { entry.append(("decided_by", .string(decidedBy))) }
        do { try edit.appendEntry("disclosure", entry) } catch { throw TransferError("\(record.file): \(error.message)") }
        try CaseChecks.validate(edit.bytes, file: record.file, root: root)

        let cover = try CasePapers.cover(
            CasePapers.Cover(
                title: "Disclosure of MARAC information",
                purpose: "Information disclosed by the MARAC: the papers listed below, on the basis and with the restrictions stated here.",
                caseID: request.caseID, from: TransferOut.maracName(record, repository), to: request.to, kind: kindLabel(request.kind),
                requested: request.requested, date: request.date, basis: request.basis, decidedBy: request.decidedBy,
                restrictions: restrictions, marac: record.marac, closed: closed),
            papers: papers, recordFiles: [], repository: repository)
        let bundle = CaseBundle(
            kind: .disclosure, caseID: request.caseID, marac: record.marac ?? "", created: request.date,
            files: ([cover] + papers).map { TarArchive.Entry(path: $0.path, bytes: Array($0.html.utf8)) })
        let sealed = try age.encrypt(bundle.archive(), lock: request.lock)
        try AtomicWrite.write(sealed, to: request.output, mode: .createNew, access: .ownerOnly)
        do {
            try AtomicWrite.write(edit.bytes, to: root.appendingPathComponent(record.file))
        } catch {
            unlink(request.output.path)
            throw error
        }
        return Result(caseFile: record.file, papers: ([cover] + papers).map(\.path))
    }

    static func kindLabel(_ kind: String?) -> String? {
        switch kind {
        case "dhr": "Domestic homicide review"
        case "court": "Court"
        case "subject-access": "Subject access request"
        case "safeguarding-review": "Safeguarding review"
        case "other": "Other"
        default: nil
        }
    }
}
