import Foundation
import XCTest
@testable import MaracBase
@testable import MaracJSON
@testable import MaracRecords
@testable import MaracReports

/// Every count and indicator of the fixture's quarter against the hand count in
/// `DataReturnFixture`'s table.
final class DataReturnFixtureTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws { root = try DataReturnFixture.write() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func row(_ report: DataReturn, _ date: String) throws -> DataReturn.Counts {
        try XCTUnwrap(report.meetings.first { $0.date.description == date }, date).counts
    }

    func testOneRowPerMeetingHeldInTheQuarter() throws {
        let r = try DataReturnFixture.report(root)
        // 02-05 is before the quarter, 10-01 after it; 09-17 heard no case but was held.
        XCTAssertEqual(r.meetings.map(\.date.description), ["2026-07-02", "2026-08-06", "2026-09-03", "2026-09-17", "2026-09-24"])
        XCTAssertEqual(r.meetings.map(\.marac), ["east", "east", "east", "east", "east"])
        XCTAssertEqual(r.meetings.map(\.counts.cases), [1, 2, 2, 0, 1])
        XCTAssertEqual(try row(r, "2026-09-17"), DataReturn.Counts())
        // 2026-FIXT-099 heard at 09-24 has no case file: left out, with a note.
        XCTAssertEqual(r.hearingsWithoutCaseFile, 1)
        XCTAssertTrue(r.notes(exact: true).contains("Hearings of a case that has no case file, not counted: 1; run 'mfile lint' to find them."))
    }

    func testCaseHeardTwiceCountsOnceAtItsFirstMeeting() throws {
        let r = try DataReturnFixture.report(root)
        // A: heard 07-02 and 08-06 for the same referral.
        XCTAssertEqual(try row(r, "2026-07-02").cases, 1)
        XCTAssertEqual(try row(r, "2026-07-02").reviews, 0)
        XCTAssertEqual(try row(r, "2026-08-06").cases, 2)       // B and D
        XCTAssertEqual(try row(r, "2026-08-06").reviews, 1)     // A again
        XCTAssertEqual(r.total.cases, 6)                        // A, B, D, C, E, G
        XCTAssertEqual(r.total.reviews, 1)
        // August alone: A was counted at 07-02, before the period, so it is only a review.
        let august = try DataReturnFixture.report(root, from: "2026-08-01", to: "2026-08-31")
        XCTAssertEqual(august.total.cases, 2)
        XCTAssertEqual(august.total.reviews, 1)
    }

    func testRepeatIsTheProtocolsRepeat() throws {
        let r = try DataReturnFixture.report(root)
        // D's second referral (2026-07-25) is within 12 months of its first (2026-01-10). G's
        // says "repeat" but there is no earlier referral to repeat: not counted.
        XCTAssertEqual(try row(r, "2026-08-06").repeats, 1)
        XCTAssertEqual(try row(r, "2026-09-24").repeats, 0)
        XCTAssertEqual(r.total.repeats, 1)
    }

    func testPoliceAndPartnerAgencyReferralsFollowThePoliceMarker() throws {
        let r = try DataReturnFixture.report(root)
        // wmp (kind = "police"): A 07-02, D 08-06, G 09-24. Partner: B health 08-06, C idva 09-03.
        // E's agency "fire" is not in marac.toml: neither.
        XCTAssertEqual(r.meetings.map(\.counts.policeReferrals), [1, 1, 0, 0, 1])
        XCTAssertEqual(r.meetings.map(\.counts.partnerReferrals), [0, 1, 1, 0, 0])
        XCTAssertEqual(r.meetings.map(\.counts.agencyNotRecorded), [0, 0, 1, 0, 0])
        XCTAssertEqual(r.total.referralsByAgency, ["wmp": 3, "health": 1, "idva": 1])
        XCTAssertTrue(r.notes(exact: true).contains { $0.contains("neither police nor partner-agency referrals: 1.") })
    }

    func testChildrenInTheHouseholds() throws {
        let r = try DataReturnFixture.report(root)
        // A: 2 of 3 in the household (07-02; not again at 08-06); C: 1 (09-03).
        XCTAssertEqual(r.meetings.map(\.counts.childrenInHouseholds), [2, 0, 1, 0, 0])
        XCTAssertEqual(r.total.childrenInHouseholds, 3)
    }

    func testEqualityCategoriesDeclinedAndNotKnownApart() throws {
        let r = try DataReturnFixture.report(root)
        let t = r.total
        XCTAssertTrue(r.notes(exact: true).contains { $0.hasPrefix("Victims with no ethnicity answer") && $0.contains("in no category: 1;") })
        XCTAssertEqual(r.notes(exact: true).filter { $0.hasPrefix("Victims with no") }.count, 1)
        XCTAssertEqual(t.inCategory[.raciallyMinoritised], 2)   // B black-caribbean, C asian-pakistani (A white-other is not)
        XCTAssertEqual(t.declined[.ethnicity], 1)               // D
        XCTAssertEqual(t.notKnown[.ethnicity], 1)               // G
        XCTAssertEqual(t.unrecorded[.ethnicity], 1)             // E: free text, in no category
        XCTAssertEqual(t.inCategory[.lgbtPlus], 3)              // B gay, D trans-woman, G bisexual
        XCTAssertEqual(t.declined[.sexualOrientation], 1)       // C
        XCTAssertEqual(t.inCategory[.disabled], 1)              // B
        XCTAssertEqual(t.notKnown[.disability], 1)              // C
        XCTAssertEqual(t.inCategory[.male], 1)                  // B
        XCTAssertEqual(t.declined[.gender], 1)                  // E
        XCTAssertNil(t.notKnown[.gender])
    }

