import Foundation
import XCTest
@testable import MaracBase
@testable import MaracPapers
@testable import MaracRepository

/// Hostile and unusual values in records render inert on every paper: no markup in HTML,
/// nothing re-interpreted as a template, and in Markdown every table row keeps its columns.
final class PapersSafetyTests: XCTestCase {
    typealias F = PaperFixtures
    static let hostile = [
        "<script>alert(1)</script>",
        "{{x}}",
        "\"quoted\"",
        "Ffion Llŷr",
        "\u{202E}Reversed name",
        "Emoji 👩‍👧 🏳️‍🌈",
        "Pipe | in | name",
        "Two\nlines",
    ]

    private func hostileRepository() throws -> URL {
        let h = Self.hostile
        let person = { (i: Int) in F.PersonSpec(name: h[i % h.count], aliases: [h[(i + 1) % h.count], h[(i + 2) % h.count]], address: h[(i + 3) % h.count]) }
        let caseText = F.caseText(
            id: "2026-TEST-001", victim: person(0), perpetrators: [person(1), person(2)],
            children: [F.PersonSpec(name: h[3], dob: "2019-02-02"), F.PersonSpec(name: h[4], dob: "2020-02-02")])
        var meeting = """
            marac = "north"
            date = 2026-11-05
            kind = "scheduled"
            chair = "\(h[5])"

            """
        for (i, value) in h.enumerated() {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            meeting += """

                [[attendee]]
                agency = "police"
                name = "\(escaped)"
                role = "\(escaped)"
                confidentiality_signed = true

                """
            _ = i
        }
        meeting += "\n[[hearing]]\ncase = \"2026-TEST-001\"\npresented_by = \"police\"\n"
        for (i, value) in h.enumerated() {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            meeting += """

                  [[hearing.information]]
                  agency = "police"
                  kind = "\(i % 2 == 0 ? "fact" : "opinion")"
                  text = "\(escaped)"

                  [[hearing.action]]
                  id = \(i + 1)
                  agency = "housing"
                  owner = "\(escaped)"
                  text = "\(escaped)"
                  due = 2026-11-26
                  status = "open"
                  note = "\(escaped)"

                """
        }
        return try F.repository([
            ("cases/2026/2026-TEST-001.toml", caseText),
            ("meetings/2026/2026-11-05-north.toml", meeting),
        ])
    }

    private func allPapers(_ repository: Repository, format: PaperFormat) throws -> [(String, String)] {
        [
            ("agenda", try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: format)),
            ("minutes", try F.render(.minutes(meeting: "2026-11-05-north"), repository, format: format)),
            ("case-minutes", try F.render(.caseMinutes(meeting: "2026-11-05-north", caseID: "2026-TEST-001"), repository, format: format)),
            ("actions", try F.render(.actions(agency: nil, asOf: LocalDate(year: 2026, month: 12, day: 1)), repository, format: format)),
            ("register", try F.render(.register, repository, format: format)),
        ]
    }

    func testHTMLPapersAreInert() throws {
        let root = try hostileRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        for (name, html) in try allPapers(repository, format: .html) {
            XCTAssertFalse(html.lowercased().contains("<script"), "\(name): raw <script")
            XCTAssertFalse(html.contains("\"quoted\""), "\(name): raw quotes from a value")
            if name != "register" && name != "actions" {
                XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(name): value escaped, not lost")
                XCTAssertTrue(html.contains("Ffion Llŷr"), name)
                XCTAssertTrue(html.contains("👩‍👧"), name)
            }
        }
    }

    func testTemplateTagsInValuesPrintLiterally() throws {
        // `{{x}}` in a record is text: it must be printed, never looked up.
        let root = try hostileRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        let md = try F.render(.minutes(meeting: "2026-11-05-north"), repository, format: .markdown)
        XCTAssertTrue(md.contains("{{x}}"), "the value {{x}} is printed as it is")
        let html = try F.render(.minutes(meeting: "2026-11-05-north"), repository, format: .html)
        XCTAssertTrue(html.contains("{{x}}"), "the value {{x}} is printed as it is")
    }

    func testRightToLeftOverrideIsClosedWithinItsValue() throws {
        let root = try hostileRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        for format in PaperFormat.allCases {
            for (name, text) in try allPapers(repository, format: format) {
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.unicodeScalars.contains("\u{202E}") {
                    // Every override is closed (PDF) and isolated (PDI) before the line goes on.
                    var open = 0
                    for scalar in line.unicodeScalars {
                        if scalar == "\u{202E}" { open += 1 }
                        if scalar == "\u{202C}" { open = max(0, open - 1) }
                    }
                    XCTAssertEqual(open, 0, "\(name).\(format.rawValue): an unclosed right-to-left override")
                }
            }
        }
    }

    func testMarkdownTableRowsKeepTheirColumns() throws {
        let root = try hostileRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        for (name, md) in try allPapers(repository, format: .markdown) {
            var columns: Int?
            var tables = 0
            for line in md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                guard line.hasPrefix("|") else { columns = nil; continue }
                let count = Self.cells(line)
                if let columns {
                    XCTAssertEqual(count, columns, "\(name): a row with \(count) cells in a \(columns)-column table")
                } else {
                    columns = count
                    tables += 1
                }
            }
            XCTAssertGreaterThan(tables, 0, name)
            XCTAssertNil(md.range(of: #"(?<!\\)<script"#, options: .regularExpression), "\(name): raw HTML in Markdown")
            XCTAssertTrue(name == "register" || name == "actions" || md.contains(#"\<script\>alert(1)\</script\>"#), "\(name): value escaped, not lost")
        }
    }

    /// The cells of a GFM table row: unescaped pipes, less the outer two.
    static func cells(_ line: String) -> Int {
        var pipes = 0
        var backslashes = 0
        for scalar in line.unicodeScalars {
            if scalar == "|", backslashes % 2 == 0 { pipes += 1 }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
        }
        return pipes - 1
    }
}
