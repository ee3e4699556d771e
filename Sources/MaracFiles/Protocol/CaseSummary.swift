/// What the repeat and criteria checks need of one case, kept without its decoded file:
/// its id, the victim and perpetrators, its referrals, and whether it was transferred in.
public struct CaseSummary: Sendable {
    public var id: String?
    public var file: String
    public var victim: Person?
    public var perpetrators: [Person]
    public var referrals: [Referral]
    public var hasTransferIn: Bool

    public init(_ record: Case) {
        id = record.id
        file = record.file
        victim = record.victim
        perpetrators = record.perpetrators
        referrals = record.referrals
        hasTransferIn = record.transfers.contains { $0.direction == .in }
    }
}
