import MaracBase

/// A MARAC-to-MARAC transfer of a case, in or out.
public struct Transfer: Sendable, Equatable {
    public enum Direction: String, Sendable, CaseIterable { case `in`, out }

    public var direction: Direction?
    /// Out: the day this MARAC learned the victim moved.
    public var notified: LocalDate?
    public var sent: LocalDate?
    public var received: LocalDate?
    public var acknowledged: LocalDate?
    /// In: the sending MARAC's case id.
    public var theirID: String?
    /// Out: the day the receiving MARAC confirmed it received the transfer safely.
    public var receiptConfirmed: LocalDate?
    public var positions = FilePositions<TableStart>()
    public var position: SourcePosition? { positions.start }

    /// A transfer with no fields written but its direction (the index fills in what it kept).
    package init(direction: Direction?) {
        self.direction = direction
    }

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        direction = reader.string("direction").flatMap(Direction.init(rawValue:))
        notified = reader.date("notified", &problems)
        sent = reader.date("sent", &problems)
        received = reader.date("received", &problems)
        acknowledged = reader.date("acknowledged", &problems)
        theirID = reader.string("their_id")
        receiptConfirmed = reader.date("receipt_confirmed", &problems)
        positions = FilePositions(TableStart(start: reader.position))
    }
}

/// A decision to share a case's information outside the meeting.
public struct Disclosure: Sendable, Equatable {
    public var date: LocalDate?
    public var requested: LocalDate?
    /// `dhr`, `safeguarding-review`, `court`, ... (see the case schema).
    public var kind: String?
    public var positions = FilePositions<TableStart>()
    public var position: SourcePosition? { positions.start }

    /// A disclosure with no fields written yet (the index fills in what it kept).
    package init() {}

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        date = reader.date("date", &problems)
        requested = reader.date("requested", &problems)
        kind = reader.string("kind")
        positions = FilePositions(TableStart(start: reader.position))
    }
}
