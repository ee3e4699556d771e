import Foundation

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

    public static let casesFolder = "cases"
    public static let meetingsFolder = "meetings"

    /// Reads `marac.toml`, the schemas, and every file under `cases/` and `meetings/` (in
    /// parallel), parsing and validating each file once.
    public static func load(at root: URL) throws(RepositoryError) -> Repository {
        let schemas = try RecordSchemas.load(repository: root)
        var diagnostics: [Diagnostic] = []

        let configFile = RepositoryLocator.configurationFile
        let configBytes = try FileSystem.read(root.appendingPathComponent(configFile))
        let configTable: TOMLTable
        switch RecordFile.decode(configBytes, file: configFile) {
        case .success(let table):
            configTable = table
            diagnostics += schemas.validate(.configuration, table, file: configFile)
        case .failure(let problem):
            diagnostics.append(problem)
            configTable = TOMLTable()
        }
        let configuration = Configuration(table: configTable, file: configFile, problems: &diagnostics)

        let caseFiles = FileSystem.tomlFiles(in: casesFolder, root: root)
        let meetingFiles = FileSystem.tomlFiles(in: meetingsFolder, root: root)
        let rootURL = root
        let results = (caseFiles.map { ($0, RecordKind.case) } + meetingFiles.map { ($0, RecordKind.meeting) })
            .parallelMap { file, kind in
                RecordFile.load(file, kind: kind, root: rootURL, schemas: schemas)
            }

        var cases: [Case] = []
        var meetings: [Meeting] = []
        cases.reserveCapacity(caseFiles.count)
        var undecodedCaseFiles: [String] = []
        for (index, result) in results.enumerated() {
            diagnostics += result.diagnostics
            if !result.decoded, index < caseFiles.count { undecodedCaseFiles.append(caseFiles[index]) }
            if let record = result.case { cases.append(record) }
            if let record = result.meeting { meetings.append(record) }
        }
        return Repository(
            root: root, configuration: configuration, cases: cases, meetings: meetings,
            diagnostics: diagnostics, recordFileCount: results.count, undecodedCaseFiles: undecodedCaseFiles)
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

/// One record file read, decoded, validated and typed.
struct RecordFile: Sendable {
    var diagnostics: [Diagnostic] = []
    var decoded = false
    var `case`: Case?
    var meeting: Meeting?

    static func load(_ file: String, kind: RecordKind, root: URL, schemas: RecordSchemas) -> RecordFile {
        var result = RecordFile()
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(root.appendingPathComponent(file))
        } catch {
            result.diagnostics.append(Diagnostic(file: file, position: nil, message: "cannot be read", rule: "io"))
            return result
        }
        switch decode(bytes, file: file) {
        case .failure(let problem):
            result.diagnostics.append(problem)
        case .success(let table):
            result.decoded = true
            result.diagnostics += schemas.validate(kind, table, file: file)
            switch kind {
            case .case: result.case = Case(table: table, file: file, problems: &result.diagnostics)
            case .meeting: result.meeting = Meeting(table: table, file: file, problems: &result.diagnostics)
            case .configuration: break
            }
        }
        return result
    }

    enum Decoded {
        case success(TOMLTable)
        case failure(Diagnostic)
    }

    static func decode(_ bytes: [UInt8], file: String) -> Decoded {
        do {
            return .success(try TOMLDecoder.decode(bytes: bytes))
        } catch {
            return .failure(Diagnostic(
                file: file, position: error.position, message: error.message, rule: "toml-syntax"))
        }
    }
}
