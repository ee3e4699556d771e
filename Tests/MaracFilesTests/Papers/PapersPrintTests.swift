import Foundation
import XCTest

/// Papers printed to PDF by `mfile render --format pdf`, which drives a real headless Chromium:
/// the protective marking on every page (top and bottom), one file per case heard with its
/// referral, headings never alone at a page foot, a person's row never split across pages.
///
/// Needs `chromium` and poppler's `pdftotext` (Debian: `apt-get install -y chromium
/// poppler-utils`). Outside CI without them a test skips with one line; with `CI=true` it
/// must run.
final class PapersPrintTests: XCTestCase {
    static let install = "apt-get install -y chromium poppler-utils"

    /// Skips outside CI when chromium or pdftotext is missing, fails in CI.
    static func requireTools() throws -> String {
        try requireProgram(programPath("chromium") != nil, "chromium", install: install)
        let pdftotext = programPath("pdftotext")
        try requireProgram(pdftotext != nil, "pdftotext", install: install)
        return pdftotext!
    }

    /// The text of each page of a PDF, laid out as printed.
    static func pages(_ pdf: URL, _ pdftotext: String) throws -> [String] {
        let text = try runProgram(pdftotext, ["-layout", pdf.path, "-"]).stdout
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "" { pages.removeLast() }
        return pages
    }

