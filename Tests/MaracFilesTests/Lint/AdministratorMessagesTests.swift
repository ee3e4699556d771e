import Foundation
import XCTest
@testable import MaracBase

/// The mistakes administrators make typing records, each planted with canary values in a copy
/// of the demo: `mfile lint` says what is wrong and what to type instead, at the right line
/// and column, with "did you mean" naming only valid choices, never a regular expression, and
/// never the value (nor a field name) that was typed.
final class AdministratorMessagesTests: XCTestCase {
    struct Mistake {
        var file: String
        /// The line as typed; the test finds its line number.
        var typed: String
        /// Lines from the typed one to the one reported (a header just above it).
        var lineOffset = 0
        var column: Int
        var severity = "error"
        var message: String
        var rule: String
    }

    /// Values that must never be printed: the planted wrong values and misspellings.
    static let canaries = [
        "Zqxwv", "23/07/1979", "1979-07-23", "1979/07/23", "1979", "9:47", "9.47", "09:47", "gendr", "zqxwvname",
        "opne", "polcie", "nroth", "Canary", "2026-10-27", "2027-01-13", "givne",
    ]

    /// A case file: the demo's 2026-EXMP-001 under a new id, with `replacing` swapped in.
    static func caseFile(_ number: Int, _ replacing: [(String, String)]) throws -> (path: String, text: String) {
        var text = try String(contentsOf: DemoRepository.root.appendingPathComponent("cases/2026/2026-EXMP-001.toml"), encoding: .utf8)
        let id = String(format: "2026-ZZZZ-%03d", number)
        for (old, new) in [("id = \"2026-EXMP-001\"", "id = \"\(id)\"")] + replacing {
            guard let range = text.range(of: old) else { throw TestSetupError("test fixture changed: 2026-EXMP-001.toml has no \(old)") }
            text.replaceSubrange(range, with: new)
        }
        return ("cases/2026/\(id).toml", text)
    }

    /// A small meeting file with one attendee whose sign-in time is `signedIn` as typed.
    static func meetingFile(day: Int, signedIn: String) -> (path: String, text: String) {
        ("meetings/2026/2026-11-\(day)-north.toml", """
            marac = "north"
            date = 2026-11-\(day)
            kind = "emergency"

            [[attendee]]
            agency = "police"
            name = "Invented Attendee"
            confidentiality_signed = true
            \(signedIn)

            """)
    }

