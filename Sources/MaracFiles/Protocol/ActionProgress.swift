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
        if let agreedOn, agreedOn > asOf { return false }
        guard isClosedByStatus else { return true }
        return finishedOn.map { $0 > asOf } ?? false
    }

    /// Outstanding as of `asOf` and past its due date.
    public func isOverdue(agreedOn: LocalDate?, asOf: LocalDate) -> Bool {
        guard isOutstanding(agreedOn: agreedOn, asOf: asOf), let due else { return false }
        return due < asOf
    }
}
