import XCTest
@testable import MaracBase
@testable import MaracTOML
@testable import MaracTransfer

final class TransferCaseFileEditTests: XCTestCase {
    func edit(_ text: String) -> CaseFileEdit { CaseFileEdit(bytes: Array(text.utf8)) }
    func text(_ edit: CaseFileEdit) -> String { String(decoding: edit.bytes, as: UTF8.self) }

    func testSetTextKeepsCommentsAndSpacing() throws {
        var file = edit("id = 'X'   # literal\nstatus   =   \"open\" # why\n\n[victim]\nname = \"A\"\n")
        try file.setText("status", "transferred-out")
        try file.setText("id", "2026-ABCD-001")
        XCTAssertEqual(text(file), "id = '2026-ABCD-001'   # literal\nstatus   =   \"transferred-out\" # why\n\n[victim]\nname = \"A\"\n")
    }

    func testAppendKeepsLineEndsAndAddsMissingNewline() throws {
        var crlf = edit("id = \"X\"\r\n[[transfer]]\r\ndirection = \"in\"")
        try crlf.appendEntry("transfer", [("direction", .string("out")), ("sent", .localDate(LocalDate(year: 2026, month: 11, day: 23)))])
        XCTAssertEqual(text(crlf), "id = \"X\"\r\n[[transfer]]\r\ndirection = \"in\"\r\n\r\n[[transfer]]\r\ndirection = \"out\"\r\nsent = 2026-11-23\r\n")
    }

    func testAppendAfterASubTable() throws {
        var file = edit("id = \"X\"\n\n[flag]\nlifted = 2026-01-01\n")
        try file.appendEntry("disclosure", [("to", .string("Court \"A\""))])
        XCTAssertEqual(text(file), "id = \"X\"\n\n[flag]\nlifted = 2026-01-01\n\n[[disclosure]]\nto = \"Court \\\"A\\\"\"\n")
        let table = try TOMLDecoder.decode(bytes: file.bytes)
        XCTAssertEqual(table["flag"]?.table?.keys, ["lifted"])
        XCTAssertEqual(table["disclosure"]?.array?.count, 1)
    }

    func testNewEntryFollowsTheArraysLastEntry() throws {
        var file = edit("id = \"X\"\n\n[[transfer]]\ndirection = \"in\"\n\n# the court\n[[disclosure]]\nto = \"A\"\n")
        try file.appendEntry("transfer", [("direction", .string("out"))])
        XCTAssertEqual(text(file), "id = \"X\"\n\n[[transfer]]\ndirection = \"in\"\n\n[[transfer]]\ndirection = \"out\"\n\n# the court\n[[disclosure]]\nto = \"A\"\n")
    }

    func testRefusesWhatCannotBeAppendedOrSet() {
        var inline = edit("id = \"X\"\ntransfer = [{ direction = \"in\" }]\n")
        XCTAssertThrowsError(try inline.appendEntry("transfer", [("direction", .string("out"))]))
        XCTAssertEqual(text(inline), "id = \"X\"\ntransfer = [{ direction = \"in\" }]\n")
        var missing = edit("id = \"X\"\n")
        XCTAssertThrowsError(try missing.setText("status", "open")) { error in
            XCTAssertEqual("\(error)", "the file has no text value 'status' at the top level")
        }
        var broken = edit("id = \n")
        XCTAssertThrowsError(try broken.setText("id", "Y"))
    }
}
