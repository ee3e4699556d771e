import MaracBase
import MaracRecords

/// When an accepted referral must reach the IDVA service.
public struct IDVADeadline: Sendable, Equatable {
    /// The day the clock starts: the day received or the day accepted (`idva_clock_from_receipt`).
    public var start: LocalDate
    /// The last day the IDVA referral is on time.
    public var due: LocalDate
    public var period: RulePeriod
}

extension ProtocolEngine {
    /// The IDVA deadline of a referral, or `nil` when none applies: the referral is not
    /// accepted, the profile has no `idva_referral`, or the rule covers only non-police
    /// referrals (`idva_referral_non_police_only`) and the referring agency is the police
    /// (`kind = "police"`, `Configuration.Agency.isPolice`), or the referral arrived before the
    /// MARAC kept its records in mfile (`predatesAdoption`).
    ///
    /// West Midlands: 1 working day from acceptance ("where threshold is met ... within one
    /// working day" [000 §9]); Gwent: 24 hours from receipt for non-police referrals, due by
    /// the end of the next calendar day since records hold dates [001 §4.6]; Liverpool: 3 days
    /// from receipt ("within three days of a referral to MARAC" [003 MOP §4.4]).
    public func idvaDeadline(_ referral: ReferralSummary) -> IDVADeadline? {
        guard let period = rules.idvaReferral, let accepted = referral.acceptedOn, !predatesAdoption(referral) else { return nil }
        if rules.idvaNonPoliceOnly, referral.agency.flatMap(configuration.agency)?.isPolice == true { return nil }
        let start = rules.idvaClockFromReceipt ? (referral.received ?? accepted) : accepted
        return IDVADeadline(start: start, due: period.deadline(after: start, in: calendar), period: period)
    }
}
