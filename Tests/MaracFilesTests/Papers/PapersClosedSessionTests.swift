import Foundation
import XCTest
@testable import MaracBase
@testable import MaracPapers
@testable import MaracRepository

/// Closed-session cases never reach the general papers: a canary victim name (and the
/// perpetrator's, and an action owner's) is absent from every general paper and present in
/// the closed session's own papers.
final class PapersClosedSessionTests: XCTestCase {
    typealias F = PaperFixtures
    static let canary = "CANARYVICTIM Qzxv"
    static let perpetratorCanary = "CANARYPERP Wqxz"
    static let ownerCanary = "CANARYOWNER Jkqz"
    static let employeeCanary = "CANARYEMPLOYEE Vbnq"

    private func repository() throws -> URL {
        let action = { (id: Int, owner: String) in
            """

              [[hearing.action]]
              id = \(id)
              agency = "housing"
              owner = "\(owner)"
              text = "Check the address"
              due = 2026-10-20
              status = "open"

            """
        }
        let earlier = """
            marac = "north"
            date = 2026-10-01
            kind = "scheduled"

            [[hearing]]
            case = "2026-TEST-002"
            presented_by = "police"
            \(action(1, Self.ownerCanary))
            [[hearing]]
            case = "2026-TEST-001"
            presented_by = "police"
            \(action(2, "Open Owner"))
            """
        let meeting = """
            marac = "north"
            date = 2026-11-05
            kind = "scheduled"

            [[hearing]]
            case = "2026-TEST-001"
            presented_by = "police"

              [[hearing.information]]
              agency = "police"
              kind = "fact"
              text = "Open case information"

            [[hearing]]
            case = "2026-TEST-002"
            presented_by = "police"

              [[hearing.information]]
              agency = "police"
              kind = "fact"
              text = "CANARYINFO about \(Self.canary)"
            \(action(3, Self.ownerCanary))
            [[hearing]]
            case = "2026-TEST-003"
            presented_by = "police"
            """
        return try F.repository([
            ("cases/2026/2026-TEST-001.toml", F.caseText(id: "2026-TEST-001", victim: .init(name: "Open Victim"))),
            ("cases/2026/2026-TEST-002.toml", F.caseText(
                id: "2026-TEST-002", victim: .init(name: Self.canary, aliases: [Self.canary + " alias"]),
                perpetrators: [.init(name: Self.perpetratorCanary)], session: "closed")),
            // Not marked closed, but the victim works for a partner agency: heard closed all the same.
            ("cases/2026/2026-TEST-003.toml", F.caseText(
                id: "2026-TEST-003", victim: .init(name: Self.employeeCanary), employedByPartner: true)),
            ("meetings/2026/2026-10-01-north.toml", earlier),
            ("meetings/2026/2026-11-05-north.toml", meeting),
        ])
    }

