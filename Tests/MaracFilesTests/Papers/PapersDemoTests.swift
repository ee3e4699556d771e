import Foundation
import XCTest
@testable import MaracBase
@testable import MaracPapers
@testable import MaracRecords
@testable import MaracRepository

/// The demo repository's papers (see DEMO.md): they render in both formats, carry the marking
/// and the MARAC's name, list the cases in the protocol's order, and keep the demo's
/// closed-session case (2026-EXMP-006, heard 2026-09-03) off the general papers.
final class PapersDemoTests: XCTestCase {
    typealias F = PaperFixtures
    static let closedVictim = "Rebecca Sallow"

    private func demo() throws -> Repository { try F.load(DemoRepository.root) }

    func testDemoAgendaRendersInBothFormatsInProtocolOrder() throws {
        let repository = try demo()
        for format in PaperFormat.allCases {
            let text = try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: format)
            XCTAssertTrue(text.contains("OFFICIAL-SENSITIVE"), format.rawValue)
            XCTAssertTrue(text.contains("Example Borough MARAC (North)"), format.rawValue)
            XCTAssertTrue(text.contains("Thursday 5 November 2026"), format.rawValue)
            // Children's cases (highest risk first), then information only, Clare's Law, transfer out.
            let order = ["2026-EXMP-012", "2026-EXMP-011", "2025-EXMP-012", "2026-EXMP-013", "2026-EXMP-003"]
            let positions = try order.map { id in try XCTUnwrap(text.range(of: "Case \(id)")?.lowerBound, id) }
            XCTAssertEqual(positions, positions.sorted(), format.rawValue)
            XCTAssertTrue(text.contains("Zainab Hussain"), "victim named for research")
            XCTAssertTrue(text.contains("Lew Hartley"), "aliases listed for research")
            XCTAssertTrue(text.contains("1991-02-11"), "dates of birth listed for research")
            XCTAssertTrue(text.contains("Example Probation Service"), "referring agency")
            XCTAssertTrue(text.contains("REPEAT"), "the repeat marker")
            XCTAssertTrue(text.contains("09:30"), "the first slot")
        }
        let html = try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: .html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("size: A4"))
        XCTAssertEqual(html.components(separatedBy: "class=\"marking marking-").count - 1, 2, "marking in a fixed header and footer")
        XCTAssertFalse(html.contains("src=") || html.contains("href="), "self-contained: no external resources")
    }

    func testDemoMinutesRenderInBothFormats() throws {
        let repository = try demo()
        for format in PaperFormat.allCases {
            let text = try F.render(.minutes(meeting: "2026-11-05-north"), repository, format: format)
            XCTAssertTrue(text.contains("OFFICIAL-SENSITIVE"), format.rawValue)
            XCTAssertTrue(text.contains("The information shared at this meeting is confidential"), "confidentiality statement")
            XCTAssertTrue(text.contains("DCI Andrew Pennock"), "attendance")
            XCTAssertTrue(text.contains("09:46"), "signed in")
            XCTAssertTrue(text.contains("Tom Keeling"), "apologies")
            XCTAssertTrue(text.contains("DRAFT"), "not approved yet")
            XCTAssertTrue(text.contains("PROFESSIONAL OPINION") || text.contains("Professional opinion"), "opinion labelled")
            XCTAssertTrue(text.contains("FACT") || text.contains("Fact"), "fact labelled")
            XCTAssertTrue(text.contains("cannot be completed"), "action status")
            // Outstanding actions from earlier meetings come before the cases heard.
            let earlier = try XCTUnwrap(text.range(of: "Outstanding actions from earlier meetings"))
            let heard = try XCTUnwrap(text.range(of: "Cases heard"))
            XCTAssertLessThan(earlier.lowerBound, heard.lowerBound)
            let between = text[earlier.upperBound..<heard.lowerBound]
            XCTAssertTrue(between.contains("2026-EXMP-009") && between.contains("2026-EXMP-010"), "actions 3 and 8 of 2026-10-01")
        }
    }

    /// Two separate processes (each with its own hash seed, time zone and locale) render every
    /// demo paper to the same bytes: nothing depends on hashing order, the clock or the machine.
    func testDemoRendersIdenticalBytesInTwoProcesses() throws {
        let papers = [
            ["agenda", "2026-11-05-north"], ["minutes", "2026-11-05-north"],
            ["case-minutes", "2026-11-05-north", "2026-EXMP-011"], ["actions", "--as-of", "2026-11-23"], ["register"],
        ]
        for paper in papers {
            for format in ["html", "md"] {
                let arguments = ["render"] + paper + ["--format", format]
                let first = try runProduct("mfile", arguments, in: DemoRepository.root, environment: ["TZ": "Pacific/Kiritimati", "LANG": "C"])
                let second = try runProduct("mfile", arguments, in: DemoRepository.root, environment: ["TZ": "America/Adak", "LANG": "cy_GB.UTF-8"])
                XCTAssertEqual(first.status, 0, first.stderr)
                XCTAssertFalse(first.stdout.isEmpty)
                XCTAssertEqual(first.stdout, second.stdout, arguments.joined(separator: " "))
            }
        }
    }

    func testDemoClosedSessionCaseStaysOffTheGeneralPapers() throws {
        let repository = try demo()
        for format in PaperFormat.allCases {
            let general = [
                try F.render(.agenda(meeting: "2026-09-03-north", start: 570), repository, format: format),
                try F.render(.minutes(meeting: "2026-09-03-north"), repository, format: format),
                try F.render(.register, repository, format: format),
                try F.render(.actions(agency: nil, asOf: LocalDate(year: 2026, month: 9, day: 4)), repository, format: format),
                try F.render(.agenda(meeting: "2026-12-03-north", start: 570), repository, format: format),
            ]
            for text in general {
                XCTAssertFalse(text.contains(Self.closedVictim))
                XCTAssertFalse(text.contains("Samira Qureshi"), "the honour-based violence case of 2026-12-03")
            }
            let closedAgenda = try F.render(.agenda(meeting: "2026-09-03-north", start: 570), repository, format: format, scope: .closed)
            XCTAssertTrue(closedAgenda.contains(Self.closedVictim))
            let closedMinutes = try F.render(.minutes(meeting: "2026-09-03-north"), repository, format: format, scope: .closed)
            XCTAssertTrue(closedMinutes.contains(Self.closedVictim))
            XCTAssertFalse(closedMinutes.contains("Sarah-Jane Okafor"), "open cases stay off the closed papers")
        }
    }

    func testDemoActionsListOverdueAsOfADate() throws {
        let repository = try demo()
        let md = try F.render(.actions(agency: "housing", asOf: LocalDate(year: 2026, month: 11, day: 23)), repository, format: .markdown)
        let overdue = md.split(separator: "\n").filter { $0.contains("OVERDUE") }
        XCTAssertEqual(overdue.count, 1, "action 2 of 2026-11-05 (due 2026-11-19)")
        XCTAssertTrue(overdue.first?.contains("2026-EXMP-012") ?? false)
        XCTAssertFalse(md.contains("## Example Police"), "--agency keeps to one agency")
    }
}
