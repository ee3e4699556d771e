import MaracBase

/// A MARAC-to-MARAC transfer of a case, in or out.
public struct Transfer: Sendable {
    public enum Direction: String, Sendable { case `in`, out }

    public var direction: Direction?
    /// Out: the day this MARAC learned the victim moved.
    public var notified: LocalDate?
    public var sent: LocalDate?
    public var received: LocalDate?
    public var acknowledged: LocalDate?
    /// Out: the day the receiving MARAC confirmed it received the transfer safely.
    public var receiptConfirmed: LocalDate?
    public var position: SourcePosition?

    /// A transfer known only by its direction (the index keeps no more).
    package init(direction: Direction) {
        self.direction = direction
    }

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        direction = reader.string("direction").flatMap(Direction.init(rawValue:))
        notified = reader.date("notified", &problems)
        sent = reader.date("sent", &problems)
        received = reader.date("received", &problems)
        acknowledged = reader.date("acknowledged", &problems)
        receiptConfirmed = reader.date("receipt_confirmed", &problems)
        self.position = reader.position
    }
}

/// A decision to share a case's information outside the meeting.
public struct Disclosure: Sendable {
    public var date: LocalDate?
    public var requested: LocalDate?
    /// `dhr`, `safeguarding-review`, `court`, ... (see the case schema).
    public var kind: String?
    public var position: SourcePosition?

    init(_ reader: FieldReader, problems: inout [Diagnostic]) {
        date = reader.date("date", &problems)
        requested = reader.date("requested", &problems)
        kind = reader.string("kind")
        self.position = reader.position
    }
}
