import Foundation
import MaracBase
import MaracLint
import MaracRecords
import MaracRepository
import MaracTOML

/// `mfile transfer in`: opens a transfer bundle, checks everything in it, and imports the case
/// under a new local id, keeping the sending MARAC's id as provenance.
///
/// The imported case file is the sender's bytes with `id`, `marac` and `status` set and two
/// entries appended: a `[[referral]]` with `criteria = ["transfer-in"]` (accepted on the day
/// received, so the case is listed for the next meeting) and a `[[transfer]]` with
/// `direction = "in"`, `from`, `received` and `their_id`. The bundle's papers and record data
/// are kept in `transfers/<new-id>/` so the sending MARAC's minutes can be rendered again
/// (`TransferMinutes`). A bundle that fails any check changes nothing.
public enum TransferIn {
    public struct Request: Sendable {
        public var bundle: URL
        public var key: AgeCrypt.Key
        public var received: LocalDate
        /// The local MARAC to hear the case (needed when marac.toml has several).
        public var marac: String?
        /// The referring agency of the new referral (default: the latest referral's agency,
        /// when it is an agency here too).
        public var agency: String?
        /// The sending MARAC, as the user names it (default: its name in the bundle).
        public var from: String?
        /// Accept a bundle that is unsigned, or signed by a key the allowed-signers file does
        /// not list (after checking with the sender by other means).
        public var acceptUnsigned: Bool

        public init(
            bundle: URL, key: AgeCrypt.Key, received: LocalDate, marac: String? = nil, agency: String? = nil, from: String? = nil,
            acceptUnsigned: Bool = false
        ) {
            self.acceptUnsigned = acceptUnsigned
            self.bundle = bundle
            self.key = key
            self.received = received
            self.marac = marac
            self.agency = agency
            self.from = from
        }
    }

    public struct Result: Sendable {
        public var caseID: String
        public var theirID: String
        /// The new case file, relative to the repository root.
        public var caseFile: String
        /// The folder keeping the bundle's papers and record data.
        public var folder: String
        /// Lint warnings on the new file (errors refuse the import).
        public var warnings: [Diagnostic]
        /// The known MARAC whose key signed the bundle; `nil` when accepted with `--unsigned`.
        public var signedBy: String?
    }

