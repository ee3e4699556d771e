import Foundation
import XCTest
@testable import toml_decode
@testable import MaracBase
@testable import MaracTOML

final class TOMLDecoderTests: XCTestCase {
    // MARK: values

    func testDateTextIsZeroPaddedAndValuesOutsideTheCalendarStillPrint() throws {
        XCTAssertEqual(try TOMLDecoder.decode("d = 0005-01-02")["d"]?.localDate?.description, "0005-01-02")
        XCTAssertEqual(LocalDate(year: 2026, month: 11, day: 19).description, "2026-11-19")
        XCTAssertEqual(LocalDate(year: 9999, month: 12, day: 31).description, "9999-12-31")
        XCTAssertEqual(LocalDate(year: 12026, month: 1, day: 2).description, "12026-01-02")
        XCTAssertEqual(LocalDate(year: 2026, month: 123, day: 2).description, "2026-123-02")
    }

    func testIntegers() throws {
        let t = try TOMLDecoder.decode("""
            a = +99
            b = -17
            c = 1_000_000
            d = 0xDEAD_beef
            e = 0o755
            f = 0b1101_0101
            g = 9223372036854775807
            h = -9223372036854775808
            i = 0x7FFFFFFFFFFFFFFF
            j = -0
            """)
        XCTAssertEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map { t[$0]?.integer },
                       [99, -17, 1_000_000, 0xDEAD_BEEF, 0o755, 0b1101_0101, .max, .min, .max, 0])
        for text in ["9223372036854775808", "-9223372036854775809", "0x8000000000000000", "0b" + String(repeating: "1", count: 64),
                     "99999999999999999999999"] {
            XCTAssertThrowsError(try TOMLDecoder.decode("n = \(text)"), text)
        }
        for text in ["+0x1", "0X1", "1__2", "_1", "1_", "012", "0x", "0o8", "0b2", "1 2", "--1", "0x_1"] {
            XCTAssertThrowsError(try TOMLDecoder.decode("n = \(text)"), text)
        }
    }

    func testFloats() throws {
        let t = try TOMLDecoder.decode("a = 3.14\nb = -1e-3\nc = 6.02E+23\nd = 1_0.0_1\ne = inf\nf = -inf\ng = nan\nh = -0.0\ni = 0e0\n")
        XCTAssertEqual(t["a"]?.float, 3.14)
        XCTAssertEqual(t["b"]?.float, -0.001)
        XCTAssertEqual(t["c"]?.float, 6.02e23)
        XCTAssertEqual(t["d"]?.float, 10.01)
        XCTAssertEqual(t["e"]?.float, .infinity)
        XCTAssertEqual(t["f"]?.float, -.infinity)
        XCTAssertEqual(t["g"]?.float?.isNaN, true)
        XCTAssertEqual(t["h"]?.float?.sign, .minus)
        XCTAssertEqual(t["i"]?.float, 0)
        for text in [".5", "5.", "1.e5", "1e", "1e_5", "01.5", "1._5", "Inf", "NaN", "+-1.0", "1.5.5", "infinity"] {
            XCTAssertThrowsError(try TOMLDecoder.decode("n = \(text)"), text)
        }
    }

    func testStringsAndEscapes() throws {
        let t = try TOMLDecoder.decode(#"""
            a = "tab\there \"q\" \\ \u00E9 \U0001F600 \b\f\r\n"
            b = 'C:\no\escapes'
            c = """
            one
            two \
                three"""
            d = '''
            raw \n ''quoted'''''
            e = """""quotes"""""
            f = ""
            """#)
        XCTAssertEqual(t["a"]?.string, "tab\there \"q\" \\ é 😀 \u{8}\u{C}\r\n")
        XCTAssertEqual(t["b"]?.string, #"C:\no\escapes"#)
        XCTAssertEqual(t["c"]?.string, "one\ntwo three")
        XCTAssertEqual(t["d"]?.string, "raw \\n ''quoted''")
        XCTAssertEqual(t["e"]?.string, "\"\"quotes\"\"")
        XCTAssertEqual(t["f"]?.string, "")
        for text in [#""\e""#, #""\x41""#, #""\uD800""#, #""\U00110000""#, #""\u12""#, "\"a\u{0}b\"", "'a\u{7F}'", "\"\"\"a\"\"\"\"\"\"",
                     #"""\ x"""#] {
            XCTAssertThrowsError(try TOMLDecoder.decode("s = \(text)"), text)
        }
    }

    func testFourDateTimeKindsStayDistinct() throws {
        let t = try TOMLDecoder.decode("a = 2026-11-19T17:45:00.25+05:30\nb = 2026-11-19 17:45:00\nc = 2026-11-19\nd = 17:45:00.123456789\ne = 2026-11-19T17:45:00Z\n")
        guard case .offsetDateTime(let a) = t["a"]?.value else { return XCTFail("a") }
        XCTAssertEqual(a, OffsetDateTime(date: LocalDate(year: 2026, month: 11, day: 19),
                                         time: LocalTime(hour: 17, minute: 45, second: 0, nanosecond: 250_000_000), offsetMinutes: 330))
        guard case .localDateTime(let b) = t["b"]?.value else { return XCTFail("b") }
        XCTAssertEqual(b.description, "2026-11-19T17:45:00")
        XCTAssertEqual(t["c"]?.localDate, LocalDate(year: 2026, month: 11, day: 19))
        guard case .localTime(let d) = t["d"]?.value else { return XCTFail("d") }
        XCTAssertEqual(d.nanosecond, 123_456_789)
        guard case .offsetDateTime(let e) = t["e"]?.value else { return XCTFail("e") }
        XCTAssertNil(e.offsetMinutes)
    }

    func testDayOfMonthAndTimeRanges() {
        for valid in ["2000-02-29", "2024-02-29", "2023-04-30", "2023-12-31", "0001-01-01", "9999-12-31T23:59:59.999Z"] {
            XCTAssertNoThrow(try TOMLDecoder.decode("d = \(valid)"), valid)
        }
        for invalid in ["1900-02-29", "2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-01T23:60:00",
                        "2023-01-01T23:00:60", "2023-01-01T00:00:00+24:00", "2023-01-01T00:00:00+01:60", "24:00:00", "2023-01-01T",
                        "2023-01-01T10:00", "10:00", "2023-1-01", "20230-01-01"] {
            XCTAssertThrowsError(try TOMLDecoder.decode("d = \(invalid)"), invalid)
        }
    }

    // MARK: tables

    func testTablesDottedKeysAndArraysOfTables() throws {
        let t = try TOMLDecoder.decode("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]
            smooth = true

            [[fruit.varieties]]
            name = "red delicious"
            [fruit.varieties.notes]
            crisp = true
            [[fruit.varieties]]
            name = "plantain"
            [fruit.varieties.notes]
            crisp = false
            """)
        XCTAssertEqual(t.node(at: ["fruit", "apple", "color"])?.string, "red")
        XCTAssertEqual(t.node(at: ["fruit", "apple", "texture", "smooth"])?.boolean, true)
        let varieties = try XCTUnwrap(t.node(at: ["fruit", "varieties"])?.array)
        XCTAssertEqual(varieties.count, 2)
        XCTAssertEqual(varieties[1].table?.node(at: ["notes", "crisp"])?.boolean, false)
        XCTAssertEqual(t["fruit"]?.table?.keys, ["apple", "varieties"])
    }

    func testRedefinitionsAreRejected() {
        let documents = [
            "a = 1\na = 2", "[a]\n[a]", "[a]\nb = 1\n[a.b]", "a.b = 1\n[a]", "a.b = 1\n[a.b]", "[a.b.c]\n[a]\nb.c.d = 1",
            "a = {}\n[a]", "a = {b = 1}\na.c = 1", "a = [1]\n[[a]]", "[[a]]\n[a]", "[a]\n[[a]]", "[[a.b]]\n[a]\nb.c = 1",
            "a = {b = {c = 1}, b.d = 2}", "a = {b = 1, b = 2}", "[a]\nb.c = 1\n[a]\n", "\"a\" = 1\na = 2", "a = 1\n'a' = 2",
            "[t1]\nt2.t3.v = 0\n[t1.t2]", "[x]\ny.z = 1\n[x.y.z]",
        ]
        for document in documents {
            XCTAssertThrowsError(try TOMLDecoder.decode(document), document)
        }
        let allowed = ["[a.b]\n[a]", "[a]\n[a.b]", "a.b = 1\n[a.c]", "[a]\nb.c = 1\nb.d = 2", "[[a]]\n[a.b]\n[[a]]\n[a.b]",
                       "a = {b.c = 1, b.d = 2}", "[a.b.c]\n[a]\nb.x = 1"]
        for document in allowed {
            XCTAssertNoThrow(try TOMLDecoder.decode(document), document)
        }
    }

    func testWholeDocumentRules() {
        for valid in ["", "\n", "# only a comment", "a = 1 # c", "a = 1\r\n", "\t a\t=\t1\t", "[ a . b ]\nc = 1", "[[ a ]]",
                      "a = [\n1, # one\n2,\n]", "a = []", "a = {}", "a = [[], [1], ['x', 2.0]]", "1 = 1\n-_ = 2"] {
            XCTAssertNoThrow(try TOMLDecoder.decode(valid), valid.debugDescription)
        }
        for invalid in ["a", "a =", "a = 1 b = 2", "[a", "[[a]", "[ [a] ]", "[a]]", "a = {\n}", "a = {b = 1,}", "a = [1 2]",
                        "a = [,]", "a = [1,,]", "\"\"\"a\"\"\" = 1", "a.b. = 1", ".a = 1", "a = 1\r", "a = \u{0}", "a\u{7F} = 1"] {
            XCTAssertThrowsError(try TOMLDecoder.decode(invalid), invalid.debugDescription)
        }
    }

    // MARK: entry points

    func testStringBytesAndBufferEntryPointsAgree() throws {
        let text = "name = \"Jo Ò\"\n[t]\nx = [1, 2]\n"
        let fromString = try TOMLDecoder.decode(text)
        let fromBytes = try TOMLDecoder.decode(bytes: Array(text.utf8))
        let fromBuffer = try Array(text.utf8).withUnsafeBytes { buffer throws(TOMLError) in try TOMLDecoder.decode(bytes: buffer) }
        for table in [fromBytes, fromBuffer] {
            XCTAssertEqual(TOMLTaggedJSON.encode(table), TOMLTaggedJSON.encode(fromString))
            XCTAssertEqual(table[member: "t"]?.node.range, fromString[member: "t"]?.node.range)
        }
    }

    func testInvalidUTF8IsRejected() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
            XCTAssertThrowsError(try TOMLDecoder.decode(bytes: Array("# ".utf8) + bad), "\(bad)")
            XCTAssertThrowsError(try TOMLDecoder.decode(bytes: Array("s = '".utf8) + bad + [0x27]), "\(bad)")
        }
    }

    // MARK: limits

    func testNestingDepthIsCapped() throws {
        let deepest = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        XCTAssertNoThrow(try TOMLDecoder.decode("a = " + deepest))
        let arrays = "a = " + String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        XCTAssertThrowsError(try TOMLDecoder.decode(arrays)) { error in
            XCTAssertEqual((error as! TOMLError).position.column, 133)
            XCTAssertEqual((error as! TOMLError).message, "arrays and tables are nested too deeply: at most 128 levels are allowed")
        }
        let inline = "a = " + String(repeating: "{b = ", count: 200) + "1" + String(repeating: "}", count: 200)
        XCTAssertThrowsError(try TOMLDecoder.decode(inline))
        let header = "[" + Array(repeating: "k", count: 129).joined(separator: ".") + "]"
        XCTAssertThrowsError(try TOMLDecoder.decode(header)) { error in
            XCTAssertEqual((error as! TOMLError).message, "tables are nested too deeply: at most 128 levels are allowed")
        }
        let dotted = Array(repeating: "k", count: 100_000).joined(separator: ".") + " = 1"
        XCTAssertThrowsError(try TOMLDecoder.decode(dotted))
        let mixed = "[" + Array(repeating: "k", count: 100).joined(separator: ".") + "]\nv = " + String(repeating: "[", count: 40)
        XCTAssertThrowsError(try TOMLDecoder.decode(mixed))
    }

    /// Inputs that would take minutes if any step were quadratic; each must decode in seconds
    /// even in a debug build.
    func testLargeInputsDecodeInLinearTime() throws {
        let count = 100_000
        let cases: [(String, String)] = [
            ("long single-line array", "a = [" + Array(repeating: "12345", count: count).joined(separator: ",") + "]"),
            ("long single-line inline table",
             "a = {" + (0..<count).map { "k\($0) = \"v\"" }.joined(separator: ", ") + "}"),
            ("many keys", (0..<count).map { "key\($0) = \($0)" }.joined(separator: "\n")),
            ("many array-of-tables entries", String(repeating: "[[entry]]\nx = 1\n", count: count / 2)),
            ("many tables", (0..<count / 2).map { "[t\($0)]\nx = 1" }.joined(separator: "\n")),
            ("long string", "s = \"" + String(repeating: "é", count: count * 10) + "\""),
            ("long escaped string", "s = \"" + String(repeating: "\\t", count: count * 5) + "\""),
            ("long comment", "# " + String(repeating: "x", count: count * 10) + "\na = 1"),
        ]
        for (name, text) in cases {
            let start = Date()
            XCTAssertNoThrow(try TOMLDecoder.decode(text), name)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertLessThan(seconds, 10, "\(name) took \(seconds) s")
        }
    }
}
