import XCTest
@testable import MaracBase
@testable import MaracJSON
@testable import MaracReports

/// The demo's data return, counted by hand from the demo files (see DEMO.md).
final class IndexStatsTests: XCTestCase {
    private func report(_ from: LocalDate, _ to: LocalDate) throws -> DataReturn {
        let (root, index) = try IndexFixture.demoIndex()
        defer { try? FileManager.default.removeItem(at: root) }
        return DataReturn(index, from: from, to: to)
    }

    func testWholeDemoPeriodByHand() throws {
        // Heard 2026-08-06 to 2026-12-03: 001, 003 (twice, counted once), 002, 2025-014, 005,
        // 004, 006, 009, 008, 010, 007, 012, 011, 2025-012, 013, 015, 016 = 17 cases.
        let r = try report(LocalDate(year: 2026, month: 8, day: 1), LocalDate(year: 2026, month: 12, day: 31))
        XCTAssertEqual(r.casesHeard, 17)
        XCTAssertEqual(r.repeatCases, 2)            // 2025-014 (heard for its 2026-08-10 repeat), 2025-012 (info only)
        // Police: 001, 2025-014, 006, 009, 008, 2025-012, 013, 015, 016.
        XCTAssertEqual(r.policeReferrals, 9)
        let agencies = Dictionary(uniqueKeysWithValues: r.referralsByAgency.map { ($0.agency, $0.count) })
        XCTAssertEqual(agencies, [
            "police": 9, "health": 2, "adults": 1, "education": 1, "housing": 1, "idva": 1,
            "mental-health": 1, "probation": 1,
        ])
        // In household: 001 2, 003 2 (one unborn), 2025-014 2, 005 1, 006 1, 009 2, 012 2,
        // 011 1, 2025-012 2, 015 1; 008's two and 001's third are not in the household.
        XCTAssertEqual(r.childrenInHouseholds, 16)
        XCTAssertEqual(r.bame, 6)                   // 2025-014, 005, 009, 012, 015, 016 ("White - Polish" is not)
        XCTAssertEqual(r.declinedEthnicity, 1)      // 008
        XCTAssertEqual(r.lgbt, 1)                   // 007
        XCTAssertEqual(r.declinedSexualOrientation, 2) // 013, 016
        XCTAssertEqual(r.disabled, 2)               // 005, 010
        XCTAssertEqual(r.declinedDisability, 1)     // 009
        XCTAssertEqual(r.male, 1)                   // 002
        XCTAssertEqual(r.aged16To17, 1)             // 004, 17 on 2026-08-04
        XCTAssertEqual(r.perpetratorsUnder18, 0)    // 004's perpetrator is 19
        XCTAssertEqual(r.transfersIn, 1)            // 012
        XCTAssertEqual(r.transfersOut, 1)           // 003
        XCTAssertEqual(r.dvds, 1)                   // 013
        let csv = r.csv(exact: true)
        XCTAssertTrue(csv.contains("repeat_rate,11.8\n"))
        XCTAssertTrue(csv.contains("police_share,52.9\n"))
    }

    func testQuarterWithSmallNumbersHidden() throws {
        // 2026Q3: meetings 2026-08-06 and 2026-09-03: 001, 003, 002, 2025-014, 005, 004, 006.
        let r = try report(LocalDate(year: 2026, month: 7, day: 1), LocalDate(year: 2026, month: 9, day: 30))
        XCTAssertEqual(r.casesHeard, 7)
        XCTAssertEqual(r.repeatCases, 1)
        XCTAssertEqual(r.policeReferrals, 3)
        XCTAssertEqual(r.childrenInHouseholds, 8)
        XCTAssertEqual(r.bame, 2)
        let hidden = r.csv(exact: false)
        XCTAssertTrue(hidden.contains("cases_heard,7\n"))
        XCTAssertTrue(hidden.contains("children_in_households,8\n"))
        XCTAssertTrue(hidden.contains("repeat_cases,<5\n"))
        XCTAssertTrue(hidden.contains("repeat_rate,-\n"))
        XCTAssertTrue(hidden.contains("victims_male,<5\n"))
        XCTAssertTrue(hidden.contains("referrals_police,<5\n"))
        XCTAssertTrue(r.csv(exact: true).contains("victims_male,1\n"))
    }

    func testStatsCommandPrintsNoRecordValues() throws {
        let result = try runProduct("mfile", ["stats", "--quarter", "2026Q4", "--format", "json"], in: DemoRepository.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let value = try JSONParser.parse(result.stdout)
        XCTAssertEqual(value["cases_heard"], .integer(11))
        let text = result.stdout + result.stderr
        for name in ["Okafor", "Hartley", "Brennan", "Qureshi", "Nowak", "Example Town", "1995-08-26"] {
            XCTAssertFalse(text.contains(name), name)
        }
        let usage = try runProduct("mfile", ["stats", "--quarter", "2026Q5"], in: DemoRepository.root)
        XCTAssertEqual(usage.status, 2)
    }
}
