import XCTest
@testable import MaracBase
@testable import MaracJSON
@testable import MaracReports

/// The demo's data return, counted by hand from the demo files (DEMO.md, "The data return").
final class DataReturnDemoTests: XCTestCase {
    private func report(_ from: String, _ to: String, asOf: String = "2026-12-31") throws -> DataReturn {
        let (root, _) = try IndexFixture.demoIndex()
        defer { try? FileManager.default.removeItem(at: root) }
        return try DataReturnFixture.report(root, from: from, to: to, asOf: asOf)
    }

    func testWholeDemoPeriodByHand() throws {
        // Held 2026-08-06 to 2026-12-03: 001, 003, 002 | 2025-014, 005, 004, 006 | 009, 008, 010,
        // 007 | 012, 011, 2025-012, 013 (003 again: a review) | 015, 016 = 17 cases.
        let r = try report("2026-08-01", "2026-12-31")
        let t = r.total
        XCTAssertEqual(t.cases, 17)
        XCTAssertEqual(t.reviews, 1)                 // 003 at 2026-11-05 (outgoing transfer, information)
        XCTAssertEqual(t.repeats, 2)                 // 2025-014 (2026-08-10), 2025-012 (2026-10-12, info only)
        // Police: 001, 2025-014, 006, 009, 008, 2025-012, 013, 015, 016.
        XCTAssertEqual(t.policeReferrals, 9)
        XCTAssertEqual(t.partnerReferrals, 8)
        XCTAssertEqual(t.referralsByAgency, [
            "police": 9, "health": 2, "adults": 1, "education": 1, "housing": 1, "idva": 1,
            "mental-health": 1, "probation": 1,
        ])
        // In household: 001 2, 003 2 (one unborn), 2025-014 2, 005 1, 006 1, 009 2, 012 2,
        // 011 1, 2025-012 2, 015 1; 008's two and 001's third are not in the household.
        XCTAssertEqual(t.childrenInHouseholds, 16)
        XCTAssertEqual(t.inCategory[.raciallyMinoritised], 6)   // 2025-014, 005, 009, 012, 015, 016 (002 white-other is not)
        XCTAssertEqual(t.declined[.ethnicity], 1)               // 008
        XCTAssertEqual(t.inCategory[.lgbtPlus], 1)              // 007
        XCTAssertEqual(t.declined[.sexualOrientation], 2)       // 013, 016
        XCTAssertEqual(t.inCategory[.disabled], 2)              // 005, 010
        XCTAssertEqual(t.declined[.disability], 1)              // 009
        XCTAssertEqual(t.notKnown[.disability], 1)              // 015
        XCTAssertEqual(t.inCategory[.male], 1)                  // 002
        XCTAssertEqual(t.aged16To17, 1)                         // 004, 17 on 2026-08-04
        XCTAssertEqual(t.perpetrators17OrUnder, 0)              // 004's perpetrator is 19
        XCTAssertEqual(t.transfersIn, 1)                        // 012
        XCTAssertEqual(t.dvds, 1)                               // 013
        XCTAssertTrue(t.unrecorded.isEmpty)
        let csv = r.csv(byMeeting: false, exact: true)
        XCTAssertTrue(csv.contains("\nrepeat_rate,11.8\n"))     // 2 / 17
        XCTAssertTrue(csv.contains("\npolice_share,52.9\n"))    // 9 / 17
        XCTAssertTrue(csv.contains("\ncases_per_10000,3.5\n"))  // 17 / 48,250 x 10,000 = 3.52
    }

