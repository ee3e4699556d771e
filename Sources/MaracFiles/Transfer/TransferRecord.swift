import Foundation
import MaracBase
import MaracRecords
import MaracRepository
import MaracTOML

/// The record data a transfer bundle carries so that a receiving `mfile` can import the case
/// and render its minutes again:
///
/// - `record/case.toml`: the case file's own bytes, as they were when the bundle was made;
/// - `record/meetings/<meeting-id>.toml`: for each meeting that heard the case, an extract
///   holding the meeting's date, kind, chair and approval dates and this case's hearing(s)
///   only (attendance, apologies and every other case's hearing are left out);
/// - `record/sender.toml`: the sending repository's name, marking, profile, rules and
///   calendar, its `[[marac]]` entry for the case, and its agencies (ids and names).
public struct TransferRecord: Sendable {
    public static let casePath = "record/case.toml"
    public static let senderPath = "record/sender.toml"
    public static let meetingsFolder = "record/meetings/"

    public var caseBytes: [UInt8]
    public var senderBytes: [UInt8]
    /// Meeting id and extract bytes, in date order.
    public var meetings: [(id: String, bytes: [UInt8])]

    /// Top-level meeting keys an extract keeps.
    static let meetingKeys = ["marac", "date", "kind", "chair", "agenda_circulated", "minutes_approved", "minutes_circulated"]
    /// Top-level marac.toml keys the sender extract keeps (`marac` and `agency` are filtered).
    static let senderKeys = ["name", "profile", "marking", "retention_months", "rules", "calendar"]

    /// The data of case `record` in `repository`.
    public static func extract(_ record: Case, from repository: Repository) throws(RepositoryError) -> TransferRecord {
        guard let id = record.id else { throw RepositoryError("\(record.file) has no id; fix it before transferring (see 'mfile lint')") }
        let caseBytes = try FileSystem.read(repository.root.appendingPathComponent(record.file))
        var meetings: [(id: String, bytes: [UInt8])] = []
        for meeting in heardAt(id, in: repository) {
            guard let meetingID = meeting.id else { continue }
            let bytes = try FileSystem.read(repository.root.appendingPathComponent(meeting.file))
            guard case .success(let table) = RecordText.decode(bytes, file: meeting.file) else {
                throw RepositoryError("\(meeting.file) cannot be read as TOML; fix it before transferring (see 'mfile lint')")
            }
            meetings.append((meetingID, Array(TOMLEncoder.encode(meetingExtract(table, caseID: id)).utf8)))
        }
        let sender = senderExtract(repository.configuration.table, marac: record.marac)
        return TransferRecord(caseBytes: caseBytes, senderBytes: Array(TOMLEncoder.encode(sender).utf8), meetings: meetings)
    }

    /// The meetings that heard case `id`, by date.
    public static func heardAt(_ id: String, in repository: Repository) -> [Meeting] {
        repository.meetings
            .filter { meeting in meeting.hearings.contains { $0.caseID == id } }
            .sorted { ($0.date?.description ?? "", $0.id ?? "") < ($1.date?.description ?? "", $1.id ?? "") }
    }

    static func meetingExtract(_ table: TOMLTable, caseID: String) -> TOMLTable {
        var extract = TOMLTable()
        for key in meetingKeys {
            if let member = table[member: key] { extract[member: key] = member }
        }
        if var member = table[member: "hearing"], let hearings = member.node.array {
            member.node.value = .array(hearings.filter { $0.table?["case"]?.string == caseID })
            extract[member: "hearing"] = member
        }
        return extract
    }

    static func senderExtract(_ table: TOMLTable, marac: String?) -> TOMLTable {
        var extract = TOMLTable()
        for key in senderKeys {
            if let member = table[member: key] { extract[member: key] = member }
        }
        if var member = table[member: "marac"], let maracs = member.node.array {
            member.node.value = .array(maracs.filter { $0.table?["id"]?.string == marac })
            extract[member: "marac"] = member
        }
        if var member = table[member: "agency"], let agencies = member.node.array {
            member.node.value = .array(agencies.compactMap { node in
                guard let agency = node.table else { return nil }
                var kept = TOMLTable()
                for key in ["id", "name", "core", "children"] {
                    if let field = agency[member: key] { kept[member: key] = field }
                }
                var copy = node
                copy.value = .table(kept)
                return copy
            })
            extract[member: "agency"] = member
        }
        return extract
    }