    func testEachMistakeGetsAMessageInAnAdministratorsWords() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [(path: String, text: String)] = []
        var mistakes: [Mistake] = []
        func plant(
            _ file: (path: String, text: String), _ typed: String, lineOffset: Int = 0, column: Int, severity: String = "error",
            _ message: String, _ rule: String
        ) {
            files.append(file)
            mistakes.append(Mistake(
                file: file.path, typed: typed, lineOffset: lineOffset, column: column, severity: severity, message: message, rule: rule))
        }
        plant(try Self.caseFile(1, [("dob = 1992-03-18", "dob = 23/07/1979")]), "dob = 23/07/1979", column: 7,
              "a date is written year first in TOML, as YYYY-MM-DD without quotes: write 11/02/1985 as 1985-02-11", "toml-syntax")
        plant(try Self.caseFile(2, [("dob = 1992-03-18", "dob = 1979/07/23")]), "dob = 1979/07/23", column: 7,
              "a date is written with hyphens in TOML, as YYYY-MM-DD without quotes, such as 1985-02-11", "toml-syntax")
        plant(try Self.caseFile(3, [("dob = 1992-03-18", "dob = \"23/07/1979\"")]), "dob = \"23/07/1979\"", column: 1,
              "victim.dob must be a date written year first without quotes, such as 1985-02-11", "schema")
        plant(try Self.caseFile(4, [("name = \"Hannah Whitfield\"", "name = “Zqxwv Canary”")]), "name = “Zqxwv Canary”", column: 8,
              "this text is in curly quotes (“ ” or ‘ ’), as a word processor types them; TOML needs straight quotes: retype them as \" \"", "toml-syntax")
        plant(try Self.caseFile(5, [("name = \"Hannah Whitfield\"", "name = \"Zqxwv Canary”")]), "name = \"Zqxwv Canary”", column: 21,
              "unterminated string: a curly quote (” or ’) from a word processor does not close text in TOML; retype it as a straight quote (\")", "toml-syntax")
        plant(try Self.caseFile(6, [("name = \"Hannah Whitfield\"", "name = 'Zqxwv O'Canary'")]), "name = 'Zqxwv O'Canary'", column: 16,
              "an apostrophe (') inside text in single quotes ends the text early: put text that holds an apostrophe in double quotes, as in \"it's\"", "toml-syntax")
        plant(try Self.caseFile(7, [("name = \"Hannah Whitfield\"", "name = \"Zqxwv \"Canary\" Zqxwv\"")]), "name = \"Zqxwv \"Canary\" Zqxwv\"", column: 15,
              "a double quote (\") inside text in double quotes ends the text early: write it as \\\" or put the text in single quotes", "toml-syntax")
        plant(try Self.caseFile(8, [("[[perpetrator]]", "[perpetrator]"), ("name = \"Craig Dunmore\"", "name = \"Zqxwv Canary\"")]), "[perpetrator]", column: 2,
              "perpetrator is written as one [perpetrator] table, but it is a list with an entry for each: write its header as [[perpetrator]], with two brackets on each side", "schema")
        plant(try Self.caseFile(9, [("[[child]]\nname = \"Noah Dunmore\"", "[child]\nname = \"Zqxwv Canary\""), ("[[child]]\nname = \"Isla Whitfield\"", "[child]\nname = \"Zqxwv\"")]),
              "name = \"Zqxwv Canary\"", lineOffset: -1, column: 1,
              "this table was already defined at line 23: a [table] is written once; for a list of several (one for each person, referral or action), write every header with two brackets, [[...]]", "toml-syntax")
        plant(try Self.caseFile(10, [("gender = \"female\"", "gendr = \"Zqxwv\""), ("disability = \"no\"", "disability = \"no\"\nzqxwvname = \"Canary\"")]),
              "gendr = \"Zqxwv\"", column: 1,
              "victim has a field name that is not allowed; did you mean gender? The fields of victim: name, aliases, dob, gender, address, ethnicity, sexual_orientation, disability, employed_by_partner_agency, any name starting with local_", "schema")
        mistakes.append(Mistake(file: files.last!.path, typed: "zqxwvname = \"Canary\"", column: 1,
              message: "victim has a field name that is not allowed; the fields of victim: name, aliases, dob, gender,", rule: "schema"))
        plant(try Self.caseFile(11, [("status = \"open\"", "status = \"opne\""), ("consent = \"given\"", "consent = \"givne\"")]), "status = \"opne\"", column: 1,
              "status must be one of: open, closed, transferred-out; did you mean open?", "schema")
        mistakes.append(Mistake(file: files.last!.path, typed: "consent = \"givne\"", column: 1,
              message: "referral[1].consent must be one of: given, refused, not-sought-unsafe, not-sought; did you mean given?", rule: "schema"))
        plant(try Self.caseFile(12, [("agency = \"police\"", "agency = \"polcie\""), ("marac = \"north\"", "marac = \"nroth\"")]), "agency = \"polcie\"", column: 1,
              "referral[1].agency names an agency id that is not in marac.toml; did you mean police? The agencies in marac.toml: police,", "unknown-agency")
        mistakes.append(Mistake(file: files.last!.path, typed: "marac = \"nroth\"", column: 1,
              message: "marac names a MARAC id that is not in marac.toml; did you mean north? The MARACs in marac.toml: north", rule: "unknown-marac"))
        plant(try Self.caseFile(13, [("agency = \"police\"", "agency = \"Zqxwv\"")]), "agency = \"Zqxwv\"", column: 1,
              "referral[1].agency names an agency id that is not in marac.toml; the agencies in marac.toml: police,", "unknown-agency")
        plant(try Self.caseFile(14, [("idva_referred = 2026-07-14", "idva_referred = 2026-07-10")]), "idva_referred = 2026-07-10", column: 1, severity: "warning",
              "referral[1].idva_referred is before referral[1].received: the IDVA service cannot be told of a referral before it arrived; check both dates", "idva-before-referral")
        plant(try Self.caseFile(15, [("idva_engaged = true", "idva_engaged = true\n\n[flag]\nlifted = 2027-01-13")]), "lifted = 2027-01-13", column: 1, severity: "warning",
              "flag.lifted is after 2026-11-23, the --as-of date: flags cannot have been lifted on a day still to come; write the day they were lifted", "lifted-in-future")
        plant(Self.meetingFile(day: 12, signedIn: "signed_in = 9:47"), "signed_in = 9:47", column: 13,
              "a time is written with colons in TOML, as HH:MM:SS with two digits each and without quotes: write 9.25 or 9:25am as 09:25:00, and 2.30pm as 14:30:00", "toml-syntax")
        plant(Self.meetingFile(day: 13, signedIn: "signed_in = 9.47"), "signed_in = 9.47", column: 1,
              "attendee[1].signed_in must be a time of day written with colons and without quotes, such as 09:30:00", "schema")
        plant(Self.meetingFile(day: 16, signedIn: "signed_in = \"9.47am\""), "signed_in = \"9.47am\"", column: 1,
              "attendee[1].signed_in must be a time of day written with colons and without quotes, such as 09:30:00", "schema")

