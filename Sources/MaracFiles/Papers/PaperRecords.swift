import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository

extension Papers {
    /// What `paper` needs of the records, given every meeting's facts (`Repository.selected`),
    /// or `nil` when it lists the whole repository (the register). A meeting's papers print
    /// the meeting and the cases it hears, so their files are read; the actions outstanding
    /// from earlier meetings of its MARAC (`ActionRows.outstanding`) print from those meetings'
    /// files, and their cases are asked about. The actions list prints every meeting with an
    /// action outstanding as of its date. Repeats and links come with the cases asked about.
    public static func selection(_ paper: Request.Paper, meetings: [Meeting]) -> RecordSelection? {
        var selection = RecordSelection()
        func addOutstanding(asOf date: LocalDate, marac: String?, before: Bool) {
            for meeting in meetings {
                if before {
                    guard let held = meeting.date, held < date, meeting.marac == marac else { continue }
                }
                for hearing in meeting.hearings
                where hearing.actions.contains(where: { $0.isOutstanding(agreedOn: meeting.date, asOf: date) }) {
                    selection.meetingFiles.insert(meeting.file)
                    if let id = hearing.caseID { selection.caseIDs.insert(id) }
                }
            }
        }
        switch paper {
        case .agenda(let id, _), .minutes(let id), .caseMinutes(let id, _):
            for meeting in meetings where meeting.id == id || meeting.date?.description == id {
                selection.meetingFiles.insert(meeting.file)
                for hearing in meeting.hearings {
                    if let id = hearing.caseID {
                        selection.caseFiles.insert(id)
                        selection.caseIDs.insert(id)
                    }
                }
                if let date = meeting.date { addOutstanding(asOf: date, marac: meeting.marac, before: true) }
            }
        case .actions(_, let asOf):
            addOutstanding(asOf: asOf, marac: nil, before: false)
        case .register:
            return nil
        }
        return selection
    }
}