    /// Opens and checks a bundle, without changing anything. The bundle is never held in
    /// memory whole: `age` reads the file and the archive is read as it is decrypted, keeping
    /// only files within `limits`, and `age` is stopped as soon as a limit is passed.
    public static func open(_ url: URL, key: AgeCrypt.Key, age: AgeCrypt, limits: TarArchive.Limits = .bundle) throws -> CaseBundle {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw TransferError("\(url.path) cannot be read (\(FileSystem.errnoText()))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw TransferError("\(url.path) is not a file") }
        // age adds 16 bytes to every 64 KiB and a header; tar a block or two to every file.
        let largest = limits.totalBytes + limits.totalBytes / 1024 + limits.files * 1024 + (1 << 20)
        guard Int(info.st_size) <= largest else {
            throw TransferError("the bundle is \(TarArchive.Limits.describe(Int(info.st_size))), more than any case bundle (at most \(TarArchive.Limits.describe(limits.totalBytes)) of papers and records); nothing was read or changed")
        }
        var reader = TarArchive.Reader(limits: limits)
        var failure: TarArchive.Failure?
        let finished = try age.decrypt(file: url, key: key) { chunk in
            do throws(TarArchive.Failure) {
                try reader.feed(chunk)
                return true
            } catch {
                failure = error
                return false
            }
        }
        let entries: [TarArchive.Entry]
        do throws(TarArchive.Failure) {
            if let failure { throw failure }
            precondition(finished, "age stops only when a limit is passed")
            entries = try reader.finish()
        } catch {
            throw TransferError(reasons: ["the bundle failed its checks; nothing was changed:", "the archive inside: \(error.message)"])
        }
        do {
            return try CaseBundle.read(entries: entries)
        } catch {
            throw TransferError(reasons: ["the bundle failed its checks; nothing was changed:"] + error.reasons)
        }
    }

    public static func run(_ request: Request, root: URL, age: AgeCrypt) throws -> Result {
        let lock = try RepositoryLock.acquire(root: root)
        defer { withExtendedLifetime(lock) {} }
        let bundle = try open(request.bundle, key: request.key, age: age)
        let signedBy = try signer(of: bundle, root: root, acceptUnsigned: request.acceptUnsigned)
        let data: TransferRecord
        do { data = try TransferRecord.from(bundle) } catch {
            throw TransferError(reasons: ["the bundle cannot be imported; nothing was changed:"] + error.reasons)
        }
        let repository = try Repository.load(at: root)
        let schemas = try RecordSchemas.load(repository: root)

        // The bundle's own parts, as sent: valid TOML meeting this repository's schemas.
        let sent = data.repository(root: root, schemas: schemas, prefix: "bundle:")
        var reasons = sent.diagnostics.filter { $0.severity == .error }.map(\.line)
        guard let theirs = sent.cases.first, let theirID = theirs.id else {
            throw TransferError(reasons: ["the bundle's case file cannot be read; nothing was changed:"] + reasons)
        }
        if theirID != bundle.caseID { reasons.append("bundle:\(TransferRecord.casePath): its id is not the case named in the manifest") }
        for meeting in sent.meetings where !meeting.hearings.contains(where: { $0.caseID == theirID }) {
            reasons.append("\(meeting.file): holds no hearing of the case")
        }
        if !reasons.isEmpty { throw TransferError(reasons: ["the bundle failed its checks; nothing was changed:"] + reasons) }
        if repository.cases.contains(where: { record in
            (record.table["transfer"]?.array ?? []).contains {
                $0.table?["direction"]?.string == "in" && $0.table?["their_id"]?.string == theirID
            }
        }) {
            throw TransferError("a case transferred in with their id \(ShownID.caseID(theirID)) is already in cases/; nothing was changed")
        }

        let marac = try chooseMarac(request.marac, repository.configuration)
        let agency = try chooseAgency(request.agency, latest: theirs.latestReferral, repository.configuration)
        guard let year = theirs.firstReceived?.year else { throw TransferError("the bundle's case has no referral date; nothing was changed") }
        let id = try CaseIDAllocator(root: root).next(year: year)
        let caseFile = "\(Repository.casesFolder)/\(year)/\(id).toml"
        let from = request.from ?? TransferOut.maracName(theirs, sent)

        var edit = CaseFileEdit(bytes: data.caseBytes)
        do {
            try edit.setText("id", id)
            try edit.setText("marac", marac)
            try edit.setText("status", Case.Status.open.rawValue)
            try edit.appendEntry("referral", referral(after: theirs.latestReferral, agency: agency, received: request.received))
            try edit.appendEntry("transfer", [
                ("direction", .string("in")), ("from", .string(from)), ("received", .localDate(request.received)),
                ("their_id", .string(theirID)),
            ] + (signedBy.map { [("signed_by", TOMLValue.string($0))] } ?? []))
        } catch {
            throw TransferError("bundle:\(TransferRecord.casePath): \(error.message); nothing was changed")
        }

        // The new file as it would sit in this repository: lint-clean, or refused.
        var imported = repository
        var problems: [Diagnostic] = []
        switch RecordText.decode(edit.bytes, file: caseFile) {
        case .failure(let problem): problems.append(problem)
        case .success(let table):
            problems += schemas.validate(.case, table, file: caseFile)
            imported.cases.append(Case(table: table, file: caseFile, problems: &problems))
        }
        imported.diagnostics += problems
        let findings = Linter.restrict(Linter.lint(imported), to: [caseFile])
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw TransferError(reasons: ["the imported case would not lint clean here; nothing was changed:"] + errors.map(\.line))
        }

        // The bundle's contents, then the case file last (never over an existing one).
        let keep = "\(Repository.transfersFolder)/\(id)"
        let keepURL = root.appendingPathComponent(keep)
        if FileManager.default.fileExists(atPath: keepURL.path) {
            throw TransferError("\(keep) already exists; nothing was changed")
        }
        do {
            let signature = bundle.signature.map { [TarArchive.Entry(path: CaseBundle.signaturePath, bytes: $0)] } ?? []
            for entry in [TarArchive.Entry(path: CaseBundle.manifestPath, bytes: bundle.manifestBytes)] + signature + bundle.files {
                try AtomicWrite.write(entry.bytes, to: keepURL.appendingPathComponent(entry.path), mode: .createNew, access: .ownerOnly)
            }
            try AtomicWrite.write(edit.bytes, to: root.appendingPathComponent(caseFile), mode: .createNew)
        } catch {
            try? FileManager.default.removeItem(at: keepURL)
            throw error
        }
        return Result(caseID: id, theirID: theirID, caseFile: caseFile, folder: keep, warnings: findings, signedBy: signedBy)
    }

