import Foundation
import XCTest
@testable import MaracImport

/// CSV as Excel and LibreOffice save it, and the bounds on what is read.
final class ImportCSVReaderTests: XCTestCase {
    private func read(_ bytes: [UInt8], delimiter: UInt8? = nil, limits: ImportLimits = .standard) throws -> CSVSheet {
        try CSVReader.read(bytes, file: "sheet.csv", delimiter: delimiter, limits: limits)
    }

    private func texts(_ sheet: CSVSheet) -> [[String]] { sheet.rows.map { $0.cells.map(\.text) } }

    func testExcelCSVUTF8WithByteOrderMarkAndCRLF() throws {
        let sheet = try read([0xEF, 0xBB, 0xBF] + Array("Ref,Name\r\nA1,Zoë Brontë\r\n".utf8))
        XCTAssertEqual(sheet.encoding, .utf8WithBOM)
        XCTAssertEqual(texts(sheet), [["Ref", "Name"], ["A1", "Zoë Brontë"]])
    }

    func testUTF8WithoutByteOrderMarkAndLF() throws {
        let sheet = try read(Array("Ref,Name\nA1,Siân\n".utf8))
        XCTAssertEqual(sheet.encoding, .utf8)
        XCTAssertEqual(texts(sheet), [["Ref", "Name"], ["A1", "Siân"]])
    }

    func testWindows1252IsDetectedAndConverted() throws {
        // "Zoë O’Neill – 5 €" as Excel's plain CSV on Windows writes it.
        let bytes: [UInt8] = Array("Ref,Name\r\nA1,Zo".utf8) + [0xEB] + Array(" O".utf8) + [0x92] + Array("Neill ".utf8) + [0x96] + Array(" 5 ".utf8) + [0x80] + Array("\r\n".utf8)
        let sheet = try read(bytes)
        XCTAssertEqual(sheet.encoding, .windows1252)
        XCTAssertEqual(texts(sheet)[1], ["A1", "Zoë O\u{2019}Neill \u{2013} 5 €"])
    }