    static func assertMarkedTopAndBottom(_ pages: [String], _ marking: String, _ name: String) {
        XCTAssertFalse(pages.isEmpty, "\(name): no pages")
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            XCTAssertEqual(lines.first, marking, "\(name) page \(index + 1): marking at the top")
            XCTAssertTrue(lines.suffix(2).contains(marking), "\(name) page \(index + 1): marking at the foot: \(lines.suffix(2))")
        }
    }

    func testDemoAgendaAndMinutesPrintWithTheMarkingOnEveryPage() throws {
        let pdftotext = try Self.requireTools()
        let folder = try makeTemporaryDirectory("mfile-print")
        defer { try? FileManager.default.removeItem(at: folder) }
        for paper in ["agenda", "minutes"] {
            let pdf = folder.appendingPathComponent("\(paper).pdf")
            let result = try runProduct("mfile", ["render", paper, "2026-11-05-north", "--format", "pdf", "--output", pdf.path], in: DemoRepository.root)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, "")
            let pages = try Self.pages(pdf, pdftotext)
            XCTAssertLessThan(pages.count, 50, paper)
            Self.assertMarkedTopAndBottom(pages, "OFFICIAL-SENSITIVE", paper)
        }
    }

    /// West Midlands: "Each case will have its own PDF file which will include the original
    /// referring information, comprehensive minutes and actions" (004, Receiving the minutes).
    func testOnePDFPerCaseHeardEachWithItsReferral() throws {
        let pdftotext = try Self.requireTools()
        let folder = try makeTemporaryDirectory("mfile-per-case")
        defer { try? FileManager.default.removeItem(at: folder) }
        let general = folder.appendingPathComponent("general")
        let result = try runProduct(
            "mfile", ["render", "case-minutes", "2026-09-03-north", "--all", "--format", "pdf", "--output-dir", general.path],
            in: DemoRepository.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("1 closed-session case heard at this meeting is not in these files; render them with --closed"), result.stderr)
        // DEMO.md: heard at 2026-09-03, 2026-EXMP-006 in a closed session.
        let expected = ["2025-EXMP-014", "2026-EXMP-004", "2026-EXMP-005"]
        let files = try FileManager.default.contentsOfDirectory(atPath: general.path).sorted()
        XCTAssertEqual(files, expected.map { "case-minutes-2026-09-03-north-\($0).pdf" })
        for caseID in expected {
            let pages = try Self.pages(general.appendingPathComponent("case-minutes-2026-09-03-north-\(caseID).pdf"), pdftotext)
            Self.assertMarkedTopAndBottom(pages, "OFFICIAL-SENSITIVE", caseID)
            let text = pages.joined()
            XCTAssertTrue(text.contains("Case \(caseID)"), caseID)
            XCTAssertTrue(text.contains("Referral information"), caseID)
            XCTAssertTrue(text.contains("Referring agency"), caseID)
            XCTAssertTrue(text.contains("Risk assessment"), caseID)
            XCTAssertTrue(text.contains("Information shared"), caseID)
            for other in expected where other != caseID {
                XCTAssertFalse(text.contains("Case \(other)"), "\(caseID)'s file holds \(other)'s minutes")
            }
        }

        let closed = folder.appendingPathComponent("closed")
        let closedRun = try runProduct(
            "mfile", ["render", "case-minutes", "2026-09-03-north", "--all", "--closed", "--format", "pdf", "--output-dir", closed.path],
            in: DemoRepository.root)
        XCTAssertEqual(closedRun.status, 0, closedRun.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: closed.path), ["case-minutes-2026-09-03-north-2026-EXMP-006.pdf"])
        let closedPages = try Self.pages(closed.appendingPathComponent("case-minutes-2026-09-03-north-2026-EXMP-006.pdf"), pdftotext)
        Self.assertMarkedTopAndBottom(closedPages, "OFFICIAL-SENSITIVE CLOSED SESSION", "closed")
    }

    /// A long case (many children, many referrals, long information and many actions) printed
    /// to PDF: no heading (or table header) is the last thing on a page, each person's row
    /// (from the name to the end of the address) is on one page, and so is each referral.
    func testHeadingsStayWithWhatTheyHeadAndRowsAreNotSplit() throws {
        let pdftotext = try Self.requireTools()
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try LongCase.write(in: root)
        let pdf = root.appendingPathComponent("papers/long.pdf")
        let result = try runProduct(
            "mfile", ["render", "case-minutes", LongCase.meetingID, LongCase.caseID, "--format", "pdf", "--output", pdf.path],
            in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let pages = try Self.pages(pdf, pdftotext)
        XCTAssertGreaterThan(pages.count, 5, "the fixture must run over several pages")
        Self.assertMarkedTopAndBottom(pages, "OFFICIAL-SENSITIVE", "long case")

        for (index, page) in pages.enumerated() {
            let content = page.split(separator: "\n")
                .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
                .filter { !$0.isEmpty && $0 != "OFFICIAL-SENSITIVE" && !$0.hasPrefix("Page ") }
            guard let last = content.last, index < pages.count - 1 else { continue }
            XCTAssertFalse(LongCase.isHeading(last), "page \(index + 1) ends with a heading: \(last)")
        }
        for person in 0..<LongCase.children {
            let start = LongCase.rowStart(person), end = LongCase.rowEnd(person)
            let holding = pages.indices.filter { pages[$0].contains(start) || pages[$0].contains(end) }
            XCTAssertEqual(holding.count, 1, "child \(person)'s row is split over pages \(holding.map { $0 + 1 })")
        }
        for referral in 0..<LongCase.referrals {
            let parts = ["Referral \(referral + 1): received", "Qr\(referral)q", "Qc\(referral)q"]
            let holding = pages.indices.filter { page in parts.contains { pages[page].contains($0) } }
            XCTAssertEqual(holding.count, 1, "referral \(referral + 1) is split over pages \(holding.map { $0 + 1 })")
        }
    }

    func testNoBrowserSaysWhatToInstallAndWritesNothing() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("papers/minutes.pdf")
        let result = try runProduct(
            "mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf", "--output", output.path], in: root,
            environment: ["PATH": "/nonexistent", "MFILE_CHROMIUM": ""])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no Chromium or Google Chrome was found"), result.stderr)
        XCTAssertTrue(result.stderr.contains("sudo apt-get install chromium"), result.stderr)
        XCTAssertFalse(result.stderr.contains("usage:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))

        let named = try runProduct(
            "mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf", "--output", output.path], in: root,
            environment: ["MFILE_CHROMIUM": "/nonexistent/chrome"])
        XCTAssertEqual(named.status, 2)
        XCTAssertTrue(named.stderr.contains("MFILE_CHROMIUM names /nonexistent/chrome, which is not a program"), named.stderr)

        let toTerminal = try runProduct("mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf"], in: root)
        XCTAssertEqual(toTerminal.status, 2)
        XCTAssertTrue(toTerminal.stderr.contains("give --output FILE.pdf"), toTerminal.stderr)
    }

    /// A stand-in browser records what mfile gives it: the flags, and that the paper it reads
    /// is readable by its owner only in a folder only its owner can enter, removed afterwards.
    func testTheBrowserGetsAPrivateCopyAndTheFlagsItNeeds() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let log = root.appendingPathComponent("browser.log")
        let browser = try FakeBrowser.write(in: root, body: """
            for a; do echo "arg $a" >> "$FAKE_LOG"; last="$a"; done
            page="${last#file://}"
            echo "page $(stat -c %a "$page") folder $(stat -c %a "$(dirname "$page")") dir $(dirname "$page")" >> "$FAKE_LOG"
            for a; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 stand-in\\n' > "${a#--print-to-pdf=}";; esac; done
            """)
        let output = root.appendingPathComponent("papers/minutes.pdf")
        let result = try runProduct(
            "mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf", "--output", output.path], in: root,
            environment: ["MFILE_CHROMIUM": browser.path, "FAKE_LOG": log.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "%PDF-1.4 stand-in\n")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        for flag in ["--headless", "--no-pdf-header-footer", "--disable-gpu"] {
            XCTAssertTrue(lines.contains("arg \(flag)"), flag)
        }
        XCTAssertEqual(lines.contains("arg --no-sandbox"), geteuid() == 0, "--no-sandbox exactly when running as root")
        XCTAssertTrue(lines.contains { $0.hasPrefix("arg --user-data-dir=") })
        let page = try XCTUnwrap(lines.first { $0.hasPrefix("page ") })
        XCTAssertTrue(page.hasPrefix("page 600 folder 700 dir "), page)
        let folder = String(page.split(separator: " ").last!)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "the private folder is removed")
    }

    func testABrowserThatHangsIsStoppedAtTheTimeLimit() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let browser = try FakeBrowser.write(in: root, body: "exec sleep 600")
        let temporary = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let output = root.appendingPathComponent("papers/minutes.pdf")
        let started = Date()
        let result = try runProduct(
            "mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf", "--output", output.path], in: root,
            environment: ["MFILE_CHROMIUM": browser.path, "MFILE_PDF_TIME_LIMIT": "2", "TMPDIR": temporary.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did not finish printing the PDF within 2 seconds; nothing was written"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "the private folder is removed")
    }

    /// Papers name people: a PDF is not written where git would commit it in plain text.
    func testAPDFIsNotWrittenWhereGitWouldKeepItInPlainText() throws {
        try requireProgram(programPath("git") != nil, "git", install: "apt-get install -y git")
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try runProgram(programPath("git")!, ["init", "-q", "."], in: root).status, 0)
        try "papers/\n".write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let browser = try FakeBrowser.write(in: root, body: """
            for a; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 stand-in\\n' > "${a#--print-to-pdf=}";; esac; done
            """)
        let environment = ["MFILE_CHROMIUM": browser.path]
        for place in ["minutes.pdf", "notes/minutes.pdf"] {
            let refused = try runProduct(
                "mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf", "--output", place], in: root, environment: environment)
            XCTAssertEqual(refused.status, 2, place)
            XCTAssertTrue(refused.stderr.contains("git would commit a paper there in plain text"), refused.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(place).path), place)
        }
        let refusedAll = try runProduct(
            "mfile", ["render", "case-minutes", "2026-11-05-north", "--all", "--format", "pdf", "--output-dir", "out"], in: root,
            environment: environment)
        XCTAssertEqual(refusedAll.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))

        let ignored = try runProduct(
            "mfile", ["render", "minutes", "2026-11-05-north", "--format", "pdf", "--output", "papers/minutes.pdf"], in: root,
            environment: environment)
        XCTAssertEqual(ignored.status, 0, ignored.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("papers/minutes.pdf").path))
    }

    /// `--all` in HTML or Markdown: one file per case, with the referral, no browser needed.
    func testOneFilePerCaseInMarkdownAndHTML() throws {
        let folder = try makeTemporaryDirectory("mfile-per-case")
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["md", "html"] {
            let out = folder.appendingPathComponent(format)
            let result = try runProduct(
                "mfile", ["render", "case-minutes", "2026-11-05-north", "--all", "--format", format, "--output-dir", out.path],
                in: DemoRepository.root)
            XCTAssertEqual(result.status, 0, result.stderr)
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            // DEMO.md: five cases heard at 2026-11-05, none in a closed session.
            XCTAssertEqual(files, ["2025-EXMP-012", "2026-EXMP-003", "2026-EXMP-011", "2026-EXMP-012", "2026-EXMP-013"]
                .map { "case-minutes-2026-11-05-north-\($0).\(format)" })
            for file in files {
                let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
                XCTAssertTrue(text.contains("Referral information"), file)
                XCTAssertTrue(text.contains("Referring agency"), file)
            }
        }
        let neither = try runProduct("mfile", ["render", "case-minutes", "2026-11-05-north"], in: DemoRepository.root)
        XCTAssertEqual(neither.status, 2)
        XCTAssertTrue(neither.stderr.contains("give the CASE whose minutes to render, or --all"), neither.stderr)
        let both = try runProduct(
            "mfile", ["render", "case-minutes", "2026-11-05-north", "2026-EXMP-011", "--all", "--output-dir", folder.path],
            in: DemoRepository.root)
        XCTAssertEqual(both.status, 2)
        let noDir = try runProduct("mfile", ["render", "case-minutes", "2026-11-05-north", "--all"], in: DemoRepository.root)
        XCTAssertEqual(noDir.status, 2)
    }
}