    func testEveryDemoMeetingRowByHand() throws {
        // DEMO.md, "The data return".
        let rows = try report("2026-08-01", "2026-12-31").meetings
        XCTAssertEqual(rows.map(\.date.description), ["2026-08-06", "2026-09-03", "2026-10-01", "2026-11-05", "2026-12-03"])
        XCTAssertEqual(rows.map(\.counts.cases), [3, 4, 4, 4, 2])
        XCTAssertEqual(rows.map(\.counts.repeats), [0, 1, 0, 1, 0])
        XCTAssertEqual(rows.map(\.counts.policeReferrals), [1, 2, 2, 2, 2])
        XCTAssertEqual(rows.map(\.counts.partnerReferrals), [2, 2, 2, 2, 0])
        XCTAssertEqual(rows.map(\.counts.childrenInHouseholds), [4, 4, 2, 5, 1])
        XCTAssertEqual(rows.map { $0.counts.inCategory[.raciallyMinoritised] ?? 0 }, [0, 2, 1, 1, 2])
        XCTAssertEqual(rows.map { $0.counts.inCategory[.lgbtPlus] ?? 0 }, [0, 0, 1, 0, 0])
        XCTAssertEqual(rows.map { $0.counts.inCategory[.disabled] ?? 0 }, [0, 1, 1, 0, 0])
        XCTAssertEqual(rows.map { $0.counts.inCategory[.male] ?? 0 }, [1, 0, 0, 0, 0])
        XCTAssertEqual(rows.map(\.counts.aged16To17), [0, 1, 0, 0, 0])
        XCTAssertEqual(rows.map(\.counts.reviews), [0, 0, 0, 1, 0])
        XCTAssertEqual(rows.map { $0.counts.declined[.ethnicity] ?? 0 }, [0, 0, 1, 0, 0])
        XCTAssertEqual(rows.map { $0.counts.declined[.sexualOrientation] ?? 0 }, [0, 0, 0, 1, 1])
        XCTAssertEqual(rows.map { $0.counts.declined[.disability] ?? 0 }, [0, 0, 1, 0, 0])
        XCTAssertEqual(rows.map { $0.counts.notKnown[.disability] ?? 0 }, [0, 0, 0, 0, 1])
        XCTAssertEqual(rows.map(\.counts.perpetrators17OrUnder), [0, 0, 0, 0, 0])
    }

    func testQuarterWithSmallNumbersHidden() throws {
        let r = try report("2026-07-01", "2026-09-30")
        XCTAssertEqual(r.total.cases, 7)
        let hidden = r.csv(byMeeting: false, exact: false)
        for line in [
            "cases,7", "children_in_households,8", "repeat_cases,<5", "repeat_rate,-", "victims_male,<5",
            "referred_by_police,<5", "cases_per_10000,1.5",
        ] {
            XCTAssertTrue(hidden.contains("\n\(line)\n"), line)
        }
        XCTAssertTrue(r.csv(byMeeting: false, exact: true).contains("\nvictims_male,1\n"))
    }

    /// 2026Q3 per meeting, in the three formats, through the binary. By hand:
    /// 2026-08-06: 001 (police, 2 children), 003 (health, 2 children), 002 (health, male).
    /// 2026-09-03: 2025-014 (police, repeat, black-african, 2 children), 005 (mental-health,
    /// asian-bangladeshi, disabled, 1 child), 004 (education, aged 17), 006 (police, 1 child).
    func testDemoQuarterByMeetingInEveryFormat() throws {
        let base = ["stats", "--quarter", "2026Q3", "--by", "meeting", "--as-of", "2026-11-23", "--exact"]
        let expected: [(key: String, label: String, values: [Int])] = [
            ("cases", "Cases discussed (repeats included)", [3, 4, 7]),
            ("repeat_cases", "Repeat cases", [0, 1, 1]),
            ("police_referrals", "Referrals from the police", [1, 2, 3]),
            ("partner_referrals", "Referrals from partner agencies (not police)", [2, 2, 4]),
            ("referred_by_health", "Referred by Example NHS Trust (Safeguarding)", [2, 0, 2]),
            ("referred_by_mental-health", "Referred by Example Mental Health Services", [0, 1, 1]),
            ("referred_by_education", "Referred by Example Schools Safeguarding", [0, 1, 1]),
            ("children_in_households", "Children in the households", [4, 4, 8]),
            ("victims_racially_minoritised", "Victims: Black, Asian or racially minoritised", [0, 2, 2]),
            ("victims_lgbt_plus", "Victims: LGBT+", [0, 0, 0]),
            ("victims_disabled", "Victims: with a disability", [0, 1, 1]),
            ("victims_male", "Victims: male", [1, 0, 1]),
            ("victims_aged_16_17", "Victims aged 16-17", [0, 1, 1]),
            ("perpetrators_17_or_under", "Perpetrators aged 17 or under", [0, 0, 0]),
            ("reviews", "Heard again for a referral already counted (not cases)", [0, 0, 0]),
        ]

        let csv = try runProduct("mfile", base + ["--format", "csv"], in: DemoRepository.root)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines.map { Array($0.prefix(2)) }, [["meeting_date", "marac"], ["2026-08-06", "north"], ["2026-09-03", "north"], ["total", ""]])
        for (key, _, values) in expected {
            let column = try XCTUnwrap(lines[0].firstIndex(of: key), key)
            XCTAssertEqual(lines[1...].map { $0[column] }, values.map(String.init), key)
        }