        for file in files {
            try file.text.write(to: root.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
        }
        let text = try runProduct("mfile", ["lint", "--as-of", "2026-11-23"], in: root)
        XCTAssertEqual(text.status, 1)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        for mistake in mistakes {
            let line = try lineNumber(in: root.appendingPathComponent(mistake.file), containing: mistake.typed) + mistake.lineOffset
            let place = "\(mistake.file):\(line):\(mistake.column): \(mistake.severity): "
            XCTAssertTrue(
                lines.contains { $0.hasPrefix(place + mistake.message) && $0.hasSuffix("[\(mistake.rule)]") },
                "expected \(place)\(mistake.message) ... [\(mistake.rule)] in:\n\(lines.filter { $0.hasPrefix(mistake.file) }.joined(separator: "\n"))")
        }

        let json = try runProduct("mfile", ["lint", "--as-of", "2026-11-23", "--format", "json"], in: root)
        for output in [text.stdout, text.stderr, json.stdout, json.stderr] {
            for canary in Self.canaries {
                XCTAssertFalse(output.contains(canary), "\(canary) printed:\n\(output)")
            }
            for regex in ["[0-9]", "{2}", "^", "$", "(:", "[0-5]"] {
                XCTAssertFalse(output.contains(regex), "a regular expression printed (\(regex)):\n\(output)")
            }
        }

        // Without --as-of, "after today".
        let today = try runProduct("mfile", ["lint", files[14].path], in: root)
        XCTAssertTrue(today.stdout.contains("flag.lifted is after \(Self.today()), today:"), today.stdout)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}

final class DidYouMeanTests: XCTestCase {
    func testOnlyACloseValidChoiceIsOffered() {
        let statuses = ["open", "closed", "transferred-out"]
        XCTAssertEqual(DidYouMean.closest(to: "opne", among: statuses), "open")
        XCTAssertEqual(DidYouMean.closest(to: "Transferred out", among: statuses), "transferred-out")
        XCTAssertEqual(DidYouMean.closest(to: "CLOSD", among: statuses), "closed")
        XCTAssertNil(DidYouMean.closest(to: "Hannah Whitfield", among: statuses))
        XCTAssertNil(DidYouMean.closest(to: "", among: statuses))
        XCTAssertNil(DidYouMean.closest(to: "pen", among: ["police", "health"]))
        XCTAssertEqual(DidYouMean.closest(to: "sexual orientation", among: ["gender", "sexual_orientation"]), "sexual_orientation")
        XCTAssertEqual(DidYouMean.closest(to: "helath", among: ["police", "health", "housing"]), "health")
    }
}