/// A shell script standing in for Chromium.
enum FakeBrowser {
    static func write(in folder: URL, body: String) throws -> URL {
        let url = folder.appendingPathComponent("fake-chromium")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }
}

/// An invented case long enough to run over several printed pages, heard at a meeting of its
/// own: many children with long addresses, many referrals, long information and many actions.
enum LongCase {
    static let caseID = "2026-TEST-001"
    static let meetingID = "2026-11-19-north"
    static let children = 16
    static let referrals = 9

    static func rowStart(_ person: Int) -> String { "Qs\(person)q" }
    static func rowEnd(_ person: Int) -> String { "Qe\(person)q" }

    static let headings: Set<String> = [
        "Referral information", "Outstanding actions from earlier meetings", "Case heard", "Information shared", "Actions",
    ]

    /// Whether a printed line is a heading, or a table's header row, which must not end a page.
    static func isHeading(_ line: String) -> Bool {
        if headings.contains(line) { return true }
        if line.hasPrefix("Referral "), line.contains(": received ") { return true }
        if line.hasPrefix("1. Case ") { return true }
        if line.hasPrefix("Role Name Aliases") || line == "birth household" { return true }
        if line.hasPrefix("No. Agency Owner Action") { return true }
        return false
    }

    static func filler(_ words: Int) -> String {
        let vocabulary = ["agency", "contact", "visit", "reported", "support", "safety", "plan", "review", "home", "school"]
        return (0..<words).map { vocabulary[$0 % vocabulary.count] }.joined(separator: " ")
    }