        let json = try JSONParser.parse(try runProduct("mfile", base + ["--format", "json"], in: DemoRepository.root).stdout)
        guard case .array(let meetings)? = json["meetings"] else { return XCTFail("no meetings array") }
        XCTAssertEqual(meetings.map { $0["date"] }, [.string("2026-08-06"), .string("2026-09-03")])
        for (key, _, values) in expected {
            XCTAssertEqual(meetings.map { $0[key] } + [json["total"]?[key]], values.map { .integer(Int64($0)) }, key)
        }
        XCTAssertEqual(json["indicators"]?["repeat_rate"], .number(14.3))        // 1 / 7
        XCTAssertEqual(json["indicators"]?["partner_share"], .number(57.1))      // 4 / 7
        XCTAssertEqual(json["indicators"]?["racially_minoritised_share"], .number(28.6))
        XCTAssertEqual(json["indicators"]?["cases_per_10000"], .number(1.5))     // 7 / 48,250 x 10,000
        XCTAssertEqual(json["categories"]?["version"], .string("2026.1"))

        let md = try runProduct("mfile", base + ["--format", "md"], in: DemoRepository.root).stdout
        XCTAssertTrue(md.contains("| Measure | 2026-08-06 north | 2026-09-03 north | Total |"), md)
        for (_, label, values) in expected {
            XCTAssertTrue(md.contains("| \(label) | " + values.map(String.init).joined(separator: " | ") + " |"), label)
        }
        XCTAssertTrue(md.contains("| % repeat cases | 14.3 |"))
    }

    func testAsOfBeforeTheLastMeetingLeavesItOut() throws {
        // 2026Q4 as of 2026-11-23: 10-01 (009, 008, 010, 007) and 11-05 (012, 011, 2025-012, 013;
        // 003 a review); 12-03 is not yet held.
        let early = try report("2026-10-01", "2026-12-31", asOf: "2026-11-23")
        XCTAssertEqual(early.meetings.map(\.counts.cases), [4, 4])
        XCTAssertEqual(early.meetings.map(\.counts.reviews), [0, 1])
        let late = try report("2026-10-01", "2026-12-31", asOf: "2026-12-03")
        XCTAssertEqual(late.meetings.map(\.counts.cases), [4, 4, 2])
        let result = try runProduct("mfile", ["stats", "--quarter", "2026Q4", "--as-of", "2026-11-23", "--format", "json"], in: DemoRepository.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try JSONParser.parse(result.stdout)["total"]?["cases"], .integer(8))
    }

    func testUsageMistakesExitTwo() throws {
        for arguments in [
            ["stats", "--quarter", "2026Q5"], ["stats", "--quarter", "2026Q3", "--by", "agency"],
            ["stats", "--quarter", "2026Q3", "--as-of", "23/11/2026"], ["stats", "--from", "2026-09-01", "--to", "2026-08-01"],
            ["stats", "--quarter", "2026Q3", "2026-11-23"],
        ] {
            let result = try runProduct("mfile", arguments, in: DemoRepository.root)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains("usage: mfile stats"), result.stderr)
        }
    }
}
