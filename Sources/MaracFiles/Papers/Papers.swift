import Foundation
import MaracBase
import MaracJSON
import MaracProtocol
import MaracRecords
import MaracRepository

/// Renders the papers partner agencies receive: agenda, minutes, case minutes, actions and
/// the case register. The same records always render to the same bytes.
public enum Papers {
    /// What to render and how.
    public struct Request: Sendable {
        public enum Paper: Sendable {
            /// `start`: when the first case is heard, minutes after midnight (`nil`: the
            /// meeting file's `time`, else 09:30).
            case agenda(meeting: String, start: Int?)
            case minutes(meeting: String)
            case caseMinutes(meeting: String, caseID: String)
            case actions(agency: String?, asOf: LocalDate)
            case register
        }

        public var paper: Paper
        public var format: PaperFormat
        public var scope: SessionScope

        public init(_ paper: Paper, format: PaperFormat = .html, scope: SessionScope = .general) {
            self.paper = paper
            self.format = format
            self.scope = scope
        }
    }

    /// The context a request renders with (also for tests and `--format json` later).
    public static func context(_ request: Request, repository: Repository, engine: ProtocolEngine) throws(PaperError) -> JSONValue {
        let format = request.format, scope = request.scope
        switch request.paper {
        case .agenda(let id, let start):
            let meeting = try findMeeting(id, in: repository, scope: scope)
            return AgendaModel.context(meeting: meeting, repository: repository, engine: engine, start: start, scope: scope, format: format)
        case .minutes(let id):
            let meeting = try findMeeting(id, in: repository, scope: scope)
            return MinutesModel.context(meeting: meeting, repository: repository, engine: engine, scope: scope, format: format)
        case .caseMinutes(let id, let caseID):
            let meeting = try findMeeting(id, in: repository, scope: scope)
            return try MinutesModel.caseContext(
                meeting: meeting, caseID: caseID, repository: repository, engine: engine, scope: scope, format: format)
        case .actions(let agency, let asOf):
            return try ActionsModel.context(
                repository: repository, engine: engine, agency: agency, asOf: asOf, scope: scope, format: format)
        case .register:
            return RegisterModel.context(repository: repository, engine: engine, scope: scope, format: format)
        }
    }

    /// Renders a request with the repository's templates (or the defaults).
    public static func render(_ request: Request, repository: Repository, engine: ProtocolEngine) throws(PaperError) -> String {
        let context = try context(request, repository: repository, engine: engine)
        return try PaperTemplates(root: repository.root).render(templateName(request.paper), format: request.format, context: context)
    }

    /// The cases heard at meeting `id` (an id or a date) whose case minutes belong to `scope`,
    /// in the meeting file's order, and how many heard cases belong to the other scope.
    public static func casesHeard(
        at id: String, in repository: Repository, scope: SessionScope, engine: ProtocolEngine
    ) throws(PaperError) -> (meetingID: String, caseIDs: [String], otherScope: Int) {
        let meeting = try findMeeting(id, in: repository, scope: scope)
        let inScope = MeetingCases(meeting, in: repository, scope: scope, engine: engine).heard.compactMap(\.record.id)
        let other = MeetingCases(meeting, in: repository, scope: scope == .general ? .closed : .general, engine: engine).heard
        var seen: Set<String> = []
        return (meeting.id ?? id, inScope.filter { seen.insert($0).inserted }, Set(other.compactMap(\.record.id)).count)
    }

    static func templateName(_ paper: Request.Paper) -> String {
        switch paper {
        case .agenda: "agenda"
        case .minutes: "minutes"
        case .caseMinutes: "case-minutes"
        case .actions: "actions"
        case .register: "register"
        }
    }

    /// The meeting for a paper of `scope`: a closed meeting (`kind = "closed"`) has only
    /// closed-session papers.
    static func findMeeting(_ id: String, in repository: Repository, scope: SessionScope) throws(PaperError) -> Meeting {
        let meeting = try findMeeting(id, in: repository)
        if meeting.kind == .closed, scope == .general {
            throw PaperError("meeting \(meeting.id ?? id) is a closed session; its papers are kept apart: add --closed")
        }
        return meeting
    }

    static func findMeeting(_ id: String, in repository: Repository) throws(PaperError) -> Meeting {
        if let meeting = repository.findMeeting(id) { return meeting }
        let onDate = repository.meetings.filter { $0.date?.description == id }
        if onDate.count > 1 {
            let ids = onDate.compactMap(\.id).sorted().joined(separator: ", ")
            throw PaperError("more than one meeting on \(id); give one of: \(ids)")
        }
        throw PaperError("no meeting \(id) in meetings/; give a meeting id such as 2026-11-19-north (its file name without .toml) or its date")
    }
}