    static func write(in root: URL) throws {
        var record = """
            id = "\(caseID)"
            marac = "north"
            status = "open"
            session = "open"

            [victim]
            name = "Invented Person"
            dob = 1990-01-01
            gender = "female"
            address = "1 Example Road, Example Town, EX1 1AA"
            ethnicity = "declined"
            sexual_orientation = "declined"
            disability = "declined"

            [[perpetrator]]
            name = "Invented Other"
            relationship = "ex-partner"

            """
        for person in 0..<children {
            record += """

                [[child]]
                name = "\(rowStart(person)) Example"
                dob = 2015-01-01
                address = "\(person + 1) Long Lane, \(filler(6 + person % 5 * 7)) \(rowEnd(person))"
                in_household = \(person % 2 == 0)

                """
        }
        for number in 0..<referrals {
            record += """

                [[referral]]
                received = 2026-0\(1 + number)-1\(number)
                agency = "police"
                referrer = "\(filler(4 + number * 9)) Qr\(number)q"
                incident = 2026-0\(1 + number)-0\(1 + number)
                risk_tool = "dash"
                risk_score = \(14 + number)
                criteria = ["visible-high-risk"]
                consent = "refused"
                consent_reason = "Qc\(number)q"
                decision = "accepted"

                """
        }
        let caseFile = root.appendingPathComponent("cases/2026/\(caseID).toml")
        try record.write(to: caseFile, atomically: true, encoding: .utf8)

        var meeting = """
            marac = "north"
            date = 2026-11-19
            kind = "emergency"
            chair = "Invented Chair"

            [[hearing]]
            case = "\(caseID)"
            presented_by = "police"

            """
        for item in 0..<14 {
            meeting += """

                  [[hearing.information]]
                  agency = "\(["police", "housing", "health", "idva"][item % 4])"
                  kind = "\(item % 3 == 0 ? "opinion" : "fact")"
                  text = \"\"\"\(filler(12 + item * 11 % 70))\"\"\"

                """
        }
        for action in 1...18 {
            meeting += """

                  [[hearing.action]]
                  id = \(action)
                  agency = "housing"
                  owner = "Invented Officer"
                  text = "\(filler(5 + action * 7 % 40))"
                  due = 2026-12-01
                  status = "open"

                """
        }
        try meeting.write(to: root.appendingPathComponent("meetings/2026/\(meetingID).toml"), atomically: true, encoding: .utf8)
    }
}
