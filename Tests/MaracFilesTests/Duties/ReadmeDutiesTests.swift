import Foundation
import XCTest
@testable import MaracBase
@testable import MaracProtocol

/// README's "Protocol duties" table against the engine: each rule is one `mfile rules` lists,
/// each profile's value is the profile's, and each finding it names is a lint rule or a finding
/// DEMO.md shows (`DemoDutiesTests`).
final class ReadmeDutiesTests: XCTestCase {
    func testTheProtocolDutiesTableIsTheEngines() throws {
        let readme = try String(contentsOf: DemoRepository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "### Protocol duties")).upperBound
        let rows = readme[start...].split(separator: "\n").drop { !$0.hasPrefix("| `") }.prefix { $0.hasPrefix("|") }
        XCTAssertGreaterThan(rows.count, 20)
        let demoFindings = Set(DemoDutiesTests.rows.map(\.finding))
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let id = try XCTUnwrap(RuleID(rawValue: key), key)
            XCTAssertTrue(id.isChecked, key)
            for (column, profile) in [(2, ProtocolRules.westMidlands), (3, .gwent), (4, .liverpool)] {
                XCTAssertEqual(cells[column], profile[id].text(for: id), "\(key) in \(profile.profile)")
            }
            // Every finding named in backticks exists.
            for finding in cells[6].split(separator: "`").enumerated().filter({ $0.offset % 2 == 1 }).map({ String($0.element) })
            where finding.contains("-") && !finding.contains(" ") && !finding.hasPrefix("sweep") {
                XCTAssertTrue(LintRule(rawValue: finding) != nil || demoFindings.contains(finding), "\(key): \(finding) is neither a lint rule nor a DEMO.md finding")
            }
        }
    }
}
