import MaracBase
import MaracTOML

/// One MARAC meeting, read from `meetings/YYYY/<date>-<marac>.toml`: its facts, and where each
/// field a message points at is written. No decoded file is kept; free text only the papers
/// print (names, what was shared, what an action asks) is in `FreeText`.
public struct Meeting: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case scheduled, emergency, closed }

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
    /// Where fields are written, for messages.
    public var positions = FilePositions<Positions>()
    /// `chair`, `venue` and `time` (as `HH:MM`), read from the file (see `FreeText`).
    package var freeText: FreeText?

    /// Where fields of a meeting are written (`nil`: not written).
    public struct Positions: Sendable, Equatable {
        public var date: SourcePosition?
        public var marac: SourcePosition?
        public var minutesCirculated: SourcePosition?
    }

    /// The meeting id used on the command line and in messages: `<date>-<marac>`.
    public var id: String? { Meeting.id(date: date, marac: marac) }

    /// A meeting's id, `<date>-<marac>` (`nil` without both).
    public static func id(date: LocalDate?, marac: String?) -> String? {
        guard let date, let marac else { return nil }
        return "\(date)-\(marac)"
    }

    public init(table: TOMLTable, file: String, problems: inout [Diagnostic]) {
        let reader = FieldReader(table, file: file)
        self.file = file
        marac = reader.string("marac")
        date = reader.date("date", &problems)
        kind = reader.string("kind").flatMap(Kind.init(rawValue:))
        agendaCirculated = reader.date("agenda_circulated", &problems)
        minutesApproved = reader.date("minutes_approved", &problems)
        minutesCirculated = reader.date("minutes_circulated", &problems)
        attendees = reader.tables("attendee").map(Attendee.init)
        apologies = reader.tables("apology").map { Apology($0, problems: &problems) }
        hearings = reader.tables("hearing").map { Hearing($0, problems: &problems) }
        positions = FilePositions(Positions(
            date: reader.position(of: "date"), marac: reader.position(of: "marac"),
            minutesCirculated: reader.position(of: "minutes_circulated")))
        freeText = FreeText(reader, ["chair", "venue", "time"])
    }

    /// A meeting with no fields written yet (the index fills in what it kept).
    package init(file: String) {
        self.file = file
        attendees = []
        apologies = []
        hearings = []
    }
}

/// A person present at a meeting.
public struct Attendee: Sendable, Equatable {
    public var agency: String?
    public var confidentialitySigned: Bool
    /// `signed_in` and `signed_out` (Liverpool records both [003 MOP §9.4, App.4]).
    public var signInTime: LocalTime?
    public var signOutTime: LocalTime?
    /// `left_after_case`: the last case heard before leaving early [003 App.4].
    public var leftAfterCase: String?
    /// 1-based position in the file's `attendee` list.
    public var entry: Int
    public var positions = FilePositions<Positions>()
    /// `name`, `role`, `signed_in` and `signed_out` (as `HH:MM`), read from the file.
    package var freeText: FreeText?

    public struct Positions: Sendable, Equatable {
        public var start: SourcePosition?
        public var agency: SourcePosition?
        public var confidentialitySigned: SourcePosition?
        public var signedIn: SourcePosition?
        public var signedOut: SourcePosition?
        public var leftAfterCase: SourcePosition?
    }

    /// Where the attendee's table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// `attendee[n]`, for messages.
    public var place: String { "attendee[\(entry)]" }

    init(_ reader: FieldReader) {
        agency = reader.string("agency")
        confidentialitySigned = reader.bool("confidentiality_signed") ?? false
        signInTime = reader.time("signed_in")
        signOutTime = reader.time("signed_out")
        leftAfterCase = reader.string("left_after_case")
        entry = reader.number
        positions = FilePositions(Positions(
            start: reader.position, agency: reader.position(of: "agency"),
            confidentialitySigned: reader.position(of: "confidentiality_signed"), signedIn: reader.position(of: "signed_in"),
            signedOut: reader.position(of: "signed_out"), leftAfterCase: reader.position(of: "left_after_case")))
        freeText = FreeText(reader, ["name", "role", "signed_in", "signed_out"])
    }

    /// An attendee with no fields written yet (the index fills in what it kept).
    package init(entry: Int) {
        self.entry = entry
        confidentialitySigned = false
    }
}

/// An agency that sent apologies.
public struct Apology: Sendable, Equatable {
    public var agency: String?
    public var writtenInformation: Bool
    public var writtenReceived: LocalDate?
    /// 1-based position in the file's `apology` list.
    public var entry: Int
    public var positions = FilePositions<Positions>()
    /// `name`, read from the file.
    package var freeText: FreeText?

    public struct Positions: Sendable, Equatable {
        public var start: SourcePosition?
        public var agency: SourcePosition?
    }

    /// Where the table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// `apology[n]`, for messages.
    public var place: String { "apology[\(entry)]" }

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        agency = reader.string("agency")
        writtenInformation = reader.bool("written_information") ?? false
        writtenReceived = reader.date("written_received", &problems)
        entry = reader.number
        positions = FilePositions(Positions(start: reader.position, agency: reader.position(of: "agency")))
        freeText = FreeText(reader, ["name"])
    }

    /// An apology with no fields written yet (the index fills in what it kept).
    package init(entry: Int) {
        self.entry = entry
        writtenInformation = false
    }
}

