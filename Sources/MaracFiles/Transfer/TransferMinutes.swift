import Foundation
import MaracBase
import MaracJSON
import MaracPapers
import MaracRepository
import MaracTOML

/// The sending MARAC's case minutes of a case transferred in, rendered again in the receiving
/// repository from what `mfile transfer in` kept in `transfers/<case-id>/`: the sender's
/// configuration extract and meeting extracts, with the case as it is now in `cases/`.
///
/// The hearings name the sender's case id; they are read as naming the local case, so the
/// paper equals the one in the bundle with the sender's id replaced by the local id (given the
/// same templates and the same people in the case file).
public enum TransferMinutes {
    /// The meeting ids (the sender's) whose minutes can be rendered for case `caseID`.
    public static func meetings(of caseID: String, root: URL) throws -> [String] {
        try load(caseID, root: root).data.meetings.map(\.id)
    }

    /// The case minutes of meeting `meetingID` (a sender's meeting id) for local case `caseID`.
    public static func render(_ caseID: String, meeting meetingID: String, root: URL) throws -> String {
        let (repository, _, record) = try load(caseID, root: root)
        guard let current = repository.findCase(caseID) else { throw TransferError("no case with id \(ShownID.caseID(caseID)) in cases/") }
        let engine = try Papers.engine(for: record.configuration)
        guard let meeting = record.findMeeting(meetingID) else {
            throw TransferError("case \(ShownID.caseID(caseID)) has no minutes of meeting \(ShownID.meetingID(meetingID)) from its sending MARAC; these do: \(record.meetings.compactMap(\.id).map(ShownID.meetingID).joined(separator: ", "))")
        }
        let scope: SessionScope = SessionScope.isClosedSession(current, meeting: meeting, engine: engine) ? .closed : .general
        return try Papers.render(
            Papers.Request(.caseMinutes(meeting: meetingID, caseID: caseID), format: .html, scope: scope),
            repository: record, engine: engine)
    }

    /// The kept data of a case transferred in, and an in-memory repository of it holding the
    /// local case file, with every hearing of the sender's id read as the local id.
    static func load(_ caseID: String, root: URL) throws -> (repository: Repository, data: TransferRecord, record: Repository) {
        let repository = try Repository.load(at: root)
        guard let current = repository.findCase(caseID) else {
            throw TransferError("no case with id \(ShownID.caseID(caseID)) in cases/; give a case id as written in its file name")
        }
        let folder = root.appendingPathComponent("\(Repository.transfersFolder)/\(caseID)")
        func read(_ path: String) throws -> [UInt8] {
            do { return try FileSystem.read(folder.appendingPathComponent(path)) } catch {
                throw TransferError("case \(ShownID.caseID(caseID)) has no kept transfer data (\(Repository.transfersFolder)/\(ShownID.caseID(caseID))/\(path)); only cases imported with 'mfile transfer in' have")
            }
        }
        let manifest = try read(CaseBundle.manifestPath)
        var files: [TarArchive.Entry] = []
        guard case .array(let listed)? = (try? JSONParser.parse(String(decoding: manifest, as: UTF8.self)))?["files"] else {
            throw TransferError("\(Repository.transfersFolder)/\(ShownID.caseID(caseID))/\(CaseBundle.manifestPath) cannot be read")
        }
        for item in listed {
            guard case .string(let path)? = item["path"], TarArchive.isSafePath(path), path.hasPrefix("record/") else { continue }
            files.append(TarArchive.Entry(path: path, bytes: try read(path)))
        }
        let caseBytes = try read(TransferRecord.casePath)
        let theirs: String
        do {
            theirs = try TOMLDecoder.decode(bytes: caseBytes)["id"]?.string ?? ""
        } catch {
            throw TransferError("\(Repository.transfersFolder)/\(caseID)/\(TransferRecord.casePath) is not valid TOML (line \(error.position.line)); it is kept as it came in the bundle")
        }
        var data = try TransferRecord.from(CaseBundle(kind: .transfer, caseID: theirs, marac: "", created: LocalDate(year: 2000, month: 1, day: 1), files: files))
        data.meetings = data.meetings.map { meeting in
            guard var table = try? TOMLDecoder.decode(bytes: meeting.bytes), var member = table[member: "hearing"], let hearings = member.node.array else {
                return meeting
            }
            member.node.value = .array(hearings.map { node in
                guard var hearing = node.table, hearing["case"]?.string == theirs, var field = hearing[member: "case"] else { return node }
                field.node.value = .string(caseID)
                hearing[member: "case"] = field
                var copy = node
                copy.value = .table(hearing)
                return copy
            })
            table[member: "hearing"] = member
            return (meeting.id, Array(TOMLEncoder.encode(table).utf8))
        }
        let localBytes = try FileSystem.read(root.appendingPathComponent(current.file))
        let schemas = try RecordSchemas.load(repository: root)
        let record = data.repository(caseBytes: localBytes, caseFile: current.file, root: root, schemas: schemas)
        return (repository, data, record)
    }
}
