import XCTest
@testable import MaracBase
@testable import MaracTOML

/// Edits in the less common shapes a hand-written record can take: dotted keys, tables that
/// exist only as header parents, inline tables, literal strings, a byte order mark.
final class TOMLEditorShapesTests: XCTestCase {
    func edited(_ text: String, _ change: (TOMLEditor) throws -> [UInt8]) throws -> String {
        String(decoding: try change(try TOMLEditor(text)), as: UTF8.self)
    }

    func testAddsToADottedTableWithADottedKeyInItsSection() throws {
        let text = "[case]\nrisk.score = 16 # dash\nstatus = \"open\"\n\n[other]\n"
        XCTAssertEqual(try edited(text) { try $0.setValue(.string("dash"), at: ["case", "risk", "tool"]) },
                       "[case]\nrisk.score = 16 # dash\nstatus = \"open\"\nrisk.tool = \"dash\"\n\n[other]\n")
        XCTAssertEqual(try edited(text) { try $0.removeKey(at: ["case", "status"]) }, "[case]\nrisk.score = 16 # dash\n\n[other]\n")
        XCTAssertThrowsError(try TOMLEditor(text).removeKey(at: ["case", "risk", "score"])) { error in
            XCTAssertEqual((error as? TOMLEditError)?.reason, .notALine)
        }
    }

    func testDefinesATableThatExistedOnlyAsAHeaderParent() throws {
        let text = "[a.b]\nx = 1\n"
        XCTAssertEqual(try edited(text) { try $0.setValue(.integer(2), at: ["a", "y"]) }, "[a.b]\nx = 1\n\n[a]\ny = 2\n")
    }

    func testInlineTables() throws {
        let text = "who = { name = \"A\", role = 'chair' }  # note\nempty = {}\n"
        XCTAssertEqual(try edited(text) { try $0.setValue(.boolean(true), at: ["who", "signed"]) },
                       "who = { name = \"A\", role = 'chair', signed = true }  # note\nempty = {}\n")
        XCTAssertEqual(try edited(text) { try $0.setValue(.string("vice chair"), at: ["who", "role"]) },
                       "who = { name = \"A\", role = 'vice chair' }  # note\nempty = {}\n")
        XCTAssertEqual(try edited(text) { try $0.setValue(.integer(1), at: ["empty", "a", "b"]) },
                       "who = { name = \"A\", role = 'chair' }  # note\nempty = { a = { b = 1 } }\n")
        XCTAssertEqual(try edited(text) { try $0.setValue(.integer(7), at: ["who"]) }, "who = 7  # note\nempty = {}\n")
    }

    func testInlineArrayElementsByIndex() throws {
        let text = "criteria = [\n  \"visible-high-risk\",  # why\n  \"escalation\",\n]\n"
        XCTAssertEqual(try edited(text) { try $0.setValue(.string("professional-judgement"), at: ["criteria", 1]) },
                       "criteria = [\n  \"visible-high-risk\",  # why\n  \"professional-judgement\",\n]\n")
        XCTAssertThrowsError(try TOMLEditor(text).setValue(.string("x"), at: ["criteria", 2])) { error in
            XCTAssertEqual((error as? TOMLEditError)?.reason, .notFound)
        }
    }

    func testMultiLineTextInACRLFFile() throws {
        let text = "a = 1\r\nnote = \"\"\"\r\nold\r\n\"\"\"\r\n"
        let out = try edited(text) { try $0.setValue(.string("line one\nline two"), at: ["note"]) }
        XCTAssertEqual(out, "a = 1\r\nnote = \"\"\"\r\nline one\r\nline two\"\"\"\r\n")
        XCTAssertEqual(try TOMLEditor(out).table["note"]?.string, "line one\nline two")
    }

    func testByteOrderMarkStaysFirst() throws {
        let text = "\u{FEFF}[t]\nx = 1\n"
        XCTAssertEqual(try edited(text) { try $0.setValue(.integer(1), at: ["top"]) }, "\u{FEFF}top = 1\n[t]\nx = 1\n")
        XCTAssertEqual(try edited("\u{FEFF}") { try $0.appendArrayTable(TOMLTable(), at: ["e"]) }, "\u{FEFF}[[e]]\n")
    }

    func testChainedEditsReuseTheDecodedResult() throws {
        let editor = try TOMLEditor("[[flag]]\nkind = \"risk\"\n")
        let done = try editor
            .settingValue(.boolean(true), at: ["flag", 0, "lifted"])
            .settingValue(.localDate(LocalDate(year: 2026, month: 11, day: 23)), at: ["flag", 0, "lifted_on"])
            .appendingArrayTable(TOMLTable(["kind": .string("safeguarding")]), at: ["flag"])
        XCTAssertEqual(done.text, "[[flag]]\nkind = \"risk\"\nlifted = true\nlifted_on = 2026-11-23\n\n[[flag]]\nkind = \"safeguarding\"\n")
    }
}
