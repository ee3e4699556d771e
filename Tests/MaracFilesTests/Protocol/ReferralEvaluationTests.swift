import XCTest
@testable import MaracProtocol
@testable import MaracRecords

/// Which criteria a referral meets, per profile, at each threshold.
final class ReferralEvaluationTests: XCTestCase {
    private func referral(tool: String = "dash", score: Int?, criteria: [String] = ["visible-high-risk"], extra: [(String, T)] = []) -> Referral {
        Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-11-02", score: score, tool: tool, criteria: criteria, extra: extra)]).referrals[0]
    }

    private func met(_ rules: ProtocolRules, _ referral: Referral, transferIn: Bool = false, isRepeat: Bool = false) -> [String] {
        rules.evaluate(referral, fromHealth: false, transferIn: transferIn, isRepeat: isRepeat).met.map(\.rawValue)
    }

    func testVisibleHighRiskThresholds() {
        let rows: [(ProtocolRules, String, Int, Bool)] = [
            (.westMidlands, "dash", 13, false), (.westMidlands, "dash", 14, true), (.westMidlands, "dash", 15, true),
            (.westMidlands, "dash-young-person", 13, false), (.westMidlands, "dash-young-person", 14, true),
            (.gwent, "dash", 13, false), (.gwent, "dash", 14, true),
            (.liverpool, "merit", 71, false), (.liverpool, "merit", 72, true), (.liverpool, "merit", 73, true),
            // A DASH score under Liverpool and a MeRIT score under West Midlands are not scored.
            (.liverpool, "dash", 20, false), (.westMidlands, "merit", 90, false),
        ]
        for (rules, tool, score, expected) in rows {
            let result = met(rules, referral(tool: tool, score: score))
            XCTAssertEqual(result.contains("visible-high-risk"), expected, "\(rules.profile) \(tool) \(score)")
        }
    }

    func testMeritBands() {
        let rows: [(Int, String?)] = [(0, nil), (1, "BRONZE"), (15, "BRONZE"), (16, "SILVER"), (71, "SILVER"), (72, "GOLD"), (100, "GOLD")]
        for (score, band) in rows {
            XCTAssertEqual(ProtocolRules.liverpool.evaluate(referral(tool: "merit", score: score), fromHealth: false).meritBand, band, "\(score)")
        }
        XCTAssertNil(ProtocolRules.westMidlands.evaluate(referral(tool: "merit", score: 80), fromHealth: false).meritBand)
    }

    func testGwentEscalationCounts() {
        let rows: [(Int?, Int?, Bool)] = [(4, 2, false), (5, 0, true), (0, 3, true), (4, nil, false), (nil, 3, true), (nil, nil, false)]
        for (incidents, crimes, expected) in rows {
            var extra: [(String, T)] = []
            if let incidents { extra.append(("police_incidents_12m", .i(incidents))) }
            if let crimes { extra.append(("crimes_12m", .i(crimes))) }
            let r = referral(score: 8, criteria: ["escalation"], extra: extra)
            XCTAssertEqual(met(.gwent, r).contains("escalation"), expected, "\(String(describing: incidents)) \(String(describing: crimes))")
        }
        // West Midlands leaves escalation to judgement: the referral's word stands.
        XCTAssertTrue(met(.westMidlands, referral(score: 8, criteria: ["escalation"])).contains("escalation"))
        XCTAssertFalse(met(.westMidlands, referral(score: 8, criteria: ["professional-judgement"])).contains("escalation"))
    }

    func testProfessionalJudgementNeedsAReason() {
        let without = referral(score: 11, criteria: ["professional-judgement"])
        let with = referral(score: 11, criteria: ["professional-judgement"], extra: [("judgement_reason", .s("reason"))])
        for rules in ProtocolRules.profiles {
            XCTAssertEqual(met(rules, without), [], rules.profile)
            XCTAssertEqual(met(rules, with), ["professional-judgement"], rules.profile)
        }
    }

    func testAutomaticCriteria() {
        let dvds = referral(score: 5, criteria: ["dvds"], extra: [("dvds", .s("right-to-know"))])
        XCTAssertEqual(met(.gwent, dvds), ["dvds"])
        XCTAssertEqual(met(.westMidlands, dvds), ["dvds"])  // Clare's Law requests are heard at the WM MARAC
        XCTAssertEqual(met(.liverpool, dvds), [])
        let hbv = referral(score: 5, criteria: ["hbv"])
        XCTAssertEqual(met(.liverpool, hbv), ["hbv"])
        XCTAssertEqual(met(.westMidlands, hbv), [])
        XCTAssertEqual(met(.gwent, hbv), [])
        let transfer = referral(score: 5, criteria: ["transfer-in"])
        for rules in ProtocolRules.profiles {
            XCTAssertEqual(met(rules, transfer), ["transfer-in"], rules.profile)
            XCTAssertEqual(met(rules, referral(score: 5, criteria: []), transferIn: true), ["transfer-in"], rules.profile)
            XCTAssertEqual(met(rules, referral(score: 5, criteria: []), isRepeat: true), ["repeat"], rules.profile)
        }
    }
}
