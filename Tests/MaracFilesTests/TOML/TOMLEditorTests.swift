import XCTest
@testable import MaracBase
@testable import MaracTOML

/// Focused edits on record-like files: comments, CR LF, indented sub-tables, no final newline.
final class TOMLEditorTests: XCTestCase {
    let record = """
    # closed session: a comment that must stay
    id = "2026-EXMP-006"   # the id
    status = 'open'

    [victim]
    name = "Rebecca"
    dob = 1983-10-21

    [[referral]]
    received = 2026-08-17
    criteria = ["visible-high-risk"]

    [[referral]]
    received = 2026-09-01 # second
    decision = "accepted"

    # trailing comment

    """

    func edit(_ text: String, _ change: (TOMLEditor) throws -> [UInt8]) throws -> String {
        String(decoding: try change(try TOMLEditor(text)), as: UTF8.self)
    }

    func testReplacesAValueInPlaceKeepingItsComment() throws {
        let out = try edit(record) { try $0.setValue(.string("closed"), at: ["status"]) }
        XCTAssertEqual(out, record.replacingOccurrences(of: "status = 'open'", with: "status = 'closed'"))
        let second = try edit(record) { try $0.setValue(.localDate(LocalDate(year: 2026, month: 9, day: 2)), at: ["referral", 1, "received"]) }
        XCTAssertEqual(second, record.replacingOccurrences(of: "2026-09-01 # second", with: "2026-09-02 # second"))
    }

    func testNoOpEditKeepsTheBytes() throws {
        let editor = try TOMLEditor(record)
        XCTAssertEqual(try editor.setValue(.string("open"), at: ["status"]), editor.bytes)
    }

    func testAddsAKeyAtTheEndOfItsSection() throws {
        let out = try edit(record) { try $0.setValue(.localDate(LocalDate(year: 2026, month: 8, day: 18)), at: ["referral", 0, "idva_referred"]) }
        XCTAssertEqual(out, record.replacingOccurrences(
            of: "criteria = [\"visible-high-risk\"]\n", with: "criteria = [\"visible-high-risk\"]\nidva_referred = 2026-08-18\n"))
        let top = try edit(record) { try $0.setValue(.boolean(true), at: ["reviewed"]) }
        XCTAssertEqual(top, record.replacingOccurrences(of: "status = 'open'\n", with: "status = 'open'\nreviewed = true\n"))
    }

    func testCreatesAMissingTable() throws {
        let out = try edit(record) { try $0.setValue(.boolean(true), at: ["flag", "lifted"]) }
        XCTAssertEqual(out, record + "\n[flag]\nlifted = true\n")
        let nested = try edit(record) { try $0.setValue(.boolean(true), at: ["victim", "flag", "lifted"]) }
        XCTAssertEqual(nested, record.replacingOccurrences(
            of: "dob = 1983-10-21\n", with: "dob = 1983-10-21\n\n[victim.flag]\nlifted = true\n"))
    }

    func testRemovesAKeyLineWithItsComment() throws {
        let out = try edit(record) { try $0.removeKey(at: ["id"]) }
        XCTAssertEqual(out, record.replacingOccurrences(of: "id = \"2026-EXMP-006\"   # the id\n", with: ""))
    }

    func testRefusesToRemoveWhatIsNotALine() throws {
        let editor = try TOMLEditor("a = { b = 1, c = 2 }\nd.e = 3\n[t]\nx = 1\n")
        for path: [TOMLPathComponent] in [["a", "b"], ["d", "e"], ["t"]] {
            XCTAssertThrowsError(try editor.removeKey(at: path)) { error in
                XCTAssertEqual((error as? TOMLEditError)?.reason, .notALine, "\(path)")
            }
        }
        XCTAssertThrowsError(try editor.removeKey(at: ["nothing"])) { error in
            XCTAssertEqual((error as? TOMLEditError)?.reason, .notFound)
        }
    }

    func testAppendsAndRemovesArrayTableEntries() throws {
        let out = try edit(record) { try $0.appendArrayTable(TOMLTable(["received": .localDate(LocalDate(year: 2026, month: 10, day: 1))]), at: ["referral"]) }
        XCTAssertEqual(out, record.replacingOccurrences(
            of: "decision = \"accepted\"\n", with: "decision = \"accepted\"\n\n[[referral]]\nreceived = 2026-10-01\n"))
        let new = try edit(record) { try $0.appendArrayTable(TOMLTable(["agency": .string("police")]), at: ["disclosure"]) }
        XCTAssertEqual(new, record + "\n[[disclosure]]\nagency = \"police\"\n")
        let removed = try edit(record) { try $0.removeArrayTableEntry(at: ["referral"], index: 0) }
        XCTAssertEqual(removed, record.replacingOccurrences(
            of: "[[referral]]\nreceived = 2026-08-17\ncriteria = [\"visible-high-risk\"]\n\n", with: ""))
    }

