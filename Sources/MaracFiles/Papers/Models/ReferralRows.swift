import MaracBase
import MaracJSON
import MaracRecords

/// A case's referrals as the papers show them: who referred, the risk assessment, the criteria,
/// consent and the decision. The case minutes carry them as the original referring
/// information (West Midlands, 004 "Receiving the minutes"); a transfer carries them too.
package enum ReferralRows {
    /// The referrals of `record` received on or before `date` (all of them when `date` is nil),
    /// in file order.
    package static func rows(_ record: Case, upTo date: LocalDate?, configuration: Configuration) -> [JSONValue] {
        record.referrals
            .filter { referral in date.map { day in referral.received.map { $0 <= day } ?? true } ?? true }
            .map { row($0, configuration: configuration) }
    }

    package static func row(_ referral: Referral, configuration: Configuration) -> JSONValue {
        .object([
            ("number", .integer(Int64(referral.number))),
            ("received", PaperJSON.date(referral.received)),
            ("agency", PaperJSON.agencyName(referral.agency, configuration)),
            ("referrer", PaperJSON.text(referral.reader.string("referrer"))),
            ("incident", PaperJSON.date(referral.incident)),
            ("riskTool", .string(riskToolLabel(referral.riskTool))),
            ("riskScore", PaperJSON.int(referral.riskScore)),
            ("policeIncidents", PaperJSON.int(referral.policeIncidents[12])),
            ("crimes", PaperJSON.int(referral.crimes[12])),
            ("criteria", PaperJSON.text(referral.reader.strings("criteria").joined(separator: ", "))),
            ("judgementReason", PaperJSON.text(referral.reader.string("judgement_reason"))),
            ("consent", PaperJSON.text(referral.reader.string("consent"))),
            ("consentReason", PaperJSON.text(referral.reader.string("consent_reason"))),
            ("decision", PaperJSON.text(referral.reader.string("decision"))),
            ("decided", PaperJSON.date(referral.decided)),
            ("idvaReferred", PaperJSON.date(referral.idvaReferred)),
            ("infoOnly", .bool(referral.infoOnly)),
        ])
    }

    static func riskToolLabel(_ tool: String?) -> String {
        switch tool {
        case "dash": "DASH RIC"
        case "dash-young-person": "Young Person's DASH RIC"
        case "merit": "MeRIT"
        case let other?: PaperText.isolated(other)
        case nil: "not given"
        }
    }
}
