import MaracBase
import MaracTOML

/// One MARAC meeting, read from `meetings/YYYY/<date>-<marac>.toml`.
public struct Meeting: Sendable {
    public enum Kind: String, Sendable { case scheduled, emergency, closed }

    public var file: String
    public var marac: String?
    public var date: LocalDate?
    public var kind: Kind?
    public var agendaCirculated: LocalDate?
    public var minutesApproved: LocalDate?
    public var minutesCirculated: LocalDate?
    public var attendees: [Attendee]
    public var apologies: [Apology]
    public var hearings: [Hearing]
    public var table: TOMLTable

    /// The meeting id used on the command line and in messages: `<date>-<marac>`.
    public var id: String? {
        guard let date, let marac else { return nil }
        return "\(date)-\(marac)"
    }

    public init(table: TOMLTable, file: String, problems: inout [Diagnostic]) {
        let reader = FieldReader(table, file: file)
        self.file = file
        self.table = table
        marac = reader.string("marac")
        date = reader.date("date", &problems)
        kind = reader.string("kind").flatMap(Kind.init(rawValue:))
        agendaCirculated = reader.date("agenda_circulated", &problems)
        minutesApproved = reader.date("minutes_approved", &problems)
        minutesCirculated = reader.date("minutes_circulated", &problems)
        attendees = reader.tables("attendee").map(Attendee.init)
        apologies = reader.tables("apology").map { Apology($0, problems: &problems) }
        hearings = reader.tables("hearing").map { Hearing($0, problems: &problems) }
    }
}

/// A person present at a meeting.
public struct Attendee: Sendable {
    public var agency: String?
    public var confidentialitySigned: Bool
    /// `signed_in` and `signed_out` (Liverpool records both [003 MOP §9.4, App.4]).
    public var signInTime: LocalTime?
    public var signOutTime: LocalTime?
    /// `left_after_case`: the last case heard before leaving early [003 App.4].
    public var leftAfterCase: String?
    public var position: SourcePosition?
    package let reader: FieldReader

    init(_ reader: FieldReader) {
        self.reader = reader
        agency = reader.string("agency")
        confidentialitySigned = reader.bool("confidentiality_signed") ?? false
        signInTime = reader.time("signed_in")
        signOutTime = reader.time("signed_out")
        leftAfterCase = reader.string("left_after_case")
        position = reader.position
    }
}

/// An agency that sent apologies.
public struct Apology: Sendable {
    public var agency: String?
    public var writtenInformation: Bool
    public var writtenReceived: LocalDate?
    public var position: SourcePosition?
    package let reader: FieldReader

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        self.reader = reader
        agency = reader.string("agency")
        writtenInformation = reader.bool("written_information") ?? false
        writtenReceived = reader.date("written_received", &problems)
        position = reader.position
    }
}

/// One case heard at a meeting, with what was shared and the actions agreed.
public struct Hearing: Sendable {
    /// The case heard, as written; shown only through `ShownID.caseID`.
    public var caseID: String?
    public var presentedBy: String?
    public var professionalsMeetingNeeded: Bool
    public var professionalsMeeting: LocalDate?
    /// The agency for which the chair moved the case from its place on the agenda (`moved_for`).
    public var movedFor: String?
    public var information: [Information]
    public var actions: [Action]
    public var position: SourcePosition?
    package let reader: FieldReader

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        self.reader = reader
        caseID = reader.string("case")
        presentedBy = reader.string("presented_by")
        professionalsMeetingNeeded = reader.bool("professionals_meeting_needed") ?? false
        professionalsMeeting = reader.date("professionals_meeting", &problems)
        movedFor = reader.string("moved_for")
        information = reader.tables("information").map(Information.init)
        actions = reader.tables("action").map { Action($0, problems: &problems) }
        position = reader.position
    }
}

/// Information one agency shared about a case: a fact or a professional opinion.
public struct Information: Sendable {
    public var agency: String?
    public var kind: String?
    public var position: SourcePosition?
    package let reader: FieldReader

    init(_ reader: FieldReader) {
        self.reader = reader
        agency = reader.string("agency")
        kind = reader.string("kind")
        position = reader.position
    }
}

/// An action agreed at a meeting.
public struct Action: Sendable {
    public enum Status: String, Sendable {
        case open, complete
        case cannotComplete = "cannot-complete"
        case incomplete
    }

    public var id: Int?
    public var agency: String?
    public var hasOwner: Bool
    public var due: LocalDate?
    public var status: Status?
    public var updated: LocalDate?
    public var completed: LocalDate?
    public var position: SourcePosition?
    package let reader: FieldReader

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        self.reader = reader
        id = reader.int("id")
        agency = reader.string("agency")
        hasOwner = !(reader.string("owner") ?? "").isEmpty
        due = reader.date("due", &problems)
        status = reader.string("status").flatMap(Status.init(rawValue:))
        updated = reader.date("updated", &problems)
        completed = reader.date("completed", &problems)
        position = reader.position
    }
}
