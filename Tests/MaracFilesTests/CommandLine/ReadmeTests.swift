import Foundation
import XCTest
@testable import MaracBase

/// What README.md promises about rules, checked against the code.
final class ReadmeTests: XCTestCase {
    func readme() throws -> String {
        try String(contentsOf: DemoRepository.root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The rows of the Markdown table under `heading`: the first cell of each, without backticks.
    func tableRules(under heading: String, in text: String) throws -> [String] {
        let start = try XCTUnwrap(text.range(of: heading)).upperBound
        var rules: [String] = []
        var inTable = false
        for line in text[start...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("|") else { if inTable { break } else { continue } }
            inTable = true
            let cell = line.split(separator: "|", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
            guard cell.hasPrefix("`") else { continue }
            rules.append(cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")))
        }
        return rules
    }

    func testTheLintTableListsEveryLintRuleAndNoOther() throws {
        let listed = try tableRules(under: "### Lint rules", in: readme())
        XCTAssertEqual(listed.sorted(), LintRule.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(listed.count, Set(listed).count, "a rule is listed twice")
        let text = try readme()
        for rule in LintRule.allCases {
            XCTAssertTrue(text.contains("| `\(rule.rawValue)` | \(rule.summary) |"), "README's row for \(rule.rawValue) differs from 'mfile lint --help'")
        }
    }

    /// README's architecture table names the targets of Package.swift, in the same order.
    func testTheArchitectureTableListsThePackageTargetsInOrder() throws {
        let package = try String(contentsOf: DemoRepository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = package.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #"^\s*\("(Marac\w+)", "(\w+)""#, options: .regularExpression) else { return nil }
            let parts = line[range].split(separator: "\"")
            return "\(parts[3])/ \(parts[1])"
        }
        let text = try readme()
        let start = try XCTUnwrap(text.range(of: "## Architecture")).upperBound
        let rows = text[start...].split(separator: "\n").prefix { !$0.hasPrefix("## ") }.compactMap { line -> String? in
            guard let range = line.range(of: #"^\| `(\w+)/` \(`(Marac\w+)`\)"#, options: .regularExpression) else { return nil }
            let cells = line[range].split(separator: "`")
            return "\(cells[1]) \(cells[3])"
        }
        XCTAssertGreaterThan(targets.count, 10)
        XCTAssertEqual(rows, targets)
    }
}
