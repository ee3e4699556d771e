import MaracBase
import MaracJSON

/// The plaintext of a transfer or disclosure bundle: `manifest.json` first, then every file it
/// lists, in a ustar archive (see `TarArchive`). The bundle file itself is this archive
/// encrypted with `age` (see `AgeCrypt`).
///
/// The manifest names the kind of bundle, the sending MARAC's case id, the date it was made,
/// and every file with its size and SHA-256; reading a bundle checks all of it.
public struct CaseBundle: Sendable, Equatable {
    public enum Kind: String, Sendable { case transfer, disclosure }

    public var kind: Kind
    /// The case id at the MARAC that made the bundle.
    public var caseID: String
    /// The MARAC (an `[[marac]]` id of the sending repository) the case belonged to.
    public var marac: String
    public var created: LocalDate
    /// The files, in manifest order (papers, then record data).
    public var files: [TarArchive.Entry]
    /// The sending MARAC's signature of the manifest (`BundleSignature`), if it signed.
    public var signature: [UInt8]?
    /// The manifest's bytes as read from a bundle (what the signature is of); `nil` for a
    /// bundle being made, whose manifest is `manifest`.
    public var readManifest: [UInt8]?

    /// Bundles are equal when they hold the same files, signature and manifest fields.
    public static func == (a: CaseBundle, b: CaseBundle) -> Bool {
        a.kind == b.kind && a.caseID == b.caseID && a.marac == b.marac && a.created == b.created
            && a.files == b.files && a.signature == b.signature
    }

    /// The manifest's bytes: as read, or as this mfile writes them.
    public var manifestBytes: [UInt8] { readManifest ?? Array(manifest.utf8) }

    public static let manifestPath = "manifest.json"