    /// The bundle files of this data.
    public var entries: [TarArchive.Entry] {
        [TarArchive.Entry(path: Self.casePath, bytes: caseBytes), TarArchive.Entry(path: Self.senderPath, bytes: senderBytes)]
            + meetings.map { TarArchive.Entry(path: Self.meetingsFolder + $0.id + ".toml", bytes: $0.bytes) }
    }

    /// The data held in a bundle; a missing part or a meeting file name that is not a
    /// meeting id is an error.
    public static func from(_ bundle: CaseBundle) throws(CaseBundle.Invalid) -> TransferRecord {
        guard bundle.kind == .transfer else { throw CaseBundle.Invalid(["this is a disclosure bundle, not a transfer: it holds papers only and cannot be imported"]) }
        var reasons: [String] = []
        let caseBytes = bundle.file(casePath)
        let senderBytes = bundle.file(senderPath)
        if caseBytes == nil { reasons.append("\(casePath) is missing") }
        if senderBytes == nil { reasons.append("\(senderPath) is missing") }
        var meetings: [(id: String, bytes: [UInt8])] = []
        for entry in bundle.files where entry.path.hasPrefix(meetingsFolder) {
            let name = String(entry.path.dropFirst(meetingsFolder.count))
            guard name.hasSuffix(".toml"), !name.contains("/"), LocalDate(isoText: String(name.prefix(10))) != nil else {
                reasons.append("\(entry.path) is not named <date>-<marac>.toml")
                continue
            }
            meetings.append((String(name.dropLast(5)), entry.bytes))
        }
        guard reasons.isEmpty, let caseBytes, let senderBytes else { throw CaseBundle.Invalid(reasons) }
        return TransferRecord(caseBytes: caseBytes, senderBytes: senderBytes, meetings: meetings.sorted { $0.id < $1.id })
    }

    /// A repository held in memory: the sender's configuration, this case (as `caseFile`,
    /// from `caseBytes`) and the meeting extracts, with `root`'s templates. Problems found
    /// decoding and validating each part (against `schemas`) are in its `diagnostics`, under
    /// the names `prefix` + the bundle path.
    public func repository(
        caseBytes: [UInt8]? = nil, caseFile: String? = nil, root: URL, schemas: RecordSchemas,
        prefix: String = ""
    ) -> Repository {
        var diagnostics: [Diagnostic] = []
        func decode(_ bytes: [UInt8], file: String, kind: RecordKind) -> TOMLTable? {
            switch RecordText.decode(bytes, file: file) {
            case .failure(let problem):
                diagnostics.append(problem)
                return nil
            case .success(let table):
                diagnostics += schemas.validate(kind, table, file: file)
                return table
            }
        }
        let senderTable = decode(senderBytes, file: prefix + Self.senderPath, kind: .configuration) ?? TOMLTable()
        let configuration = Configuration(table: senderTable, file: prefix + Self.senderPath, problems: &diagnostics)
        let caseFile = caseFile ?? prefix + Self.casePath
        var cases: [Case] = []
        if let table = decode(caseBytes ?? self.caseBytes, file: caseFile, kind: .case) {
            cases.append(Case(table: table, file: caseFile, problems: &diagnostics))
        }
        var meetings: [Meeting] = []
        for meeting in self.meetings {
            let file = prefix + Self.meetingsFolder + meeting.id + ".toml"
            if let table = decode(meeting.bytes, file: file, kind: .meeting) {
                meetings.append(Meeting(table: table, file: file, problems: &diagnostics))
            }
        }
        return Repository(
            root: root, configuration: configuration, cases: cases, meetings: meetings, diagnostics: diagnostics,
            recordFileCount: 2 + meetings.count)
    }
}
