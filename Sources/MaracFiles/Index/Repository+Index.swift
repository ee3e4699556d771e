import Foundation
import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

extension Repository {
    /// The repository's records rebuilt from its index (`IndexStore.currentBytes`: brought up
    /// to date first, so an edited file is never missed): every fact of every case and meeting
    /// and the cases whose people match, without opening a record file. The records carry no
    /// free text (`FreeText`) and no diagnostics: a command that prints free text reads the
    /// files it prints.
    ///
    /// `marac.toml` is read as `Repository.load` reads it (the schemas are not: checking files
    /// against them is lint's work). When its protocol settings cannot be used (the index
    /// works out repeats under them), the records are read from their files instead, so the
    /// command reports the problem as it always has.
    /// `progress` counts the files read again.
    public static func fromIndex(
        root: URL, progress: ProgressLine? = nil
    ) throws(RepositoryError) -> (repository: Repository, refresh: IndexStore.Refresh) {
        let found = try withIndex(root: root, progress: progress) { (records, configuration) throws(IndexFormat.Problem) in
            try records.repository(root: root, configuration: configuration)
        }
        guard let found else { return (try load(at: root), .fresh) }
        return found
    }

    /// The records a paper needs, from the index and a few files. `meetings` is given every
    /// meeting's heading (from the index) and names the meeting files to read; `cases` is given
    /// those meetings, read from their files with their free text, and names the cases whose
    /// facts are asked about, from the index with every case their people match (directly or
    /// through another, so repeats and links among them are as over the whole repository),
    /// and among them those whose files are read again. The diagnostics are `marac.toml`'s and
    /// those files'. When `marac.toml` cannot be used, every file is read.
    public static func selected(
        root: URL, progress: ProgressLine? = nil, meetings: ([MeetingHeading]) -> Set<String>,
        cases: ([Meeting]) -> RecordSelection
    ) throws(RepositoryError) -> Repository {
        let schemas = try RecordSchemas.load(repository: root)
        var readProblem: RepositoryError?
        var selection = RecordSelection()
        let found = try withIndex(root: root, progress: progress) { (records, configuration) throws(IndexFormat.Problem) in
            var timer = PhaseTimer()
            let headings = try records.meetingHeadings()
            let files = meetings(headings)
            var read: [Meeting] = [], problems: [Diagnostic] = []
            for heading in headings where files.contains(heading.file) {
                switch readMeeting(heading.file, root: root, schemas: schemas) {
                case .success(let (meeting, diagnostics)):
                    if let meeting { read.append(meeting) }
                    problems += diagnostics
                case .failure(let error): readProblem = error
                }
            }
            timer.lap("meeting files read")
            selection = cases(read)
            var repository = try records.selected(root: root, configuration: configuration, caseIDs: selection.caseIDs, meetings: read)
            repository.diagnostics = problems
            return repository
        }
        if let readProblem { throw readProblem }
        guard var repository = found?.repository else { return try load(at: root) }
        var timer = PhaseTimer()
        for (n, record) in repository.cases.enumerated() where record.id.map(selection.caseFiles.contains) ?? false {
            let (read, problems) = try readRecord(record.file, kind: .case, root: root, schemas: schemas)
            if case .case(let read)? = read { repository.cases[n] = read }
            repository.diagnostics += problems
        }
        timer.lap("case files read again")
        return repository
    }

    private static func readMeeting(
        _ file: String, root: URL, schemas: RecordSchemas
    ) -> Result<(Meeting?, [Diagnostic]), RepositoryError> {
        do {
            let (record, diagnostics) = try readRecord(file, kind: .meeting, root: root, schemas: schemas)
            guard case .meeting(let meeting)? = record else { return .success((nil, diagnostics)) }
            return .success((meeting, diagnostics))
        } catch {
            return .failure(error)
        }
    }

    /// `body` run on the current index (`IndexStore.currentBytes`) with `marac.toml`'s
    /// configuration, its diagnostics put on the repository `body` gives; an index this mfile
    /// cannot read is built again once. `nil` when the configuration cannot be used (the
    /// caller reads the files, so the command reports the problem as it always has).
    static func withIndex(
        root: URL, progress: ProgressLine?,
        _ body: (IndexedRecords, Configuration) throws(IndexFormat.Problem) -> Repository
    ) throws(RepositoryError) -> (repository: Repository, refresh: IndexStore.Refresh)? {
        var timer = PhaseTimer()
        let file = RepositoryLocator.configurationFile
        var diagnostics: [Diagnostic] = []
        let configBytes = try FileSystem.read(root.appendingPathComponent(file))
        try RecordAccess.requireUnlocked(configBytes)
        guard case .success(let configTable) = RecordText.decode(configBytes, file: file) else { return nil }
        let configuration = Configuration(table: configTable, file: file, problems: &diagnostics)
        guard (try? ProtocolEngine.load(configuration)) != nil else { return nil }
        timer.lap("configuration")

        var (bytes, refresh) = try IndexStore.currentBytes(root: root, progress: progress)
        timer.lap("index")
        var repository: Repository
        do {
            let records = try IndexedRecords(bytes)
            timer.lap("index entries")
            repository = try body(records, configuration)
        } catch {
            // Whole and fresh, but not what this mfile reads: never trusted, built again.
            bytes = try IndexBuilder.build(root: root).bytes
            IndexStore.saveOrWarn(bytes, root: root)
            refresh = .rebuilt(reason: "the index file cannot be read")
            do {
                repository = try body(try IndexedRecords(bytes), configuration)
            } catch {
                throw RepositoryError("the index just written cannot be read back; run 'mfile index --full'")
            }
        }
        repository.diagnostics = diagnostics + repository.diagnostics
        timer.lap("records from the index")
        return (repository, refresh)
    }
}
