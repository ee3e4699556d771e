import Foundation
import XCTest

/// No finding ever prints a value from a record: canary values planted in broken fields must
/// not appear anywhere in lint's output, text or JSON.
final class LintPrivacyTests: XCTestCase {
    static let canaries = ["CANARYNAME", "Zqxwv", "1911-11-11", "1912-12-12", "CANARYADDR", "CANARYREL",
                           "CANARYSTATUS", "CANARYTOOL", "CANARYAGENCY", "CANARYSYNTAX", "CANARYTEXT", "CANARYOWNER", "Canarykey"]

    func testNoFindingPrintsARecordValue() throws {
        let root = try makeTemporaryDirectory("mfile-canary")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: DemoRepository.root.appendingPathComponent("marac.toml"), to: root.appendingPathComponent("marac.toml"))
        try FileManager.default.copyItem(
            at: DemoRepository.root.appendingPathComponent("schema"), to: root.appendingPathComponent("schema"))
        let cases = root.appendingPathComponent("cases/2026")
        let meetings = root.appendingPathComponent("meetings/2026")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: meetings, withIntermediateDirectories: true)

        try """
            id = "2026-ZZZZ-001"
            marac = "north"
            status = "CANARYSTATUS"
            session = "open"
            nickname = "CANARYNAME"
            "Zqxwv Canarykey" = "CANARYNAME"

            [victim]
            name = "CANARYNAME Zqxwv"
            aliases = ["CANARYNAME", "CANARYNAME"]
            dob = "1911-11-11"
            address = 1912-12-12
            gender = ["CANARYNAME"]

            [[perpetrator]]
            name = "Zqxwv CANARYNAME"
            relationship = "CANARYREL"
            dob = 1912-12-12T10:00:00

            [[referral]]
            received = 2026-10-01
            agency = "CANARYAGENCY"
            referrer = "CANARYNAME"
            incident = "1912-12-12"
            risk_tool = "CANARYTOOL"
            risk_score = -3
            criteria = ["professional-judgement", "CANARYREL"]
            consent = "refused"
            decision = "accepted"
            """.write(to: cases.appendingPathComponent("wrong-name.toml"), atomically: true, encoding: .utf8)
        try """
            id = "2026-ZZZZ-002"
            marac = "north"
            [victim]
            name = "CANARYSYNTAX
            dob = 1911-13-45
            """.write(to: cases.appendingPathComponent("2026-ZZZZ-002.toml"), atomically: true, encoding: .utf8)
        try """
            id = "2026-ZZZZ-003"
            [victim]
            dob = 1911-11-11
            name = "CANARYNAME" "CANARYNAME"
            """.write(to: cases.appendingPathComponent("2026-ZZZZ-003.toml"), atomically: true, encoding: .utf8)
        try """
            marac = "north"
            date = 2026-10-09
            kind = "scheduled"

            [[attendee]]
            agency = "CANARYAGENCY"
            name = "CANARYNAME"
            confidentiality_signed = "CANARYTEXT"

            [[hearing]]
            case = "2026-ZZZZ-001"

              [[hearing.information]]
              agency = "police"
              kind = "CANARYTEXT"
              text = 1911-11-11

              [[hearing.action]]
              id = 1
              text = "CANARYTEXT"
              status = "CANARYSTATUS"
              owner = ""
              due = "1911-11-11"
            """.write(to: meetings.appendingPathComponent("2026-10-08-north.toml"), atomically: true, encoding: .utf8)

        for format in ["text", "json"] {
            let result = try runProduct("mfile", ["lint", "--repo", root.path, "--format", format])
            XCTAssertEqual(result.status, 1, result.stderr)
            let output = result.stdout + result.stderr
            XCTAssertGreaterThan(output.components(separatedBy: "\n").count, 15, "expected many findings:\n\(output)")
            for canary in Self.canaries {
                XCTAssertFalse(output.contains(canary), "\(format) output prints the record value \(canary):\n\(output)")
            }
        }
    }
}