    /// The known MARAC that signed the bundle; `nil` for a bundle accepted unsigned. A bundle
    /// unsigned or signed by an unknown key is refused unless `acceptUnsigned`; a signature
    /// that does not match the bundle is always refused.
    static func signer(of bundle: CaseBundle, root: URL, acceptUnsigned: Bool) throws -> String? {
        switch try BundleSignature.verify(bundle.manifestBytes, signature: bundle.signature, root: root) {
        case .signed(let by):
            return by
        case .unsigned:
            guard acceptUnsigned else {
                throw TransferError("the bundle is not signed, so nothing shows which MARAC sent it; nothing was changed. Ask the sender to sign it ('mfile transfer out --signing-key FILE'), or, once you have checked with them by phone that they sent it, accept it with --unsigned")
            }
            return nil
        case .unknownSigner:
            guard acceptUnsigned else {
                throw TransferError("the bundle is signed by a key that \(BundleSignature.allowedSignersPath) does not list, so it is not known which MARAC sent it; nothing was changed. Add the sending MARAC's public key there (a line: NAME namespaces=\"\(BundleSignature.namespace)\" KEY), or, once you have checked with them by phone, accept it with --unsigned")
            }
            return nil
        }
    }

    /// The new referral: transfer-in, accepted on arrival, carrying the latest risk assessment.
    static func referral(after latest: Referral?, agency: String, received: LocalDate) -> [(String, TOMLValue)] {
        var members: [(String, TOMLValue)] = [("received", .localDate(received)), ("agency", .string(agency))]
        if let incident = latest?.incident { members.append(("incident", .localDate(incident))) }
        if let tool = latest?.riskTool { members.append(("risk_tool", .string(tool))) }
        if let score = latest?.riskScore { members.append(("risk_score", .integer(Int64(score)))) }
        members.append(("criteria", .array([TOMLNode(.string(Referral.Criterion.transferIn.rawValue), range: .none)])))
        if let consent = latest?.reader.string("consent") { members.append(("consent", .string(consent))) }
        if let reason = latest?.reader.string("consent_reason") { members.append(("consent_reason", .string(reason))) }
        members += [("decision", .string(Referral.Decision.accepted.rawValue)), ("decided", .localDate(received))]
        return members
    }

    static func chooseMarac(_ given: String?, _ configuration: Configuration) throws(TransferError) -> String {
        let maracs = configuration.maracs.map(\.id)
        if let given {
            guard maracs.contains(given) else { throw TransferError("--marac must be one of the MARACs in marac.toml: \(maracs.joined(separator: ", "))") }
            return given
        }
        guard maracs.count == 1 else { throw TransferError("marac.toml has \(maracs.count) MARACs; choose one with --marac (\(maracs.joined(separator: ", ")))") }
        return maracs[0]
    }

    static func chooseAgency(_ given: String?, latest: Referral?, _ configuration: Configuration) throws(TransferError) -> String {
        let agencies = configuration.agencies.map(\.id)
        if let given {
            guard agencies.contains(given) else { throw TransferError("--agency must be an [[agency]] id in marac.toml: \(agencies.joined(separator: ", "))") }
            return given
        }
        if let agency = latest?.agency, agencies.contains(agency) { return agency }
        throw TransferError("say which agency refers the case here with --agency ID (an [[agency]] id in marac.toml: \(agencies.joined(separator: ", ")))")
    }
}
