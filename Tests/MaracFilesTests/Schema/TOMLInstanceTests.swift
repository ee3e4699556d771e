import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracSchema
@testable import MaracTOML

/// Schemas check a decoded TOML tree in place; these tests hold that to the same answers as
/// checking the tree's JSON copy (`jsonInstance`), violation for violation.
final class TOMLInstanceTests: XCTestCase {
    /// Every instance of the JSON Schema test suite that TOML can hold (an object with no
    /// nulls), checked both ways against its schema.
    func testConformanceSuiteInstancesGiveTheSameViolationsReadInPlace() throws {
        let suite = try Conformance.suite("json-schema-test-suite")
        let folder = suite.appendingPathComponent("tests/draft2020-12")
        let registry = try JSONSchemaConformanceTests.remotes(suite.appendingPathComponent("remotes"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var compared = 0
        var invalid = 0
        for file in files where JSONSchemaConformanceTests.unsupportedFiles[file] == nil {
            let options = SchemaOptions(formatAssertion: file != "format.json")
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard case .array(let groups) = try JSONParser.parse(text) else { return XCTFail("\(file): not an array") }
            for group in groups {
                guard let schemaValue = group["schema"], case .array(let tests)? = group["tests"],
                      let schema = try? JSONSchema(compiling: schemaValue, registry: registry, options: options) else { continue }
                for test in tests {
                    guard let data = test["data"], let table = Self.table(data) else { continue }
                    let expected = schema.validate(data)
                    XCTAssertEqual(schema.validate(table), expected, "\(file): \(JSONWriter.write(data))")
                    XCTAssertEqual(schema.isValid(table), expected.isEmpty, "\(file): \(JSONWriter.write(data))")
                    compared += 1
                    if !expected.isEmpty { invalid += 1 }
                }
            }
        }
        XCTAssertGreaterThan(compared, 300)
        XCTAssertGreaterThan(invalid, 100)
    }

    /// Dates and times are strings to schemas, in their RFC 3339 form: `format`, `pattern`,
    /// lengths, `enum`, `const` and `uniqueItems` see that text.
    func testDatesAndTimesAreCheckedAsTheirText() throws {
        let schema = try JSONSchema(compiling: try JSONParser.parse("""
            {"type": "object", "additionalProperties": false, "properties": {
              "day": {"type": "string", "format": "date"},
              "moment": {"type": "string", "format": "date-time"},
              "clock": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9](:[0-6][0-9](\\\\.[0-9]+)?)?$"},
              "short": {"type": "string", "maxLength": 8},
              "fixed": {"const": "2026-11-19"},
              "choice": {"enum": ["09:30:00", "2026-01-01", 3]},
              "days": {"type": "array", "uniqueItems": true, "items": {"type": "string"}},
              "number": {"type": "integer"},
              "nested": {"type": "object", "properties": {"at": {"type": "string", "format": "time"}}}
            }}
            """))
        let documents = [
            "day = 2026-11-19\nmoment = 2026-11-19T10:00:00Z\nclock = 09:55:00\nshort = 09:55:00\nfixed = 2026-11-19",
            "day = 2026-11-19T10:00:00\nmoment = 2026-11-19T10:00:00\nclock = 09:55:00.25\nshort = 2026-11-19",
            "day = 10:00:00\nmoment = 2026-11-19\nclock = 1979-05-27T07:32:00-08:00\nfixed = 2026-11-20",
            "choice = 09:30:00\ndays = [2026-01-01, 2026-01-02, 2026-01-01]\nnumber = 2026-01-01",
            "choice = 2026-01-01\ndays = [2026-01-01, \"2026-01-01\"]\n[nested]\nat = 10:00:00",
            "choice = 3\ndays = [1, 2]\nday = \"2026-02-30\"\nshort = \"Zoë Ångström\"\n[nested]\nat = \"10:00:00Z\"",
            "choice = \"09:30:00\"\nextra = 1979-05-27\n[[days]]\na = 1",
        ]
        for text in documents {
            let table = try TOMLDecoder.decode(text)
            XCTAssertEqual(schema.validate(table), schema.validate(table.jsonInstance), text)
            XCTAssertEqual(schema.isValid(table), schema.isValid(table.jsonInstance), text)
        }
        XCTAssertTrue(schema.isValid(try TOMLDecoder.decode(documents[0])))
        XCTAssertEqual(schema.validate(try TOMLDecoder.decode(documents[2])).map(\.keyword), ["format", "format", "pattern", "const"])
    }

    /// The TOML table holding a JSON object, or nil when TOML cannot hold it (null, or not an object).
    static func table(_ value: JSONValue) -> TOMLTable? {
        guard case .object(let members) = value else { return nil }
        var table = TOMLTable()
        for (key, member) in members {
            guard table[key] == nil, let node = node(member) else { return nil }
            table[member: key] = TOMLTable.Member(key: key, keyRange: .none, node: node)
        }
        return table
    }

    static func node(_ value: JSONValue) -> TOMLNode? {
        let converted: TOMLValue
        switch value {
        case .null: return nil
        case .bool(let b): converted = .boolean(b)
        case .integer(let i): converted = .integer(i)
        case .number(let d): converted = .float(d)
        case .string(let s): converted = .string(s)
        case .array(let items):
            var nodes: [TOMLNode] = []
            for item in items {
                guard let node = node(item) else { return nil }
                nodes.append(node)
            }
            converted = .array(nodes)
        case .object:
            guard let inner = table(value) else { return nil }
            converted = .table(inner)
        }
        return TOMLNode(converted, range: .none)
    }
}
