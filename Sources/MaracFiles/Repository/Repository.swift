import Foundation
import MaracBase
import MaracRecords
import MaracTOML

/// A records repository read once: its configuration, every case and meeting, and the
/// problems found in each file on the way (TOML syntax, schema, field types).
public struct Repository: Sendable {
    public var root: URL
    public var configuration: Configuration
    public var cases: [Case]
    public var meetings: [Meeting]
    /// Problems found file by file while reading.
    public var diagnostics: [Diagnostic]
    /// How many record files were read (cases and meetings).
    public var recordFileCount: Int
    /// Case files that could not be decoded: their ids are taken from their names, so one
    /// broken file does not make every hearing of it an unknown case as well.
    public var undecodedCaseFiles: [String] = []

    /// A repository of records already in memory (a bundle's, or a test's).
    public init(
        root: URL, configuration: Configuration, cases: [Case], meetings: [Meeting], diagnostics: [Diagnostic],
        recordFileCount: Int, undecodedCaseFiles: [String] = []
    ) {
        self.root = root
        self.configuration = configuration
        self.cases = cases
        self.meetings = meetings
        self.diagnostics = diagnostics
        self.recordFileCount = recordFileCount
        self.undecodedCaseFiles = undecodedCaseFiles
    }

    public static let casesFolder = "cases"
    public static let meetingsFolder = "meetings"
    /// Rendered papers and notices (kept out of git, or encrypted).
    public static let papersFolder = "papers"
    /// What `mfile transfer in` keeps of each bundle received, by the new case id.
    public static let transfersFolder = "transfers"

    /// Reads `marac.toml`, the schemas, and every file under `cases/` and `meetings/` (in
    /// parallel), parsing and validating each file once, and keeps every record.
    public static func load(at root: URL, progress: ProgressLine? = nil) throws(RepositoryError) -> Repository {
        let scan = try RepositoryScan<LoadedRecord>.run(at: root, progress: progress) { _ in { record, _ in record } }
        var cases: [Case] = []
        var meetings: [Meeting] = []
        for record in scan.summaries {
            switch record {
            case .case(let item): cases.append(item)
            case .meeting(let item): meetings.append(item)
            }
        }
        return Repository(
            root: root, configuration: scan.configuration, cases: cases, meetings: meetings,
            diagnostics: scan.diagnostics, recordFileCount: scan.recordFileCount,
            undecodedCaseFiles: scan.undecodedCaseFiles)
    }

    /// The case with this id.
    public func findCase(_ id: String) -> Case? { cases.first { $0.id == id } }

    /// The meeting with this id (`<date>-<marac>`), or the only meeting on this date.
    public func findMeeting(_ id: String) -> Meeting? {
        if let meeting = meetings.first(where: { $0.id == id }) { return meeting }
        let onDate = meetings.filter { $0.date?.description == id }
        return onDate.count == 1 ? onDate[0] : nil
    }
}

/// The kinds of record file, each with its schema.
public enum RecordKind: String, Sendable, CaseIterable {
    case configuration = "marac"
    case `case` = "case"
    case meeting = "meeting"
}

/// A record read from one file: a case or a meeting.
public enum LoadedRecord: Sendable {
    case `case`(Case)
    case meeting(Meeting)
}

/// The one pass over a repository: the configuration first, then every record file read,
/// decoded, validated and typed on all cores, each reduced at once by `summarize` so that a
/// large repository never holds every decoded file at the same time.
public struct RepositoryScan<Summary: Sendable>: Sendable {
    public var configuration: Configuration
    /// Problems found while reading, and any `summarize` added, in file order.
    public var diagnostics: [Diagnostic]
    /// One summary per decoded record file, in file order (cases, then meetings).
    public var summaries: [Summary]
    public var recordFileCount: Int
    /// Case files that could not be decoded.
    public var undecodedCaseFiles: [String]

