import MaracProtocol
import MaracRecords

/// Which papers a case belongs to: the general papers sent to every partner, or the closed
/// session's papers, kept apart. Everything the papers print passes through here.
public enum SessionScope: Sendable, Equatable {
    /// The papers circulated to all partner agencies: closed-session cases never appear.
    case general
    /// The closed session's own papers: only closed-session cases.
    case closed

    /// Whether `record` is heard in a closed session (`ProtocolEngine.isClosedSession`).
    public static func isClosedSession(_ record: Case, meeting: Meeting? = nil, engine: ProtocolEngine) -> Bool {
        engine.isClosedSession(record, meetingKind: meeting?.kind)
    }

    /// Whether a case belongs on papers of this scope (`ProtocolEngine.isClosedSession`). A
    /// case that cannot be found is on neither: it might be a closed-session case whose file
    /// did not load.
    public func includes(_ record: Case?, meeting: Meeting? = nil, engine: ProtocolEngine) -> Bool {
        guard let record else { return false }
        let closed = engine.isClosedSession(record, meetingKind: meeting?.kind)
        return self == .closed ? closed : !closed
    }
}