    /// The default file name of a bundle: `transfer-CASE-DATE.age`, `disclosure-CASE-DATE.age`
    /// (a case id's characters other than letters, digits and hyphens become `_`).
    public static func fileName(_ kind: String, caseID: String, date: LocalDate) -> String {
        let safe = String(caseID.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        return "\(kind)-\(safe)-\(date).age"
    }
    public static let format = "mfile-bundle"
    public static let version: Int64 = 1

    public init(kind: Kind, caseID: String, marac: String, created: LocalDate, files: [TarArchive.Entry], signature: [UInt8]? = nil) {
        self.kind = kind
        self.caseID = caseID
        self.marac = marac
        self.created = created
        self.files = files
        self.signature = signature
    }

    /// The file at `path`, if the bundle holds one.
    public func file(_ path: String) -> [UInt8]? { files.first { $0.path == path }?.bytes }

    /// The manifest as JSON text.
    public var manifest: String {
        let entries = files.map { entry -> JSONValue in
            .object([
                ("path", .string(entry.path)),
                ("size", .integer(Int64(entry.bytes.count))),
                ("sha256", .string(SHA256.hex(entry.bytes))),
            ])
        }
        return JSONWriter.write(.object([
            ("format", .string(Self.format)),
            ("version", .integer(Self.version)),
            ("kind", .string(kind.rawValue)),
            ("case", .string(caseID)),
            ("marac", .string(marac)),
            ("created", .string(created.description)),
            ("generator", .string("mfile \(MfileVersion.current)")),
            ("files", .array(entries)),
        ]), pretty: true) + "\n"
    }

    /// The archive: the manifest, its signature if there is one, then the files.
    public func archive() -> [UInt8] {
        TarArchive.write([TarArchive.Entry(path: Self.manifestPath, bytes: manifestBytes)]
            + (signature.map { [TarArchive.Entry(path: Self.signaturePath, bytes: $0)] } ?? []) + files)
    }

    /// Why a bundle was refused. Messages name bundle paths and manifest fields only.
    public struct Invalid: UserFacingError, CustomStringConvertible {
        public var reasons: [String]
        public init(_ reasons: [String]) { self.reasons = reasons }
        public var description: String { reasons.joined(separator: "; ") }
        public var message: String { (["the bundle failed its checks; nothing was changed:"] + reasons).joined(separator: "\n  ") }
    }

    /// Reads and checks an archive: the manifest first, every listed file present with its
    /// size and hash, and nothing unlisted.
    public static func read(archive bytes: [UInt8]) throws(Invalid) -> CaseBundle {
        let entries: [TarArchive.Entry]
        do {
            entries = try TarArchive.read(bytes)
        } catch {
            throw Invalid(["the archive inside is damaged: \(error.message)"])
        }
        return try read(entries: entries)
    }

    /// Whether `path` is a file a bundle holds: `manifest.json`, its signature, a paper
    /// (`papers/NAME.html`) or record data (`record/case.toml`, `record/sender.toml`,
    /// `record/meetings/NAME.toml`). Nothing else (no dotfile, nothing git treats specially
    /// such as `.gitattributes`, `.gitignore` or `.git/`) is ever accepted.
    public static func isBundleFile(_ path: String) -> Bool {
        if path == manifestPath || path == signaturePath || path == "record/case.toml" || path == "record/sender.toml" { return true }
        for (folder, suffix) in [("papers/", ".html"), ("record/meetings/", ".toml")] where path.hasPrefix(folder) {
            let name = path.dropFirst(folder.count)
            return name.count > suffix.count && name.hasSuffix(suffix) && !name.contains("/")
                && name.first.map { $0.isLetter || $0.isNumber } == true
        }
        return false
    }

    /// The signature of the manifest (see `BundleSignature`), when the bundle is signed.
    public static let signaturePath = "manifest.json.sig"

    /// Checks the entries of an archive (see `read(archive:)`).
    public static func read(entries: [TarArchive.Entry]) throws(Invalid) -> CaseBundle {
        let refused = entries.map(\.path).filter { !isBundleFile($0) }
        if !refused.isEmpty {
            throw Invalid(refused.map { "\($0): a bundle holds only manifest.json, papers/*.html and record/ data; this file is refused" })
        }
        guard let first = entries.first, first.path == manifestPath else {
            throw Invalid(["the bundle does not start with \(manifestPath)"])
        }
        let manifest: JSONValue
        do {
            manifest = try JSONParser.parse(String(decoding: first.bytes, as: UTF8.self))
        } catch {
            throw Invalid(["\(manifestPath) is not valid JSON"])
        }
        var reasons: [String] = []
        guard manifest["format"] == .string(format) else { throw Invalid(["\(manifestPath) is not an mfile bundle manifest"]) }
        guard manifest["version"] == .integer(version) else {
            throw Invalid(["the bundle is not in format version \(version), the one this mfile reads"])
        }
        func text(_ key: String) -> String? {
            if case .string(let value)? = manifest[key] { return value }
            reasons.append("\(manifestPath): \(key) is missing or not text")
            return nil
        }
        let kind = text("kind").flatMap(Kind.init(rawValue:))
        let caseID = text("case"), marac = text("marac")
        let created = text("created").flatMap(LocalDate.init(isoText:))
        if kind == nil || created == nil { reasons.append("\(manifestPath): kind or created is not recognised") }
        guard case .array(let listed)? = manifest["files"] else { throw Invalid(reasons + ["\(manifestPath): files is missing"]) }
        var files: [TarArchive.Entry] = []
        var byPath: [String: TarArchive.Entry] = [:]
        for entry in entries.dropFirst() where entry.path != signaturePath { byPath[entry.path] = entry }
        for (index, item) in listed.enumerated() {
            guard case .string(let path)? = item["path"], case .integer(let size)? = item["size"],
                case .string(let hash)? = item["sha256"]
            else {
                reasons.append("\(manifestPath): files[\(index)] needs path, size and sha256")
                continue
            }
            guard let entry = byPath.removeValue(forKey: path) else {
                reasons.append("\(TarArchive.isSafePath(path) ? path : "files[\(index)]"): listed in the manifest but missing")
                continue
            }
            if Int64(entry.bytes.count) != size { reasons.append("\(path): size does not match the manifest") }
            if SHA256.hex(entry.bytes) != hash.lowercased() { reasons.append("\(path): SHA-256 does not match the manifest") }
            files.append(entry)
        }
        for path in byPath.keys.sorted() { reasons.append("\(path): in the bundle but not listed in the manifest") }
        guard reasons.isEmpty, let kind, let caseID, let marac, let created else { throw Invalid(reasons) }
        var bundle = CaseBundle(kind: kind, caseID: caseID, marac: marac, created: created, files: files,
                                signature: entries.first { $0.path == signaturePath }?.bytes)
        bundle.readManifest = first.bytes
        return bundle
    }
}
