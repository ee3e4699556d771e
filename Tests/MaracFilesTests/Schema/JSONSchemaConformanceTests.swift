import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracSchema

/// Runs the official JSON Schema test suite (draft 2020-12, top level) for the keywords
/// `JSONSchema` supports.
final class JSONSchemaConformanceTests: XCTestCase {
    /// Suite files not run, and why.
    static let unsupportedFiles: [String: String] = [
        "vocabulary.json": "$vocabulary (custom meta-schemas)",
    ]

    /// Test groups not run inside files that are run, by file and description, and why.
    static let excludedGroups: [String: String] = [
        "ref.json/remote ref, containing refs itself": "needs the draft 2020-12 meta-schema documents, which are not bundled",
        "defs.json/validate definition against metaschema": "needs the draft 2020-12 meta-schema documents, which are not bundled",
    ]

    func testDraft2020_12() throws {
        let suite = try Conformance.suite("json-schema-test-suite")
        let folder = suite.appendingPathComponent("tests/draft2020-12")
        let registry = try Self.remotes(suite.appendingPathComponent("remotes"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()

        var tally = Tally()
        for file in files where Self.unsupportedFiles[file] == nil {
            // The suite's format.json checks the specification's default: format as an annotation only.
            let options = SchemaOptions(formatAssertion: file != "format.json")
            try run(folder.appendingPathComponent(file), registry: registry, options: options, into: &tally)
        }
        print("json-schema-test-suite: \(tally.passed)/\(tally.total)")
        let notRun = Self.unsupportedFiles.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        print("json-schema-test-suite not run: files " + notRun.joined(separator: ", ")
              + "; groups " + tally.excluded.joined(separator: ", "))
        XCTAssertEqual(tally.passed, tally.total)
        XCTAssertGreaterThan(tally.total, 900)
    }

    /// The suite's optional tests that records depend on: the formats checked as assertions,
    /// ECMA-262 regular expressions, big numbers. (The other optional files test keywords from
    /// older drafts and unknown keywords, which `JSONSchema` rejects.)
    func testOptionalFormatsRegexesAndNumbers() throws {
        let suite = try Conformance.suite("json-schema-test-suite")
        let folder = suite.appendingPathComponent("tests/draft2020-12/optional")
        let files = SchemaFormatNames.asserted.map { "format/\($0).json" }
            + ["ecmascript-regex.json", "non-bmp-regex.json", "bignum.json", "float-overflow.json"]
        var tally = Tally()
        for file in files {
            try run(folder.appendingPathComponent(file), registry: SchemaRegistry(), options: SchemaOptions(), into: &tally)
        }
        print("json-schema-test-suite optional (\(files.joined(separator: ", "))): \(tally.passed)/\(tally.total)")
        XCTAssertEqual(tally.passed, tally.total)
    }

    struct Tally {
        var passed = 0
        var total = 0
        var excluded: [String] = []
    }

    func run(_ url: URL, registry: SchemaRegistry, options: SchemaOptions, into tally: inout Tally) throws {
        let file = url.lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        guard case .array(let groups) = try JSONParser.parse(text) else { return XCTFail("\(file): not an array") }
        for group in groups {
            guard case .string(let description)? = group["description"], let schemaValue = group["schema"],
                  case .array(let tests)? = group["tests"] else { return XCTFail("\(file): malformed group") }
            if let reason = Self.excludedGroups["\(file)/\(description)"] {
                tally.excluded.append("\(file) \"\(description)\" (\(reason))")
                continue
            }
            let schema: JSONSchema?
            do {
                schema = try JSONSchema(compiling: schemaValue, registry: registry, options: options)
            } catch {
                XCTFail("\(file) \"\(description)\": schema rejected: \(error)")
                schema = nil
            }
            for test in tests {
                tally.total += 1
                guard let schema, case .bool(let expected)? = test["valid"], let data = test["data"] else { continue }
                let violations = schema.validate(data)
                if schema.isValid(data) == expected, violations.isEmpty == expected {
                    tally.passed += 1
                } else {
                    let name = test["description"].map { JSONWriter.write($0) } ?? "?"
                    XCTFail("\(file) \"\(description)\" \(name): expected \(expected ? "valid" : "invalid"); \(violations)")
                }
            }
        }
    }

    /// The suite's remote schemas, registered under the `http://localhost:1234/` URIs the tests use.
    static func remotes(_ folder: URL) throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json") { paths.append(path) }
        }
        for path in paths.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            try registry.register(try JSONParser.parse(text), uri: "http://localhost:1234/" + path)
        }
        return registry
    }
}

enum SchemaFormatNames {
    static let asserted = ["date", "date-time", "time", "uuid", "ipv4"]
}
