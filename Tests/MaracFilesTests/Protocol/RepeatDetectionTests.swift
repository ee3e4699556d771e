import XCTest
@testable import MaracProtocol

final class RepeatDetectionTests: XCTestCase {
    private let victim = Records.person("Sarah-Jane Okafor", dob: "1995-08-26")
    private let perpetrator = Records.person("Lewis Hartley", dob: "1991-02-11")

    func testRepeatWithinTwelveMonthsInTheSameCase() {
        // The last referral 2025-09-22: a further incident up to 2026-09-22 is a repeat.
        let rows: [(String, Bool)] = [("2026-09-21", true), ("2026-09-22", true), ("2026-09-23", false)]
        for (incident, expected) in rows {
            let record = Records.case("2025-TEST-014", victim: victim, perpetrators: [perpetrator], referrals: [
                Records.referral(received: "2025-09-22"),
                Records.referral(received: incident, criteria: ["repeat"], extra: [("incident", .d(day(incident)))]),
            ])
            let detection = RepeatDetection.analyse([record], rules: .westMidlands)
            XCTAssertEqual(detection.repeatOf(caseID: "2025-TEST-014", referral: 2) != nil, expected, incident)
            XCTAssertNil(detection.repeatOf(caseID: "2025-TEST-014", referral: 1))
        }
    }

    func testReturnedReferralIsNotALastReferral() {
        let record = Records.case("2026-TEST-001", victim: victim, perpetrators: [perpetrator], referrals: [
            Records.referral(received: "2026-01-05", decision: "returned"),
            Records.referral(received: "2026-03-05"),
        ])
        XCTAssertTrue(RepeatDetection.analyse([record], rules: .westMidlands).repeats.isEmpty)
    }

    func testRepeatAcrossCaseFilesByNormalisedNameAndDOB() {
        let first = Records.case("2025-TEST-014", victim: victim, perpetrators: [perpetrator], referrals: [Records.referral(received: "2025-09-22")])
        let second = Records.case(
            "2026-TEST-020", victim: Records.person("SARAH JANE OKAFOR", dob: "1995-08-26"),
            perpetrators: [Records.person("Lewis James Hartley", dob: "1991-02-11")],
            referrals: [Records.referral(received: "2026-08-10")])
        let detection = RepeatDetection.analyse([first, second], rules: .westMidlands)
        XCTAssertEqual(detection.repeatOf(caseID: "2026-TEST-020", referral: 1)?.previousCaseID, "2025-TEST-014")
        XCTAssertTrue(detection.links.isEmpty)
        // A different date of birth is a different person.
        let other = Records.case(
            "2026-TEST-021", victim: Records.person("Sarah Jane Okafor", dob: "1996-08-26"), perpetrators: [perpetrator],
            referrals: [Records.referral(received: "2026-08-10")])
        let detection2 = RepeatDetection.analyse([first, other], rules: .westMidlands)
        XCTAssertTrue(detection2.repeats.isEmpty)
        XCTAssertEqual(detection2.links, [RepeatDetection.Link(caseIDs: ["2025-TEST-014", "2026-TEST-021"], kind: .samePerpetrator)])
    }

    func testLinkedCases() {
        let first = Records.case("2025-TEST-014", victim: victim, perpetrators: [perpetrator], referrals: [Records.referral(received: "2025-09-22")])
        let newVictim = Records.case(
            "2026-TEST-011", victim: Records.person("Chloe Brennan", dob: "1999-10-02"),
            perpetrators: [Records.person("Lewis James Hartley", dob: "1991-02-11")], referrals: [Records.referral(received: "2026-10-05")])
        let newPerpetrator = Records.case(
            "2026-TEST-012", victim: Records.person("Sarah Okafor", dob: "1995-08-26"),
            perpetrators: [Records.person("Someone Else", dob: "1980-01-01")], referrals: [Records.referral(received: "2026-10-06")])
        let detection = RepeatDetection.analyse([first, newVictim, newPerpetrator], rules: .westMidlands)
        XCTAssertTrue(detection.repeats.isEmpty)
        XCTAssertEqual(detection.links, [
            RepeatDetection.Link(caseIDs: ["2025-TEST-014", "2026-TEST-011"], kind: .samePerpetrator),
            RepeatDetection.Link(caseIDs: ["2025-TEST-014", "2026-TEST-012"], kind: .sameVictim),
        ])
        XCTAssertEqual(detection.links(of: "2026-TEST-012").count, 1)
    }

    func testGwentIDVAOnlyRepeat() {
        // Heard at MARAC on 2026-03-05; a repeat within 3 months of that date while the victim
        // engages with the IDVA goes to the IDVA only.
        func detect(_ received: String, engaged: Bool, rules: ProtocolRules = .gwent) -> RepeatDetection.Repeat? {
            let record = Records.case("2026-TEST-001", victim: victim, perpetrators: [perpetrator], referrals: [
                Records.referral(received: "2026-02-20"),
                Records.referral(received: received, criteria: ["repeat"], extra: [("idva_engaged", .b(engaged))]),
            ])
            return RepeatDetection.analyse([record], rules: rules, hearings: ["2026-TEST-001": [day("2026-03-05")]])
                .repeatOf(caseID: "2026-TEST-001", referral: 2)
        }
        XCTAssertEqual(detect("2026-06-05", engaged: true)?.idvaOnly, true)
        XCTAssertEqual(detect("2026-06-06", engaged: true)?.idvaOnly, false)
        XCTAssertEqual(detect("2026-04-01", engaged: false)?.idvaOnly, false)
        XCTAssertEqual(detect("2026-04-01", engaged: true, rules: .westMidlands)?.idvaOnly, false)
    }
}