/// One case heard at a meeting, with what was shared and the actions agreed.
public struct Hearing: Sendable, Equatable {
    /// The case heard, as written; shown only through `ShownID.caseID`.
    public var caseID: String?
    public var presentedBy: String?
    public var professionalsMeetingNeeded: Bool
    public var professionalsMeeting: LocalDate?
    /// The agency for which the chair moved the case from its place on the agenda (`moved_for`).
    public var movedFor: String?
    public var information: [Information]
    public var actions: [Action]
    /// 1-based position in the file's `hearing` list.
    public var entry: Int
    public var positions = FilePositions<Positions>()

    public struct Positions: Sendable, Equatable {
        public var start: SourcePosition?
        public var caseID: SourcePosition?
        public var presentedBy: SourcePosition?
        public var movedFor: SourcePosition?
    }

    /// Where the hearing's table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// `hearing[n]`, for messages.
    public var place: String { "hearing[\(entry)]" }

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        caseID = reader.string("case")
        presentedBy = reader.string("presented_by")
        professionalsMeetingNeeded = reader.bool("professionals_meeting_needed") ?? false
        professionalsMeeting = reader.date("professionals_meeting", &problems)
        movedFor = reader.string("moved_for")
        information = reader.tables("information").map { Information($0, hearing: reader.number) }
        actions = reader.tables("action").map { Action($0, hearing: reader.number, problems: &problems) }
        entry = reader.number
        positions = FilePositions(Positions(
            start: reader.position, caseID: reader.position(of: "case"), presentedBy: reader.position(of: "presented_by"),
            movedFor: reader.position(of: "moved_for")))
    }

    /// A hearing with no fields written yet (the index fills in what it kept).
    package init(entry: Int) {
        self.entry = entry
        professionalsMeetingNeeded = false
        information = []
        actions = []
    }
}

/// Information one agency shared about a case: a fact or a professional opinion.
public struct Information: Sendable, Equatable {
    public var agency: String?
    public var kind: String?
    /// 1-based positions of its hearing in the file's `hearing` list and of itself in the
    /// hearing's `information` list.
    public var hearingEntry: Int
    public var entry: Int
    public var positions = FilePositions<Positions>()
    /// `text`, read from the file.
    package var freeText: FreeText?

    public struct Positions: Sendable, Equatable {
        public var start: SourcePosition?
        public var agency: SourcePosition?
    }

    /// Where the table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// `hearing[h].information[n]`, for messages.
    public var place: String { "hearing[\(hearingEntry)].information[\(entry)]" }

    init(_ reader: FieldReader, hearing: Int) {
        agency = reader.string("agency")
        kind = reader.string("kind")
        hearingEntry = hearing
        entry = reader.number
        positions = FilePositions(Positions(start: reader.position, agency: reader.position(of: "agency")))
        freeText = FreeText(reader, ["text"])
    }

    /// Information with no fields written yet (the index fills in what it kept).
    package init(hearingEntry: Int, entry: Int) {
        self.hearingEntry = hearingEntry
        self.entry = entry
    }
}

/// An action agreed at a meeting.
public struct Action: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case open, complete
        case cannotComplete = "cannot-complete"
        case incomplete
    }

    public var id: Int?
    public var agency: String?
    public var hasOwner: Bool
    public var due: LocalDate?
    /// `due` is written, whatever its value.
    public var dueWritten: Bool
    public var status: Status?
    public var updated: LocalDate?
    public var completed: LocalDate?
    /// 1-based positions of its hearing in the file's `hearing` list and of itself in the
    /// hearing's `action` list.
    public var hearingEntry: Int
    public var entry: Int
    public var positions = FilePositions<Positions>()
    /// `owner`, `text` and `note`, read from the file.
    package var freeText: FreeText?

    public struct Positions: Sendable, Equatable {
        public var start: SourcePosition?
        public var id: SourcePosition?
        public var agency: SourcePosition?
    }

    /// Where the action's table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// `hearing[h].action[n]`, for messages.
    public var place: String { "hearing[\(hearingEntry)].action[\(entry)]" }

    init(_ reader: FieldReader, hearing: Int, problems: inout [Diagnostic]) {
        id = reader.int("id")
        agency = reader.string("agency")
        hasOwner = !(reader.string("owner") ?? "").isEmpty
        due = reader.date("due", &problems)
        dueWritten = reader.has("due")
        status = reader.string("status").flatMap(Status.init(rawValue:))
        updated = reader.date("updated", &problems)
        completed = reader.date("completed", &problems)
        hearingEntry = hearing
        entry = reader.number
        positions = FilePositions(Positions(start: reader.position, id: reader.position(of: "id"), agency: reader.position(of: "agency")))
        freeText = FreeText(reader, ["owner", "text", "note"])
    }

    /// An action with no fields written yet (the index fills in what it kept).
    package init(hearingEntry: Int, entry: Int) {
        self.hearingEntry = hearingEntry
        self.entry = entry
        hasOwner = false
        dueWritten = false
    }
}
