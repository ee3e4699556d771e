import XCTest
@testable import MaracJSON

final class JSONParserTests: XCTestCase {
    func testKeepsKeyOrderAndNumberKinds() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [1.0, -2, 3e2, 9223372036854775808, true, null], "c": "x\u00e9\n"}"#)
        guard case .object(let members) = value else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["b", "a", "c"])
        XCTAssertEqual(value["b"], .integer(1))
        XCTAssertEqual(value["a"], .array([.number(1), .integer(-2), .number(300), .number(9223372036854775808), .bool(true), .null]))
        XCTAssertEqual(value["c"], .string("xé\n"))
    }

    func testSurrogatePairs() throws {
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertThrowsError(try JSONParser.parse(#""\ud83d""#))
    }

    func testErrorsNameLineAndColumnWithoutQuotingText() {
        let cases: [(String, Int, Int)] = [
            ("{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8),
            ("[1, 2,]", 1, 7),
            ("{\"secret\": 1, \"secret\": 2}", 1, 15),
            ("\"Jane Doe", 1, 10),
            ("01", 1, 2),
            ("[1] x", 1, 5),
        ]
        for (text, line, column) in cases {
            XCTAssertThrowsError(try JSONParser.parse(text), text) { error in
                guard let error = error as? JSONParseError else { return XCTFail("wrong error type") }
                XCTAssertEqual(error.position.line, line, text)
                XCTAssertEqual(error.position.column, column, "\(text): \(error)")
                XCTAssertFalse(error.description.contains("Jane"))
                XCTAssertFalse(error.description.contains("secret"))
            }
        }
    }

    func testDepthCap() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        XCTAssertThrowsError(try JSONParser.parse(deep))
        XCTAssertNoThrow(try JSONParser.parse(deep, maxDepth: 1000))
    }

    func testRoundTripsThroughWriter() throws {
        let text = #"{"z":[1,2.5,{"k":"v"}],"a":null}"#
        XCTAssertEqual(JSONWriter.write(try JSONParser.parse(text)), text)
    }
}
