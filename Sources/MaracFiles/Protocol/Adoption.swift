import MaracBase
import MaracRecords

extension ProtocolEngine {
    /// The day the MARAC started keeping its records in mfile (`adopted` in marac.toml).
    public var adopted: LocalDate? { configuration.adopted }

    /// Whether something dated `date` happened before the MARAC kept its records in mfile
    /// (`adopted`): the one answer to "is this history, imported from before mfile?". A
    /// meeting held before then carries no paper deadlines (agenda circulation, minutes,
    /// written information from absent agencies), and a referral that arrived before then no
    /// IDVA or listing deadline: those papers were kept elsewhere, so a missing date in an
    /// imported record is no breach. Actions, flags and everything dated on or after
    /// `adopted` are checked as usual. `false` when marac.toml gives no `adopted` or the
    /// record has no date.
    public func predatesAdoption(_ date: LocalDate?) -> Bool {
        guard let adopted, let date else { return false }
        return date < adopted
    }

    /// A referral that arrived before `adopted` (`predatesAdoption`), by the day it was
    /// received, else the day it was accepted.
    public func predatesAdoption(_ referral: ReferralSummary) -> Bool {
        predatesAdoption(referral.received ?? referral.acceptedOn)
    }
}
