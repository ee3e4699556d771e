/// The records a command needs of a repository (`Repository.selected`): the cases (by id)
/// whose facts it asks about, and the cases (by id) and meetings (by file) whose free text it
/// prints, which are read from their files.
public struct RecordSelection: Sendable {
    public var caseIDs: Set<String> = []
    public var caseFiles: Set<String> = []
    public var meetingFiles: Set<String> = []

    /// `caseFiles` are among the cases asked about.
    public init(caseIDs: Set<String> = [], caseFiles: Set<String> = [], meetingFiles: Set<String> = []) {
        self.caseIDs = caseIDs.union(caseFiles)
        self.caseFiles = caseFiles
        self.meetingFiles = meetingFiles
    }
}