    func testQuotedCellsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "Ref,Address,Note\r\nA1,\"1 Sample Street, Example Town\",\"She said \"\"leave\"\"\r\nthen left\"\r\nA2,,\"\"\r\n"
        let sheet = try read(Array(text.utf8))
        XCTAssertEqual(texts(sheet), [
            ["Ref", "Address", "Note"],
            ["A1", "1 Sample Street, Example Town", "She said \"leave\"\nthen left"],
            ["A2", "", ""],
        ])
        XCTAssertEqual(sheet.rows.map(\.number), [1, 2, 3])
        XCTAssertEqual(sheet.rows.map(\.line), [1, 2, 4])
    }

    func testSemicolonsAreDetectedFromTheHeaderRow() throws {
        let sheet = try read(Array("Ref;Address;Score\nA1;\"1 Sample Street, Example Town\";14,5\n".utf8))
        XCTAssertEqual(sheet.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(texts(sheet)[1], ["A1", "1 Sample Street, Example Town", "14,5"])
    }

    func testTheDelimiterIsFoundFromTheHeaderRowBelowATitle() throws {
        let text = Array("Register, Example Borough\nRef;Address;Score\nA1;\"1 Sample Street, Example Town\";14\n".utf8)
        XCTAssertEqual(try CSVReader.read(text, file: "sheet.csv", headerRows: 2).delimiter, UInt8(ascii: ";"))
    }

    func testExcelSeparatorHintLine() throws {
        let sheet = try read(Array("sep=;\r\nRef;Name\r\nA1;Ann, Lee\r\n".utf8))
        XCTAssertEqual(sheet.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(texts(sheet), [["Ref", "Name"], ["A1", "Ann, Lee"]])
    }

    func testOldMacLineEndsAndNoFinalLineEnd() throws {
        XCTAssertEqual(texts(try read(Array("Ref,Name\rA1,Ann\rA2,Bo".utf8))), [["Ref", "Name"], ["A1", "Ann"], ["A2", "Bo"]])
    }

    func testBlankRowsAreCountedAndKeepTheSpreadsheetsRowNumbers() throws {
        let sheet = try read(Array("Ref,Name\r\n,\r\n\r\nA3,Ann\r\n".utf8))
        XCTAssertEqual(sheet.rows.map(\.number), [1, 4])
        XCTAssertEqual(sheet.blankRows, 2)
    }

    func testBlankRowsAndEmptyCellsFarPastTheDataAreNotLimited() throws {
        let text = "Ref,Name" + String(repeating: ",", count: 2000) + "\n" + "A2,Ann" + String(repeating: ",", count: 2000) + "\n"
            + String(repeating: ",,,\n", count: 5000)
        let sheet = try read(Array(text.utf8), limits: ImportLimits(maxRows: 10, maxColumns: 16))
        XCTAssertEqual(sheet.rows.map { $0.cells.count }, [16, 16])
        XCTAssertEqual(sheet.blankRows, 5000)
    }

    func testTextAfterAClosingQuoteIsKept() throws {
        XCTAssertEqual(texts(try read(Array("A,B\n\"x\"y,z\n".utf8)))[1], ["xy", "z"])
    }

    func testAnUnclosedQuoteIsAnErrorAtItsRowAndLine() throws {
        XCTAssertThrowsError(try read(Array("Ref,Name\nA1,Ann\nA2,\"Bo\nA3,Cy\n".utf8))) { error in
            let error = error as! ImportError
            XCTAssertEqual(error.location, "sheet.csv:3")
            XCTAssertTrue(error.message.hasPrefix("row 3: a cell opened with a double quote"), error.message)
        }
    }

    func testUTF16IsRefusedWithWhatToDo() throws {
        XCTAssertThrowsError(try read([0xFF, 0xFE, 0x41, 0x00])) { error in
            XCTAssertTrue((error as! ImportError).message.contains("CSV UTF-8"))
        }
    }

    func testTooManyColumnsIsAnError() throws {
        let row = Array(repeating: "x", count: 11).joined(separator: ",") + ",,,"
        XCTAssertThrowsError(try read(Array("A\n\(row)\n".utf8), limits: ImportLimits(maxColumns: 10))) { error in
            XCTAssertTrue((error as! ImportError).message.hasPrefix("row 2 has more than 10 cells"))
        }
    }

    func testTooManyRowsIsAnError() throws {
        let text = "Ref\n" + (1...11).map { "R\($0)\n" }.joined()
        XCTAssertNoThrow(try read(Array(text.utf8), limits: ImportLimits(maxRows: 11)))
        XCTAssertThrowsError(try read(Array(text.utf8), limits: ImportLimits(maxRows: 10))) { error in
            XCTAssertTrue((error as! ImportError).message.contains("more than 10 rows below its header"))
        }
    }

    func testAFileLargerThanTheLimitIsRefused() throws {
        XCTAssertThrowsError(try read(Array(repeating: UInt8(ascii: "a"), count: 2 << 20), limits: ImportLimits(maxFileBytes: 1 << 20)))
    }

    func testAnOversizeCellIsMarkedAndItsTextDropped() throws {
        let big = String(repeating: "é", count: 600_000)  // 1.2 MB of UTF-8
        let sheet = try read(Array("Ref,Note,After\nA1,\"\(big)\",ok\n".utf8))
        XCTAssertEqual(sheet.rows[1].cells.map(\.isOversize), [false, true, false])
        XCTAssertEqual(sheet.rows[1].cells.map(\.text), ["A1", "", "ok"])
    }

    func testAnEmptyFileHasNoRows() throws {
        XCTAssertEqual(try read([]).rows.count, 0)
        XCTAssertEqual(try read([0xEF, 0xBB, 0xBF]).rows.count, 0)
    }

    func testDatesAsUKSpreadsheetsWriteThem() throws {
        let uk = SheetDateFormat.uk
        XCTAssertEqual(uk.parse("11/02/1985")?.description, "1985-02-11")
        XCTAssertEqual(uk.parse("1/2/1985")?.description, "1985-02-01")
        XCTAssertEqual(uk.parse("11/02/1985 00:00")?.description, "1985-02-11")
        XCTAssertEqual(uk.parse("1985-02-11")?.description, "1985-02-11")
        XCTAssertNil(uk.parse("31/02/1985"))
        XCTAssertNil(uk.parse("11/02/85"))
        XCTAssertNil(uk.parse("11/02/1985 09:30"))
        XCTAssertNil(uk.parse("31107"))
        XCTAssertNil(uk.parse("11-02-1985"))
        XCTAssertEqual(SheetDateFormat("mm/dd/yyyy")?.parse("02/11/1985")?.description, "1985-02-11")
        XCTAssertEqual(SheetDateFormat("dd.mm.yyyy")?.parse("11.02.1985")?.description, "1985-02-11")
        XCTAssertNil(SheetDateFormat("dd/mm/yy"))
        XCTAssertNil(SheetDateFormat("dd/mm-yyyy"))
        XCTAssertNil(SheetDateFormat("dd/dd/yyyy"))
    }
}
