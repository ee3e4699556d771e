import XCTest
@testable import MaracBase
@testable import MaracIndex
@testable import MaracLint
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracReports

/// Attendance (issue 13, duty 3): core agencies at every scheduled meeting [000 §8; 001 §2.2;
/// 003 MOP §3.1, §9.1], Gwent's alternative representative [001 §2.2], the West Midlands
/// presenter [004], Liverpool's sign-in and sign-out times [003 MOP §9.4, App.4], and
/// attendance by agency in `stats` [003 MOP §3.6, 000 §6].
final class AttendanceTests: XCTestCase {
    typealias F = DutyFixtures

    private func rules(_ breaches: [Breach]) -> [String] {
        breaches.map { [$0.rule, $0.agency ?? "-", $0.item ?? "-"].joined(separator: " ") }.sorted()
    }

    func testCoreAgencyAbsentFromTheDayAfterTheMeeting() throws {
        let meeting = F.meeting("2026-11-05", attendees: ["police", "idva"])
        for profile in ["west-midlands", "gwent", "liverpool"] {
            XCTAssertEqual(try F.breaches(profile, asOf: "2026-11-05", meetings: [meeting]).filter { $0.rule.hasPrefix("core") }, [], profile)
            // The children's agency is expected only when a case heard has children.
            XCTAssertEqual(rules(try F.breaches(profile, asOf: "2026-11-06", meetings: [meeting]).filter { $0.rule.hasPrefix("core") }), [], profile)
        }
        let withChild = F.meeting("2026-11-05", attendees: ["police", "children"], heard: [("2026-TEST-001", "police")])
        let found = try F.breaches("west-midlands", asOf: "2026-11-06", cases: [F.caseWithChild("2026-TEST-001")], meetings: [withChild])
        XCTAssertEqual(rules(found.filter { $0.rule.hasPrefix("core") }), ["core-agency-absent idva core agency"])
        let absent = try XCTUnwrap(found.first { $0.rule == "core-agency-absent" })
        XCTAssertEqual(absent.due, day("2026-11-05"))
        XCTAssertEqual(absent.reference, "West Midlands MARAC Partnership Operating Protocol §8")
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2026-11-06", rules: "core_agency_attendance = false", meetings: [F.meeting("2026-11-05", attendees: ["police"])])
            .filter { $0.rule.hasPrefix("core") }, [])
    }

    func testNoAttendeesIsOneFindingAndEmergencyOrClosedMeetingsNone() throws {
        let empty = F.meeting("2026-11-05", attendees: [])
        XCTAssertEqual(rules(try F.breaches("gwent", asOf: "2026-11-06", meetings: [empty]).filter { !$0.rule.hasPrefix("agenda") && !$0.rule.hasPrefix("circulation") }),
                       ["attendance-not-recorded - -"])
        XCTAssertEqual(try F.breaches("gwent", asOf: "2026-11-05", meetings: [empty]).filter { $0.rule == "attendance-not-recorded" }, [])
        for kind in ["emergency", "closed"] {
            let meeting = F.meeting("2026-11-05", kind: kind, attendees: ["police"])
            XCTAssertEqual(try F.breaches("liverpool", asOf: "2026-11-06", meetings: [meeting]).filter { $0.rule.hasPrefix("core") }, [], kind)
        }
    }

    func testAnApologyWithoutWrittenInformationIsOneLine() throws {
        let meeting = F.meeting("2026-11-05", attendees: ["police"], apologies: [F.apology("idva", written: false)])
        let found = try F.breaches("west-midlands", asOf: "2026-11-06", meetings: [meeting])
        XCTAssertEqual(rules(found.filter { $0.agency == "idva" }), ["written-information-missing idva apology 1"])
    }

    func testGwentWantsADeputyNotApologies() throws {
        let meeting = F.meeting("2026-11-05", attendees: ["police"], apologies: [F.apology("idva", written: true), F.apology("housing", written: true)])
        XCTAssertEqual(rules(try F.breaches("gwent", asOf: "2026-11-06", meetings: [meeting]).filter { $0.rule.hasPrefix("core") }),
                       ["core-agency-no-deputy idva apology 1"])
        XCTAssertEqual(try F.breaches("gwent", asOf: "2026-11-05", meetings: [meeting]).filter { $0.rule.hasPrefix("core") }, [])
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2026-11-06", meetings: [meeting]).filter { $0.rule.hasPrefix("core") }, [])
        XCTAssertEqual(try F.breaches("gwent", asOf: "2026-11-06", rules: "core_agency_deputy_required = false", meetings: [meeting])
            .filter { $0.rule.hasPrefix("core") }, [])
    }

    func testWestMidlandsPresenterAttends() throws {
        let cases = [Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-10-01")]),
                     Records.case("2026-TEST-002", victim: Records.person("Two", dob: "1991-01-01"), referrals: [Records.referral(received: "2026-10-01")])]
        let meeting = F.meeting("2026-11-05", attendees: ["police", "idva"], heard: [("2026-TEST-001", "housing"), ("2026-TEST-002", nil)])
        XCTAssertEqual(rules(try F.breaches("west-midlands", asOf: "2026-11-06", cases: cases, meetings: [meeting]).filter { $0.rule.hasPrefix("presenter") }),
                       ["presenter-missing - hearing[2]", "presenter-not-attending housing hearing[1]"])
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2026-11-05", cases: cases, meetings: [meeting]).filter { $0.rule.hasPrefix("presenter") }, [])
        // Closed sessions too; not Liverpool (its support officer presents "as a 'one off'",
        // 003 MOP §9.14) or Gwent.
        let closed = F.meeting("2026-11-05", kind: "closed", attendees: ["police"], heard: [("2026-TEST-001", "housing")])
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2026-11-06", cases: cases, meetings: [closed]).filter { $0.rule.hasPrefix("presenter") }.count, 1)
        XCTAssertEqual(try F.breaches("liverpool", asOf: "2026-11-06", cases: cases, meetings: [meeting]).filter { $0.rule.hasPrefix("presenter") }, [])
        // A repeat listed for information only is not heard, so needs no presenter.
        let infoOnly = [Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-10-01", extra: [("info_only", .b(true))])])]
        XCTAssertEqual(try F.breaches("west-midlands", asOf: "2026-11-06", cases: infoOnly,
                                      meetings: [F.meeting("2026-11-05", heard: [("2026-TEST-001", "housing")])]).filter { $0.rule.hasPrefix("presenter") }, [])
    }

    private func signLint(_ profile: String, _ attendee: String) throws -> [LintRule] {
        let meeting = try F.meeting(toml: """
            marac = "north"
            date = 2026-11-05
            kind = "scheduled"
            [[attendee]]
            agency = "police"
            name = "N"
            confidentiality_signed = true
            \(attendee)
            [[hearing]]
            case = "2026-TEST-001"
            presented_by = "police"
            """, date: "2026-11-05")
        let record = Records.case("2026-TEST-001", referrals: [Records.referral(received: "2026-10-01", score: 80, tool: "merit")])
        return try F.lint(profile, cases: [record], meetings: [meeting]).map(\.rule).filter {
            [.signInOutMissing, .signOutBeforeIn, .unknownCase].contains($0)
        }
    }

    func testLiverpoolSignInAndOut() throws {
        XCTAssertEqual(try signLint("liverpool", "signed_in = 09:58:00\nsigned_out = 09:58:00"), [])
        XCTAssertEqual(try signLint("liverpool", "signed_in = 09:58:00\nsigned_out = 09:57:00"), [.signOutBeforeIn])
        XCTAssertEqual(try signLint("liverpool", "signed_in = 09:58:00"), [.signInOutMissing])
        XCTAssertEqual(try signLint("liverpool", ""), [.signInOutMissing])
        XCTAssertEqual(try signLint("west-midlands", ""), [])
        XCTAssertEqual(try signLint("west-midlands", "signed_in = 10:00:00\nsigned_out = 09:00:00"), [.signOutBeforeIn])
        XCTAssertEqual(try signLint("liverpool", "signed_in = 09:00:00\nsigned_out = 11:00:00\nleft_after_case = \"2026-TEST-001\""), [])
        XCTAssertEqual(try signLint("liverpool", "signed_in = 09:00:00\nsigned_out = 11:00:00\nleft_after_case = \"2026-TEST-002\""), [.unknownCase])
        XCTAssertEqual(try signLint("liverpool", "").count, 1)
        XCTAssertEqual(try F.lint("liverpool", rules: "sign_in_out_times = false", meetings: [F.meeting("2026-11-05")]).filter { $0.rule == .signInOutMissing }, [])
    }

    func testStatsCountAttendanceAtScheduledMeetingsToTheEndOfThePeriod() throws {
        let configuration = try F.configuration("west-midlands")
        let settings = DataReturnSettings(configuration: configuration, categories: try DataReturnCategories.load(root: nil))
        let meetings = [
            F.meeting("2026-10-01", attendees: ["police", "idva"], apologies: [F.apology("children", written: true)]),
            F.meeting("2026-11-05", attendees: ["police"], apologies: [F.apology("idva", written: false)]),
            F.meeting("2026-11-06", kind: "emergency", attendees: ["police"]),
            F.meeting("2026-12-03", attendees: ["idva"]),
        ]
        let stamp = { (path: String) in FileStamp(path: path, size: 0, modified: 0, hash: 0) }
        let index = PeopleIndex(
            entries: meetings.map { IndexEntry(stamp: stamp($0.file), record: .meeting(IndexedMeeting($0))) }, configuration: stamp("marac.toml"))
        func row(_ to: String, _ agency: String) -> [Int] {
            let period = ReportPeriod(from: day("2026-10-01"), to: day(to))!
            let result = DataReturn(index, period: period, asOf: day("2026-12-31"), settings: settings)
            return result.attendance.first { $0.agency == agency }!.counts.map(\.value)
        }
        // meetings, attended, apologies written, apologies without written information, absent.
        XCTAssertEqual(row("2026-12-02", "police"), [2, 2, 0, 0, 0])
        XCTAssertEqual(row("2026-12-03", "police"), [3, 2, 0, 0, 1])
        XCTAssertEqual(row("2026-12-03", "idva"), [3, 2, 0, 1, 0])
        XCTAssertEqual(row("2026-12-03", "children"), [3, 0, 1, 0, 2])
        XCTAssertEqual(row("2026-12-03", "housing"), [3, 0, 0, 0, 3])
        let period = ReportPeriod(from: day("2026-10-01"), to: day("2026-12-03"))!
        let result = DataReturn(index, period: period, asOf: day("2026-12-31"), settings: settings)
        XCTAssertEqual(result.attendance.map(\.agency), ["police", "idva", "children", "housing"])
        XCTAssertTrue(result.csv(byMeeting: false, exact: false).contains("attendance_police_attended,2\nattendance_police_apologies_written,0\n"))
        XCTAssertTrue(result.csv(byMeeting: false, exact: false).contains("attendance_police_attended_pct,66.7\n"))
        XCTAssertTrue(result.markdown(byMeeting: false, exact: false).contains("| Police | yes | 3 | 2 | 0 | 0 | 1 | 66.7 |"))
    }
}