    private func papers(_ repository: Repository, format: PaperFormat, scope: SessionScope) throws -> [(String, String)] {
        var out = [
            ("agenda", try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: format, scope: scope)),
            ("minutes", try F.render(.minutes(meeting: "2026-11-05-north"), repository, format: format, scope: scope)),
            ("actions", try F.render(.actions(agency: nil, asOf: LocalDate(year: 2026, month: 11, day: 23)), repository, format: format, scope: scope)),
        ]
        if scope == .general {
            out.append(("register", try F.render(.register, repository, format: format, scope: scope)))
            out.append(("case-minutes", try F.render(.caseMinutes(meeting: "2026-11-05-north", caseID: "2026-TEST-001"), repository, format: format, scope: scope)))
        } else {
            out.append(("case-minutes", try F.render(.caseMinutes(meeting: "2026-11-05-north", caseID: "2026-TEST-002"), repository, format: format, scope: scope)))
        }
        return out
    }

    func testGeneralPapersNeverShowAClosedSessionCase() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        for format in PaperFormat.allCases {
            for (name, text) in try papers(repository, format: format, scope: .general) {
                for canary in ["CANARYVICTIM", "CANARYPERP", "CANARYOWNER", "CANARYINFO", "CANARYEMPLOYEE"] {
                    XCTAssertFalse(text.contains(canary), "\(name).\(format.rawValue) shows \(canary)")
                }
                if name == "agenda" || name == "minutes" {
                    XCTAssertTrue(text.contains("Open Victim"), "\(name).\(format.rawValue) lists the open case")
                    XCTAssertFalse(text.contains("2026-TEST-002"), "\(name).\(format.rawValue) names the closed case")
                }
            }
        }
    }

    func testRegisterShowsOnlyTheIdOfAClosedSessionCase() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        let md = try F.render(.register, repository, format: .markdown)
        let row = try XCTUnwrap(md.split(separator: "\n").first { $0.contains("2026-TEST-002") })
        XCTAssertEqual(String(row), "| 2026-TEST-002 | closed session |  |  |  |  |  |")
        let employee = try XCTUnwrap(md.split(separator: "\n").first { $0.contains("2026-TEST-003") })
        XCTAssertTrue(employee.contains("closed session"))
    }

    func testClosedPapersShowOnlyTheClosedSessionCases() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        for format in PaperFormat.allCases {
            let closed = try papers(repository, format: format, scope: .closed)
            for (name, text) in closed {
                XCTAssertTrue(text.contains("CLOSED SESSION"), "\(name).\(format.rawValue) is marked closed session")
                XCTAssertFalse(text.contains("Open Victim"), "\(name).\(format.rawValue) shows an open case")
                XCTAssertFalse(text.contains("Open Owner"), "\(name).\(format.rawValue) shows an open case's action")
            }
            let byName = Dictionary(uniqueKeysWithValues: closed)
            XCTAssertTrue(byName["agenda"]!.contains("CANARYVICTIM"))
            XCTAssertTrue(byName["agenda"]!.contains("CANARYPERP"))
            XCTAssertTrue(byName["agenda"]!.contains("CANARYEMPLOYEE"))
            XCTAssertTrue(byName["minutes"]!.contains("CANARYINFO"))
            XCTAssertTrue(byName["minutes"]!.contains("CANARYOWNER"), "earlier closed actions reviewed in the closed minutes")
            XCTAssertTrue(byName["actions"]!.contains("CANARYOWNER"))
            XCTAssertTrue(byName["case-minutes"]!.contains("CANARYINFO"))
        }
    }

    func testCaseMinutesOfAClosedSessionCaseNeedClosed() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        XCTAssertThrowsError(try F.render(.caseMinutes(meeting: "2026-11-05-north", caseID: "2026-TEST-002"), repository, format: .html)) { error in
            let message = (error as? PaperError)?.message ?? ""
            XCTAssertTrue(message.contains("--closed"), message)
            XCTAssertFalse(message.contains("CANARY"), message)
        }
    }

    func testAClosedMeetingHasOnlyClosedPapers() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let meetings = root.appendingPathComponent("meetings/2026/2026-11-05-north.toml")
        try replaceLine(in: meetings, containing: "kind = ", with: "kind = \"closed\"")
        let repository = try F.load(root)
        for paper in [Papers.Request.Paper.agenda(meeting: "2026-11-05-north", start: 570), .minutes(meeting: "2026-11-05-north"),
                      .caseMinutes(meeting: "2026-11-05-north", caseID: "2026-TEST-001")] {
            XCTAssertThrowsError(try F.render(paper, repository, format: .markdown)) { error in
                XCTAssertTrue((error as? PaperError)?.message.contains("add --closed") ?? false)
            }
        }
        let agenda = try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: .markdown, scope: .closed)
        XCTAssertTrue(agenda.contains("Open Victim"), "every case at a closed meeting is heard closed")
        let register = try F.render(.register, repository, format: .markdown)
        XCTAssertFalse(register.contains("| 2026-TEST-001 | north"), "a case heard at a closed meeting is a closed-session row")
    }
}
