import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

/// What a paper is made from (`Repository.selected`): a meeting's papers print the meeting
/// and the cases it hears, and the actions outstanding from earlier meetings of its MARAC
/// (`ActionRows.outstanding`); the actions list prints every meeting with an action
/// outstanding as of its date. Those meetings are read from their files, the cases heard too;
/// the cases of the earlier actions are asked about (from the index), and repeats and links
/// come with every case asked about. The register lists the whole repository.
public enum PaperRecords {
    /// The meeting files `paper` reads, given every meeting's heading; `nil` for the register.
    public static func meetingFiles(_ paper: Papers.Request.Paper, headings: [MeetingHeading]) -> Set<String>? {
        switch paper {
        case .agenda(let id, _), .minutes(let id), .caseMinutes(let id, _):
            let targets = headings.filter { $0.id == id || $0.date?.description == id }
            var files = Set(targets.map(\.file))
            for target in targets {
                guard let date = target.date else { continue }
                for heading in headings where heading.marac == target.marac && heading.hasOutstandingAction(asOf: date) {
                    if let held = heading.date, held < date { files.insert(heading.file) }
                }
            }
            return files
        case .actions(_, let asOf):
            return Set(headings.filter { $0.hasOutstandingAction(asOf: asOf) }.map(\.file))
        case .register:
            return nil
        }
    }

    /// The cases `paper` asks about, and those whose files it reads, given the meetings it reads.
    public static func cases(_ paper: Papers.Request.Paper, meetings: [Meeting]) -> RecordSelection {
        var asked: Set<String> = [], read: Set<String> = []
        func addOutstanding(_ meeting: Meeting, asOf date: LocalDate) {
            for hearing in meeting.hearings where hearing.actions.contains(where: { $0.isOutstanding(agreedOn: meeting.date, asOf: date) }) {
                if let id = hearing.caseID { asked.insert(id) }
            }
        }
        if case .caseMinutes(_, let caseID) = paper { read.insert(caseID) }
        switch paper {
        case .agenda(let id, _), .minutes(let id), .caseMinutes(let id, _):
            for target in meetings where target.id == id || target.date?.description == id {
                read.formUnion(target.hearings.compactMap(\.caseID))
                guard let date = target.date else { continue }
                for meeting in meetings where meeting.marac == target.marac {
                    if let held = meeting.date, held < date { addOutstanding(meeting, asOf: date) }
                }
            }
        case .actions(_, let asOf):
            for meeting in meetings { addOutstanding(meeting, asOf: asOf) }
        case .register:
            break
        }
        return RecordSelection(caseIDs: asked, caseFiles: read)
    }
}
