/// Two cases whose people are the same (`RepeatDetection.matches`): the same victim, the same
/// perpetrator, or both. Cases are named by their place in a list of cases, `first` before
/// `second`; the index keeps them so that no command compares every person again.
public struct CaseMatch: Sendable, Hashable {
    public var first: Int
    public var second: Int
    public var sameVictim: Bool
    public var samePerpetrator: Bool

    public init(first: Int, second: Int, sameVictim: Bool, samePerpetrator: Bool) {
        self.first = first
        self.second = second
        self.sameVictim = sameVictim
        self.samePerpetrator = samePerpetrator
    }
}
