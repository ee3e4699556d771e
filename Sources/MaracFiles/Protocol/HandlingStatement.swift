import MaracBase

extension ProtocolEngine {
    /// Gwent's warning sent with every agenda: "The email sent out with the agenda has the
    /// following attached to ensure that recipients of MARAC referrals are clear about the
    /// sensitivity of the information they have received" [001 §4.5], word for word.
    public static let gwentHandlingStatement = """
        Please note that the information you have received in this email relates to people who have been identified as being at high risk of harm as a result of the abuse they have been subjected to. It is possible that you may personally know, know of or work with someone who has been referred to the MARAC or that you know the alleged perpetrator. You are reminded that the contents of this email are intended solely to assist in gathering information of high risk victims, the process of managing and reducing risk and for providing professional support to them. Sharing the information in this email for any other purpose is a breach of Data Protection rules and of the MARAC Information Sharing Protocol (a copy of which can be found at www.waspi.org). It could also cause distress to the individual concerned and potentially put them at further risk of harm. If you are unsure about this please speak to your agency MARAC representative, your manager or refer to the MARAC ISP for guidance.
        """

    /// The statement the agenda carries on how to handle it: marac.toml's
    /// `handling_statement` (an empty text: none), else the profile's own (Gwent [001 §4.5];
    /// the West Midlands and Liverpool protocols give none).
    public var handlingStatement: String? {
        if let own = configuration.handlingStatement { return own.isEmpty ? nil : own }
        return rules.profile == "gwent" ? ProtocolEngine.gwentHandlingStatement : nil
    }
}
