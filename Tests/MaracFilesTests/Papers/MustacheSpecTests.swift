import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracMustache

/// Runs every test of the core Mustache spec files (`specs/*.json` without a leading `~`).
final class MustacheSpecTests: XCTestCase {
    func testCoreSpec() throws {
        let specs = try Conformance.suite("mustache-spec").appendingPathComponent("specs")
        let files = try FileManager.default.contentsOfDirectory(atPath: specs.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("~") }
            .sorted()
        XCTAssertFalse(files.isEmpty, "no core spec files in \(specs.path)")

        var total = 0
        var failures: [String] = []
        for file in files {
            let text = try String(contentsOf: specs.appendingPathComponent(file), encoding: .utf8)
            guard case .array(let tests)? = try JSONParser.parse(text)["tests"] else {
                XCTFail("\(file): no tests array")
                continue
            }
            for test in tests {
                total += 1
                let label = "\(file) / \(test["name"].flatMap(Self.string) ?? "?")"
                if let problem = Self.run(test) { failures.append("\(label): \(problem)") }
            }
        }
        print("mustache-spec: \(total - failures.count)/\(total)")
        if !failures.isEmpty {
            XCTFail("mustache-spec failures:\n" + failures.joined(separator: "\n"))
        }
    }

    /// Runs one spec test; returns what went wrong, or nil when it passes.
    private static func run(_ test: JSONValue) -> String? {
        guard let source = test["template"].flatMap(string), let expected = test["expected"].flatMap(string) else {
            return "malformed test"
        }
        do {
            var sources: [String: String] = [:]
            if case .object(let members)? = test["partials"] {
                for member in members { sources[member.key] = string(member.value) ?? "" }
            }
            let partials = try MustachePartials(sources: sources)
            let template = try MustacheTemplate(source: source, name: "template")
            let output = try template.render(test["data"] ?? .null, partials: partials)
            return output == expected ? nil : "expected \(JSONWriter.quoted(expected)), got \(JSONWriter.quoted(output))"
        } catch {
            return "error \(error)"
        }
    }

    private static func string(_ value: JSONValue) -> String? {
        if case .string(let text) = value { text } else { nil }
    }
}
