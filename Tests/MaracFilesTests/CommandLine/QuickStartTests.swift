import Foundation
import XCTest

/// README's quick start, run as written through the `mfile` binary in a fresh folder: init,
/// new case, lint, plan, render pdf, check --by agency, sweep and stats. The comment lines
/// that say what the administrator types are done by the test, in the same order.
final class QuickStartTests: XCTestCase {
    /// The commands of README's quick start block, one per line as written.
    static func readmeLines() throws -> [String] {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Quick start: a fortnight with mfile").dropFirst().first)
        let block = try XCTUnwrap(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map(String.init)
    }

    /// Splits a command line into words, dropping its trailing comment.
    static func words(_ line: String) -> [String] {
        (line.components(separatedBy: "  #").first ?? line).split(separator: " ").map(String.init)
    }

    func testTheFortnightWorksAsWritten() throws {
        let pdftotext = try PapersPrintTests.requireTools()
        let lines = try Self.readmeLines()
        XCTAssertTrue(lines.first?.hasPrefix("swift build -c release") ?? false, "the block starts by building mfile")
        let start = try makeTemporaryDirectory("mfile-quickstart")
        defer { try? FileManager.default.removeItem(at: start) }
        var folder = start
        var caseFile: URL?
        let meetingFile = { folder.appendingPathComponent("meetings/2027/2027-01-21-main.toml") }

        // What the administrator types, in the order the comment lines say.
        var typing: [() throws -> Void] = [
            {   // the referral
                let file = try XCTUnwrap(caseFile)
                let id = file.deletingPathExtension().lastPathComponent
                try """
                    id = "\(id)"
                    marac = "main"
                    status = "open"
                    session = "open"

                    [victim]
                    name = "Amy Canary"
                    dob = 1994-05-17
                    gender = "female"
                    address = "1 Canary Road, Example Town"
                    ethnicity = "white-british"
                    sexual_orientation = "heterosexual"
                    disability = "no"

                    [[perpetrator]]
                    name = "Ben Canary"
                    dob = 1990-02-03
                    relationship = "ex-partner"

                    [[referral]]
                    received = 2027-01-04
                    agency = "police"
                    referrer = "PC 1234 Canary"
                    incident = 2027-01-02
                    risk_tool = "dash"
                    risk_score = 17
                    criteria = ["visible-high-risk"]
                    consent = "given"
                    decision = "accepted"
                    idva_referred = 2027-01-04

                    """.write(to: file, atomically: true, encoding: .utf8)
            },
            {   // the chair and the day the agenda went out
                try replaceLine(in: meetingFile(), containing: "chair = ", with: "chair = \"DI Canary\"")
                try replaceLine(in: meetingFile(), containing: "# agenda_circulated = ", with: "agenda_circulated = 2027-01-12")
            },
            {   // the meeting
                var text = try String(contentsOf: meetingFile(), encoding: .utf8)
                text += """

                      [[hearing.information]]
                      agency = "police"
                      kind = "fact"
                      text = "Canary fact."

                      [[hearing.action]]
                      id = 1
                      agency = "housing"
                      owner = "Canary Officer"
                      text = "Fit extra locks."
                      due = 2027-01-28
                      status = "open"

                    [[attendee]]
                    agency = "police"
                    name = "DI Canary"
                    confidentiality_signed = true

                    """
                // Every core agency of `mfile init`'s marac.toml came (000 §8: check reports a
                // core agency that neither attends nor sends apologies).
                for agency in ["idva", "probation", "adults", "housing", "health"] {
                    text += "\n[[attendee]]\nagency = \"\(agency)\"\nname = \"Canary \(agency)\"\nconfidentiality_signed = true\n"
                }
                try text.write(to: meetingFile(), atomically: true, encoding: .utf8)
            },
        ]

        var results: [String: CommandResult] = [:]
        for line in lines.dropFirst() {
            if line.hasPrefix("# ") {
                XCTAssertFalse(typing.isEmpty, "README has more typing steps than the test: \(line)")
                try typing.removeFirst()()
                continue
            }
            let words = Self.words(line)
            if words.first == "cd" {
                folder = folder.appendingPathComponent(words[1])
                continue
            }
            XCTAssertEqual(words.first, "mfile", "every other line is an mfile command: \(line)")
            let result = try runProduct("mfile", Array(words.dropFirst()), in: folder)
            results[words[1]] = result
            if words[1] == "new" {
                caseFile = folder.appendingPathComponent(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let expected: Int32 = words[1] == "check" ? 1 : 0
            XCTAssertEqual(result.status, expected, "\(line)\n\(result.stdout)\(result.stderr)")
        }
        XCTAssertTrue(typing.isEmpty, "README lost a typing step")

        // What each step gave.
        XCTAssertTrue(try XCTUnwrap(caseFile).path.contains("/cases/2027/2027-"), "new case files under the referral's year")
        XCTAssertTrue(results["lint"]?.stderr.contains("0 errors, 0 warnings") ?? false, results["lint"]?.stderr ?? "")
        let id = try XCTUnwrap(caseFile).deletingPathExtension().lastPathComponent
        XCTAssertTrue(results["plan"]?.stdout.contains("  1  \(id)  without-children  to add  referral[1] accepted 2027-01-04") ?? false,
                      results["plan"]?.stdout ?? "")
        for paper in ["agenda", "minutes"] {
            let pdf = folder.appendingPathComponent("papers/\(paper)-2027-01-21.pdf")
            let pages = try PapersPrintTests.pages(pdf, pdftotext)
            PapersPrintTests.assertMarkedTopAndBottom(pages, "OFFICIAL-SENSITIVE", paper)
            XCTAssertTrue(pages.joined().contains(id), "\(paper) names the case")
        }
        let chasing = try XCTUnwrap(results["check"]).stdout
        XCTAssertTrue(chasing.contains("housing: 1 to chase\n  action 1  case \(id)  meeting 2027-01-21-main  action-no-update  due 2027-01-28"), chasing)
        XCTAssertTrue(chasing.contains("; action-overdue  due 2027-01-28"), "one line with both breaches: \(chasing)")
        XCTAssertTrue(results["sweep"]?.stderr.contains("No flags to lift as of 2027-01-29") ?? false)
        let stats = try XCTUnwrap(results["stats"]).stdout
        XCTAssertTrue(stats.contains("Meetings held from 2027-01-01 to 2027-03-31"), stats)
        for result in results.values where result.stdout.contains("Canary") || result.stderr.contains("Canary") {
            XCTFail("a record's value in the output of a command that names ids only:\n\(result.stdout)\(result.stderr)")
        }
    }
}
