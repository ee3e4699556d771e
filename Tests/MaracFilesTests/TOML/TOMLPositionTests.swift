import Foundation
import XCTest
@testable import MaracBase
@testable import MaracTOML

/// Where keys, values, headers and errors are said to be: line, column (in Unicode scalars)
/// and byte offset.
final class TOMLPositionTests: XCTestCase {
    private func at(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column, offset: offset)
    }

    private func span(_ start: SourcePosition, _ end: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: end)
    }

    // MARK: keys and values

    func testKeyAndValueRanges() throws {
        let table = try TOMLDecoder.decode("title = \"MARAC\"\n  count=42 # c\n")
        let title = try XCTUnwrap(table[member: "title"])
        XCTAssertEqual(title.keyRange, span(at(1, 1, 0), at(1, 6, 5)))
        XCTAssertEqual(title.node.range, span(at(1, 9, 8), at(1, 16, 15)))
        let count = try XCTUnwrap(table[member: "count"])
        XCTAssertEqual(count.keyRange, span(at(2, 3, 18), at(2, 8, 23)))
        XCTAssertEqual(count.node.range, span(at(2, 9, 24), at(2, 11, 26)))
    }

    func testDottedKeysAndTheTablesTheyCreate() throws {
        let table = try TOMLDecoder.decode("person . name = 'A'\n")
        let person = try XCTUnwrap(table[member: "person"])
        XCTAssertEqual(person.keyRange, span(at(1, 1, 0), at(1, 7, 6)))
        XCTAssertEqual(person.node.range, person.keyRange, "an implicit table is where its key is written")
        let name = try XCTUnwrap(person.node.table?[member: "name"])
        XCTAssertEqual(name.keyRange, span(at(1, 10, 9), at(1, 14, 13)))
        XCTAssertEqual(name.node.range, span(at(1, 17, 16), at(1, 20, 19)))
    }

    func testQuotedKeyRangeIncludesTheQuotes() throws {
        let table = try TOMLDecoder.decode("'a b' = 1\n")
        XCTAssertEqual(table[member: "a b"]?.keyRange, span(at(1, 1, 0), at(1, 6, 5)))
    }

    func testInlineTableAndArrayRanges() throws {
        let table = try TOMLDecoder.decode("p = { n = 'A', d.e = 1 }\nlist = [\n  1,\n  2,\n]\n")
        let p = try XCTUnwrap(table[member: "p"])
        XCTAssertEqual(p.node.range, span(at(1, 5, 4), at(1, 25, 24)))
        let inner = try XCTUnwrap(p.node.table)
        XCTAssertEqual(inner[member: "n"]?.keyRange, span(at(1, 7, 6), at(1, 8, 7)))
        XCTAssertEqual(inner[member: "d"]?.node.range, span(at(1, 16, 15), at(1, 17, 16)))
        XCTAssertEqual(inner["d"]?.table?[member: "e"]?.keyRange, span(at(1, 18, 17), at(1, 19, 18)))
        let list = try XCTUnwrap(table["list"])
        XCTAssertEqual(list.range, span(at(2, 8, 32), at(5, 2, 45)))
        XCTAssertEqual(list.array?.map(\.range), [span(at(3, 3, 36), at(3, 4, 37)), span(at(4, 3, 41), at(4, 4, 42))])
    }

    // MARK: headers

    func testTableAndArrayOfTablesHeaderRanges() throws {
        let table = try TOMLDecoder.decode("[case.victim]\nname = 'A'\n[[actions]]\nid = 1\n[[actions]]\nid = 2\n")
        let caseMember = try XCTUnwrap(table[member: "case"])
        XCTAssertEqual(caseMember.keyRange, span(at(1, 2, 1), at(1, 6, 5)))
        XCTAssertEqual(caseMember.node.range, caseMember.keyRange, "an implicit table is where its key is written")
        let victim = try XCTUnwrap(caseMember.node.table?[member: "victim"])
        XCTAssertEqual(victim.keyRange, span(at(1, 7, 6), at(1, 13, 12)))
        XCTAssertEqual(victim.node.range, span(at(1, 1, 0), at(1, 14, 13)), "a table is where its [header] is")
        let actions = try XCTUnwrap(table[member: "actions"])
        XCTAssertEqual(actions.keyRange, span(at(3, 3, 27), at(3, 10, 34)))
        XCTAssertEqual(actions.node.range, span(at(3, 1, 25), at(3, 12, 36)), "an array of tables is at its first header")
        XCTAssertEqual(actions.node.array?.map(\.range), [
            span(at(3, 1, 25), at(3, 12, 36)), span(at(5, 1, 44), at(5, 12, 55)),
        ])
        XCTAssertEqual(actions.node.array?[1].table?["id"]?.range, span(at(6, 6, 61), at(6, 7, 62)))
    }

    func testImplicitTableTakesThePositionOfItsLaterHeader() throws {
        let table = try TOMLDecoder.decode("[a.b]\n[a]\n")
        let a = try XCTUnwrap(table[member: "a"])
        XCTAssertEqual(a.node.range, span(at(2, 1, 6), at(2, 4, 9)))
        XCTAssertEqual(a.keyRange, span(at(2, 2, 7), at(2, 3, 8)))
    }

    // MARK: line ends and characters

    func testCRLFLines() throws {
        let table = try TOMLDecoder.decode("a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\nc = 2\r\n")
        XCTAssertEqual(table[member: "b"]?.keyRange, span(at(2, 1, 7), at(2, 2, 8)))
        XCTAssertEqual(table["b"]?.range, span(at(2, 5, 11), at(3, 5, 21)))
        XCTAssertEqual(table["b"]?.string, "x\ny", "CR LF in a multi-line string becomes LF")
        XCTAssertEqual(table[member: "c"]?.keyRange, span(at(4, 1, 23), at(4, 2, 24)))
        XCTAssertEqual(table["c"]?.range, span(at(4, 5, 27), at(4, 6, 28)))
    }

    func testColumnsCountUnicodeScalarsAndOffsetsCountBytes() throws {
        let table = try TOMLDecoder.decode("\"名前\" = \"😀é\" # ☃\nk = 'ü'\n")
        let name = try XCTUnwrap(table[member: "名前"])
        XCTAssertEqual(name.keyRange, span(at(1, 1, 0), at(1, 5, 8)))
        XCTAssertEqual(name.node.range, span(at(1, 8, 11), at(1, 12, 19)))
        XCTAssertEqual(table[member: "k"]?.keyRange, span(at(2, 1, 26), at(2, 2, 27)))
        XCTAssertEqual(table["k"]?.range, span(at(2, 5, 30), at(2, 8, 34)))
    }

    func testByteOrderMarkIsNotAColumn() throws {
        let table = try TOMLDecoder.decode(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8))
        XCTAssertEqual(table[member: "a"]?.keyRange, span(at(1, 1, 3), at(1, 2, 4)))
    }

    /// Over every valid suite file: each range's line and column agree with its byte offset,
    /// each key range holds its key, each value range holds text that decodes to the same kind.
    func testRangesAgreeWithTheTextAcrossTheSuite() throws {
        let suite = try TOMLTestSuite.listing()
        var problems: [String] = []
        for file in suite.valid {
            let bytes = try [UInt8](Data(contentsOf: suite.root.appendingPathComponent(file)))
            let table = try TOMLDecoder.decode(bytes: bytes)
            check(table, in: bytes, file: file, problems: &problems)
        }
        XCTAssertEqual(problems, [])
    }

    private func check(_ table: TOMLTable, in bytes: [UInt8], file: String, problems: inout [String]) {
        for member in table.members {
            for range in [member.keyRange, member.node.range] where !consistent(range, bytes) {
                problems.append("\(file): \(member.key): range \(range.start)-\(range.end) disagrees with offsets \(range.bytes)")
            }
            let keyText = String(decoding: bytes[member.keyRange.bytes], as: UTF8.self)
            if (try? TOMLDecoder.decode(keyText + " = 0"))?.keys != [member.key] {
                problems.append("\(file): key range of \(member.key) holds \(keyText.debugDescription)")
            }
            check(member.node, in: bytes, file: file, problems: &problems)
        }
    }

    private func check(_ node: TOMLNode, in bytes: [UInt8], file: String, problems: inout [String]) {
        let text = String(decoding: bytes[node.range.bytes], as: UTF8.self)
        if !consistent(node.range, bytes) {
            problems.append("\(file): value range \(node.range.start)-\(node.range.end) disagrees with offsets")
        }
        switch node.value {
        case .table(let table):
            if !(text.hasPrefix("{") || text.hasPrefix("[")) && (try? TOMLDecoder.decode(text + " = 0")) == nil {
                problems.append("\(file): table range holds \(text.debugDescription)")
            }
            check(table, in: bytes, file: file, problems: &problems)
        case .array(let items):
            if !text.hasPrefix("[") { problems.append("\(file): array range holds \(text.debugDescription)") }
            for item in items { check(item, in: bytes, file: file, problems: &problems) }
        default:
            if (try? TOMLDecoder.decode("v = " + text))?["v"]?.value.kindName != node.value.kindName {
                problems.append("\(file): \(node.value.kindName) range holds \(text.debugDescription)")
            }
        }
    }

    private func consistent(_ range: SourceRange, _ bytes: [UInt8]) -> Bool {
        [range.start, range.end].allSatisfy { position in
            let before = bytes[..<position.offset]
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            let line = 1 + before.filter { $0 == 0x0A }.count
            let column = 1 + bytes[min(lineStart, position.offset)..<position.offset].filter { $0 & 0xC0 != 0x80 }.count
            return position.line == line && position.column == column
        }
    }

    // MARK: errors

    private func assertError(
        _ text: String, _ line: Int, _ column: Int, _ message: String, file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        do {
            _ = try TOMLDecoder.decode(text)
            XCTFail("accepted \(text.debugDescription)", file: file, line: lineNumber)
        } catch {
            XCTAssertEqual("\(error.position.line):\(error.position.column)", "\(line):\(column)", text.debugDescription, file: file, line: lineNumber)
            XCTAssertEqual(error.message, message, file: file, line: lineNumber)
        }
    }

    func testErrorPositionsAndMessages() {
        assertError("a = 1\nb = \n", 2, 5, "expected a value after '='")
        assertError("a = 1\r\nb = ?\r\n", 2, 5, "expected a value: text must be in quotes, and true and false in lowercase")
        assertError("name = Ann\n", 1, 8, "expected a value: text must be in quotes, and true and false in lowercase")
        assertError("k v\n", 1, 3, "expected '=' after the key")
        assertError("= 1\n", 1, 1, "expected a key before '='")
        assertError("a = 1\na = 2\n", 2, 1, "the key 'a' is defined twice (first at line 1)")
        assertError("[t]\nx = 1\n\n[t]\n", 4, 1, "this table was already defined at line 1: a [table] is written once; for a list of several (one for each person, referral or action), write every header with two brackets, [[...]]")
        assertError("t.x = 1\n[t]\n", 2, 1, "this table was already defined by dotted keys at line 1")
        assertError("[t]\n[[t]]\n", 2, 1, "'t' is already a table (defined at line 1), so it can't also be an array of tables: for a list, write every header for it with two brackets, [[...]], the one at line 1 too")
        assertError("a = 1\na.b = 2\n", 2, 1, "the key 'a' already holds a value (at line 1), so it can't also be a table")
        assertError("a = {b = 1}\na.c = 2\n", 2, 1, "the key 'a' already holds an inline table (at line 1), which can't be extended")
        assertError("[a.b]\nc = 1\n[a]\nb.d = 2\n", 4, 1, "the table 'b' has its own [header] at line 1: add this key under that header instead")
        assertError("name = \"Ann", 1, 12, "unterminated string: add the closing quote (\")")
        assertError(
            "name = \"Ann\nx = 1\n", 1, 12,
            "unterminated string: add the closing quote (\") before the end of the line, or use \"\"\" for text on several lines")
        assertError("s = \"\"\"\nabc\n", 1, 5, "unterminated multi-line string: add the closing \"\"\" where its text ends")
        assertError("list = [1,\n2\n", 3, 1, "unterminated array: add the closing ']' (the array starts at line 1)")
        assertError("[a\nb]\n", 1, 3, "expected ']' to close the [table] header")
        assertError("x = 1 2\n", 1, 7, "expected the end of the line after the value: put each key = value and each [table] header on its own line")
        assertError("p = { a = 1, }\n", 1, 12, "remove the ',' before '}': an inline table can't end with a comma")
        assertError("s = \"a\\qb\"\n", 1, 7, "invalid escape sequence: write a backslash as \\\\; the escapes allowed are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX")
        assertError("d = 2023-02-29\n", 1, 5, "invalid date: that month has 28 days, so the day must be 01 to 28")
        assertError("d = 2023-02-28T24:00:00\n", 1, 16, "invalid time: the hour must be 00 to 23")
        assertError("n = 9223372036854775808\n", 1, 5, "this integer is too large: integers must be between -9223372036854775808 and 9223372036854775807")
        assertError("n = 01\n", 1, 5, "invalid number: leading zeros are not allowed")
        assertError("n = 1__0\n", 1, 5, "invalid number: an underscore must stand between two digits")
        assertError("\"é\" = é\n", 1, 7, "expected a value: text must be in quotes, and true and false in lowercase")
        assertError("a = 1 # bell \u{7}\n", 1, 14, "control characters are not allowed in comments")
        assertError("a = 1\rb = 2\n", 1, 6, "a carriage return must be followed by a line feed: save the file with Windows (CR LF) or Unix (LF) line endings")
    }

    func testInvalidUTF8IsReportedAtTheBadByte() {
        let bytes = Array("a = 1\nb = \"é".utf8) + [0xFF, 0x22]
        XCTAssertThrowsError(try TOMLDecoder.decode(bytes: bytes)) { error in
            let error = error as! TOMLError
            XCTAssertEqual(error.position, at(2, 7, 13))
            XCTAssertEqual(error.message, "this file is not valid UTF-8 text: save it with the UTF-8 encoding")
        }
    }
}