    /// `summarize` is given the configuration and returns the per-file reduction, which may
    /// add diagnostics about its file. `overlay` gives record files (relative paths under
    /// `cases/` or `meetings/`) read from memory instead of disk, new or in place of a file:
    /// the repository as a change would leave it, without writing it. `progress` counts the
    /// record files as they are done.
    public static func run(
        at root: URL, overlay: [String: [UInt8]] = [:], progress: ProgressLine? = nil,
        summarize: (Configuration) -> @Sendable (LoadedRecord, inout [Diagnostic]) -> Summary
    ) throws(RepositoryError) -> RepositoryScan {
        let configFile = RepositoryLocator.configurationFile
        let configBytes = try FileSystem.read(root.appendingPathComponent(configFile))
        try RecordAccess.requireUnlocked(configBytes)
        let schemas = try RecordSchemas.load(repository: root)
        var diagnostics: [Diagnostic] = []

        let configTable: TOMLTable
        switch RecordText.decode(configBytes, file: configFile) {
        case .success(let table):
            configTable = table
            diagnostics += schemas.validate(.configuration, table, file: configFile)
        case .failure(let problem):
            diagnostics.append(problem)
            configTable = TOMLTable()
        }
        let configuration = Configuration(table: configTable, file: configFile, problems: &diagnostics)
        let reduce = summarize(configuration)

        let caseListing = FileSystem.recordListing(in: Repository.casesFolder, root: root)
        let meetingListing = FileSystem.recordListing(in: Repository.meetingsFolder, root: root)
        func listed(_ folder: String, _ onDisk: [String]) -> [String] {
            let added = overlay.keys.filter { $0.hasPrefix(folder + "/") }
            return added.isEmpty ? onDisk : Set(onDisk).union(added).sorted()
        }
        let caseFiles = listed(Repository.casesFolder, caseListing.files)
        let meetingFiles = listed(Repository.meetingsFolder, meetingListing.files)
        let files = caseFiles.map { ($0, RecordKind.case) } + meetingFiles.map { ($0, RecordKind.meeting) }
        let rootPath = root.path
        progress?.begin(files.count)
        let results = files.parallelMap { file, kind in
            defer { progress?.advance() }
            return RecordFile.load(file, kind: kind, rootPath: rootPath, bytes: overlay[file], schemas: schemas, summarize: reduce)
        }
        if results.contains(where: \.locked) { throw RepositoryError(RecordAccess.lockedMessage) }
        let unreadable = caseListing.problems + meetingListing.problems + results.compactMap(\.unreadable)
        if !unreadable.isEmpty { throw RecordAccess.unreadable(unreadable) }

        var summaries: [Summary] = []
        summaries.reserveCapacity(results.count)
        var undecoded: [String] = []
        for (index, result) in results.enumerated() {
            diagnostics += result.diagnostics
            if let summary = result.summary {
                summaries.append(summary)
            } else if files[index].1 == .case {
                undecoded.append(files[index].0)
            }
        }
        return RepositoryScan(
            configuration: configuration, diagnostics: diagnostics, summaries: summaries,
            recordFileCount: files.count, undecodedCaseFiles: undecoded)
    }
}

/// One record file read, decoded, validated, typed and summarised.
struct RecordFile<Summary: Sendable>: Sendable {
    var diagnostics: [Diagnostic] = []
    var summary: Summary?
    /// Set when the file cannot be read (`[io]`).
    var unreadable: Diagnostic?
    /// Set when the file is git-crypt ciphertext (this copy is locked).
    var locked = false

    static func load(
        _ file: String, kind: RecordKind, rootPath: String, bytes given: [UInt8]? = nil, schemas: RecordSchemas,
        summarize: @Sendable (LoadedRecord, inout [Diagnostic]) -> Summary
    ) -> RecordFile {
        var result = RecordFile()
        let bytes: [UInt8]
        if let given {
            bytes = given
        } else {
            switch FileSystem.readBytes(path: rootPath + "/" + file) {
            case .success(let read): bytes = read
            case .failure(let failure):
                result.unreadable = RecordAccess.cannotRead(file, reason: failure.reason)
                return result
            }
        }
        if RecordAccess.isEncrypted(bytes) {
            result.locked = true
            return result
        }
        switch RecordText.decode(bytes, file: file) {
        case .failure(let problem):
            result.diagnostics.append(problem)
        case .success(let table):
            result.diagnostics += schemas.validate(kind, table, file: file)
            let record: LoadedRecord
            switch kind {
            case .meeting: record = .meeting(Meeting(table: table, file: file, problems: &result.diagnostics))
            default: record = .case(Case(table: table, file: file, problems: &result.diagnostics))
            }
            result.summary = summarize(record, &result.diagnostics)
        }
        return result
    }
}

/// Decoding a file's bytes, with a syntax error turned into a finding at its place.
package enum RecordText {
    package enum Decoded {
        case success(TOMLTable)
        case failure(Diagnostic)
    }

    package static func decode(_ bytes: [UInt8], file: String) -> Decoded {
        do {
            return .success(try TOMLDecoder.decode(bytes: bytes))
        } catch {
            return .failure(Diagnostic(
                file: file, position: error.position, message: error.message, rule: .tomlSyntax))
        }
    }
}
