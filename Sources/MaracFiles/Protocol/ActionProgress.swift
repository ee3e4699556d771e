import MaracBase
import MaracRecords

/// Is an action outstanding as of a date: the one answer check, the actions list and the
/// minutes' earlier actions all use.
///
/// An action is finished when it is `complete` (on `completed`) or `cannot-complete` (on
/// `completed`, else `updated`): "recording where actions are complete, cannot be completed
/// ... or are incomplete and bring these to the attention of the next meeting" [002 §3 duty 6].
/// A finished action with no date is taken as finished before any as-of date. A date after
/// the as-of date counts as not done yet, so a past date can be asked again as it stood.
extension Action {
    /// The action's status says it is done with: complete, or cannot be completed.
    public var isClosedByStatus: Bool { status == .complete || status == .cannotComplete }

    /// The day the action was finished, as recorded (`nil`: not finished, or no date given).
    public var finishedOn: LocalDate? {
        switch status {
        case .complete: completed
        case .cannotComplete: completed ?? updated
        default: nil
        }
    }

    /// Whether the action is still to be done as of `asOf`: agreed by then (at a meeting on
    /// `agreedOn`) and not finished by then.
    public func isOutstanding(agreedOn: LocalDate?, asOf: LocalDate) -> Bool {
        outstandingEnd.isOutstanding(agreedOn: agreedOn, asOf: asOf)
    }

    /// When the action stops being outstanding: it is outstanding as of a day (once agreed)
    /// exactly when this is after `.finished(day)`.
    public var outstandingEnd: OutstandingEnd {
        guard isClosedByStatus else { return .notFinished }
        return finishedOn.map(OutstandingEnd.finished) ?? .finishedUndated
    }

    /// Outstanding as of `asOf` and past its due date.
    public func isOverdue(agreedOn: LocalDate?, asOf: LocalDate) -> Bool {
        guard isOutstanding(agreedOn: agreedOn, asOf: asOf), let due else { return false }
        return due < asOf
    }
}

/// When an action stops being outstanding, in order: finished with no date (taken as
/// finished before any day asked about), finished on a day, or not finished.
public enum OutstandingEnd: Sendable, Hashable, Comparable {
    case finishedUndated
    case finished(LocalDate)
    case notFinished

    /// Whether an action agreed on `agreedOn` that stops being outstanding here is outstanding
    /// as of `asOf` (`Action.isOutstanding`): agreed by then and not finished by then.
    public func isOutstanding(agreedOn: LocalDate?, asOf: LocalDate) -> Bool {
        if let agreedOn, agreedOn > asOf { return false }
        return self > .finished(asOf)
    }
}

/// What a command can know of a meeting without its hearings (the index keeps it at the start
/// of the meeting's facts): enough to choose the meetings a paper needs.
public struct MeetingHeading: Sendable {
    public var file: String
    public var marac: String?
    public var date: LocalDate?
    public var kind: Meeting.Kind?
    /// `Meeting.latestOutstandingEnd`.
    public var latestOutstandingEnd: OutstandingEnd?

    public init(file: String, marac: String?, date: LocalDate?, kind: Meeting.Kind?, latestOutstandingEnd: OutstandingEnd?) {
        self.file = file
        self.marac = marac
        self.date = date
        self.kind = kind
        self.latestOutstandingEnd = latestOutstandingEnd
    }

    /// The meeting id, `<date>-<marac>` (`Meeting.id`).
    public var id: String? { Meeting.id(date: date, marac: marac) }

    /// Whether an action agreed at the meeting is outstanding as of `asOf`.
    public func hasOutstandingAction(asOf: LocalDate) -> Bool {
        latestOutstandingEnd?.isOutstanding(agreedOn: date, asOf: asOf) ?? false
    }
}

extension Meeting {
    /// The latest `Action.outstandingEnd` of the actions agreed here (`nil`: none): whether
    /// any is outstanding as of a day, without looking at each.
    public var latestOutstandingEnd: OutstandingEnd? {
        hearings.lazy.flatMap(\.actions).map(\.outstandingEnd).max()
    }
}
