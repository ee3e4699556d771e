import XCTest
@testable import toml_decode
@testable import MaracJSON
@testable import MaracTOML

final class TOMLTaggedJSONTests: XCTestCase {
    private func encoded(_ toml: String) throws -> String {
        JSONWriter.write(TOMLTaggedJSON.encode(try TOMLDecoder.decode(toml)))
    }

    func testScalarsAreTaggedWithTheirKind() throws {
        XCTAssertEqual(
            try encoded("s = 'x'\ni = -7\nb = true\nf = 1.5\n"),
            #"{"s":{"type":"string","value":"x"},"i":{"type":"integer","value":"-7"},"#
                + #""b":{"type":"bool","value":"true"},"f":{"type":"float","value":"1.5"}}"#)
    }

    func testSpecialFloats() throws {
        XCTAssertEqual(
            try encoded("a = inf\nb = -inf\nc = nan\n"),
            #"{"a":{"type":"float","value":"inf"},"b":{"type":"float","value":"-inf"},"c":{"type":"float","value":"nan"}}"#)
    }

    func testDateTimesKeepTheirKindAndMillisecondPrecision() throws {
        let json = try encoded("""
            a = 1987-07-05T17:45:56.6+08:00
            b = 1987-07-05t17:45:56z
            c = 1987-07-05 17:45:56.123456
            d = 1987-07-05
            e = 17:45:56.1
            f = 1987-07-05T17:45:56-00:30
            """)
        XCTAssertEqual(json, [
            #"{"a":{"type":"datetime","value":"1987-07-05T17:45:56.600+08:00"}"#,
            #""b":{"type":"datetime","value":"1987-07-05T17:45:56Z"}"#,
            #""c":{"type":"datetime-local","value":"1987-07-05T17:45:56.123456"}"#,
            #""d":{"type":"date-local","value":"1987-07-05"}"#,
            #""e":{"type":"time-local","value":"17:45:56.100"}"#,
            #""f":{"type":"datetime","value":"1987-07-05T17:45:56-00:30"}}"#,
        ].joined(separator: ","))
    }

    func testArraysOfTablesBecomeArraysOfObjects() throws {
        XCTAssertEqual(
            try encoded("[[a]]\nx = 1\n[[a]]\n"),
            #"{"a":[{"x":{"type":"integer","value":"1"}},{}]}"#)
    }

    func testComparisonNormalisesLikeTomlTest() {
        let tag = { (type: String, value: String) -> [String: Any] in ["type": type, "value": value] }
        XCTAssertNil(TaggedJSONComparison.difference(expected: tag("float", "1e2"), actual: tag("float", "100.0")))
        XCTAssertNil(TaggedJSONComparison.difference(expected: tag("float", "nan"), actual: tag("float", "-nan")))
        XCTAssertNotNil(TaggedJSONComparison.difference(expected: tag("float", "-0"), actual: tag("float", "0")))
        XCTAssertNil(TaggedJSONComparison.difference(
            expected: tag("datetime", "1987-07-05T17:45:56.600Z"), actual: tag("datetime", "1987-07-05T18:45:56.6+01:00")))
        XCTAssertNotNil(TaggedJSONComparison.difference(
            expected: tag("datetime-local", "1987-07-05T17:45:56"), actual: tag("datetime-local", "1987-07-05T17:45:57")))
        XCTAssertNotNil(TaggedJSONComparison.difference(expected: tag("integer", "1"), actual: tag("float", "1")))
        XCTAssertNotNil(TaggedJSONComparison.difference(expected: ["a": tag("bool", "true")], actual: [String: Any]()))
        XCTAssertNotNil(TaggedJSONComparison.difference(expected: [tag("bool", "true")], actual: [Any]()))
    }
}