    func testAges() throws {
        let r = try DataReturnFixture.report(root)
        XCTAssertEqual(r.meetings.map(\.counts.aged16To17), [0, 0, 1, 0, 0])             // C, 16
        XCTAssertEqual(r.meetings.map(\.counts.perpetrators17OrUnder), [0, 1, 0, 0, 0])  // B's, 17; C's is 18 that day
        XCTAssertEqual(r.total.victimAgeNotKnown, 1)                                      // E
    }

    func testPublishedIndicatorsByHand() throws {
        let r = try DataReturnFixture.report(root)
        let csv = r.csv(byMeeting: false, exact: true)
        for line in [
            "cases,6", "children_in_households,3", "victims_aged_16_17,1", "perpetrators_17_or_under,1",
            "cases_per_10000,3.0",              // 6 / 20,000 x 10,000
            "repeat_rate,16.7",                 // 1 / 6
            "partner_share,33.3",               // 2 / 6
            "police_share,50.0",                // 3 / 6
            "racially_minoritised_share,33.3",  // 2 / 6
            "lgbt_plus_share,50.0",             // 3 / 6
            "disabled_share,16.7", "male_share,16.7", "aged_16_17_share,16.7",
        ] {
            XCTAssertTrue(csv.contains("\n\(line)\n"), line)
        }
    }

    func testMeetingsAfterTheAsOfDateAreNotCounted() throws {
        let r = try DataReturnFixture.report(root, asOf: "2026-09-20")
        XCTAssertEqual(r.meetings.map(\.date.description), ["2026-07-02", "2026-08-06", "2026-09-03", "2026-09-17"])
        XCTAssertEqual(r.total.cases, 5)
        XCTAssertEqual(r.total.policeReferrals, 2)
        XCTAssertTrue(r.notes(exact: true).contains { $0.contains("2026-09-20 (the as-of date) are not counted") })
    }

    func testByMeetingCSVRowsAndTotal() throws {
        let r = try DataReturnFixture.report(root)
        let lines = r.csv(byMeeting: true, exact: true).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        XCTAssertEqual(lines.count, 7)   // header, five meetings, total
        func cell(_ line: Int, _ key: String) -> String {
            lines[line].split(separator: ",", omittingEmptySubsequences: false).map(String.init)[header.firstIndex(of: key)!]
        }
        XCTAssertEqual((1...6).map { cell($0, "meeting_date") }, ["2026-07-02", "2026-08-06", "2026-09-03", "2026-09-17", "2026-09-24", "total"])
        XCTAssertEqual((1...6).map { cell($0, "cases") }, ["1", "2", "2", "0", "1", "6"])
        XCTAssertEqual((1...6).map { cell($0, "repeat_cases") }, ["0", "1", "0", "0", "0", "1"])
        XCTAssertEqual((1...6).map { cell($0, "police_referrals") }, ["1", "1", "0", "0", "1", "3"])
        XCTAssertEqual((1...6).map { cell($0, "referred_by_health") }, ["0", "1", "0", "0", "0", "1"])
        XCTAssertEqual((1...6).map { cell($0, "victims_male") }, ["0", "1", "0", "0", "0", "1"])
        XCTAssertEqual((1...6).map { cell($0, "victims_lgbt_plus") }, ["0", "2", "0", "0", "1", "3"])
        XCTAssertEqual((1...6).map { cell($0, "reviews") }, ["0", "1", "0", "0", "0", "1"])
        // Hidden: every per-meeting count is below 5.
        let hidden = r.csv(byMeeting: true, exact: false).split(separator: "\n").map(String.init)
        XCTAssertTrue(hidden[1].hasPrefix("2026-07-02,east,<5,<5,"), hidden[1])
        XCTAssertTrue(hidden[6].hasPrefix("total,,6,<5,"), hidden[6])
    }

    func testWithoutPopulationOrPoliceMarkerTheIndicatorIsLeftOutWithANote() throws {
        let bare = try DataReturnFixture.write(population: false, policeMarker: false)
        defer { try? FileManager.default.removeItem(at: bare) }
        let r = try DataReturnFixture.report(bare)
        let json = r.json(byMeeting: false, exact: true)
        XCTAssertEqual(json["indicators"]?["cases_per_10000"], .null)
        XCTAssertEqual(json["indicators"]?["police_share"], .null)
        XCTAssertEqual(json["total"]?["police_referrals"], .null)
        XCTAssertEqual(json["adult_female_population"], .null)
        let notes = r.notes(exact: true)
        XCTAssertTrue(notes.contains { $0.contains("Cases per 10,000 is left out") })
        XCTAssertTrue(notes.contains { $0.contains("add kind = \"police\"") })
    }
}