    func testKeepsCRLFLineEnds() throws {
        let crlf = record.replacingOccurrences(of: "\n", with: "\r\n")
        let out = try edit(crlf) { try $0.setValue(.boolean(true), at: ["referral", 1, "lifted"]) }
        XCTAssertEqual(out, crlf.replacingOccurrences(of: "decision = \"accepted\"\r\n", with: "decision = \"accepted\"\r\nlifted = true\r\n"))
        let appended = try edit(crlf) { try $0.appendArrayTable(TOMLTable(["a": .integer(1)]), at: ["x"]) }
        XCTAssertEqual(appended, crlf + "\r\n[[x]]\r\na = 1\r\n")
    }

    func testIndentedSubTables() throws {
        let meeting = """
        [[hearing]]
        case = "A"

          [[hearing.action]]
          id = 1
          text = "x"

        [[hearing]]
        case = "B"

          [[hearing.action]]
          id = 1

        """
        let out = try edit(meeting) { try $0.setValue(.string("complete"), at: ["hearing", 0, "action", 0, "status"]) }
        XCTAssertEqual(out, meeting.replacingOccurrences(of: "  text = \"x\"\n", with: "  text = \"x\"\n  status = \"complete\"\n"))
        let appended = try edit(meeting) {
            try $0.appendArrayTable(TOMLTable(["id": .integer(2), "text": .string("line one\nline two")]), at: ["hearing", 0, "action"])
        }
        XCTAssertEqual(appended, meeting.replacingOccurrences(
            of: "  text = \"x\"\n", with: "  text = \"x\"\n\n  [[hearing.action]]\n  id = 2\n  text = \"\"\"\nline one\nline two\"\"\"\n"))
        let removed = try edit(meeting) { try $0.removeArrayTableEntry(at: ["hearing"], index: 0) }
        XCTAssertEqual(removed, String(meeting[meeting.range(of: "[[hearing]]\ncase = \"B\"")!.lowerBound...]))
        let last = try edit(meeting) { try $0.removeArrayTableEntry(at: ["hearing"], index: 1) }
        XCTAssertEqual(last, String(meeting[..<meeting.range(of: "\n[[hearing]]\ncase = \"B\"")!.lowerBound]))
    }

    func testFileWithoutTrailingNewline() throws {
        let text = "a = 1\n[t]\nb = 2"
        XCTAssertEqual(try edit(text) { try $0.setValue(.integer(3), at: ["t", "c"]) }, "a = 1\n[t]\nb = 2\nc = 3\n")
        XCTAssertEqual(try edit(text) { try $0.setValue(.integer(5), at: ["t", "b"]) }, "a = 1\n[t]\nb = 5")
        XCTAssertEqual(try edit(text) { try $0.removeKey(at: ["t", "b"]) }, "a = 1\n[t]\n")
        XCTAssertEqual(try edit(text) { try $0.appendArrayTable(TOMLTable(), at: ["x"]) }, "a = 1\n[t]\nb = 2\n\n[[x]]\n")
    }

    func testErrorsNameThePathNeverAValue() throws {
        let editor = try TOMLEditor("name = \"CANARY-VALUE\"\n[[r]]\nx = 1\n")
        let attempts: [() throws -> [UInt8]] = [
            { try editor.setValue(.integer(1), at: ["name", "x"]) },
            { try editor.setValue(.integer(1), at: ["r", 3, "x"]) },
            { try editor.removeKey(at: ["r"]) },
            { try editor.removeArrayTableEntry(at: ["name"], index: 0) },
            { try editor.appendArrayTable(TOMLTable(), at: ["name"]) },
        ]
        for attempt in attempts {
            XCTAssertThrowsError(try attempt()) { error in
                let text = "\(error)"
                XCTAssertFalse(text.contains("CANARY"), text)
                XCTAssertTrue(text.hasPrefix("name") || text.hasPrefix("r"), text)
            }
        }
    }
}
