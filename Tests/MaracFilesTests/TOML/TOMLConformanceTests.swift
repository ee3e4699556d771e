import Foundation
import XCTest
@testable import MaracTOML

/// The toml-test suite's TOML 1.0 files, decoded in process.
final class TOMLConformanceTests: XCTestCase {
    func testTOMLTest100() throws {
        let suite = try TOMLTestSuite.listing()
        var failures: [String] = []
        var validPassed = 0
        for file in suite.valid {
            let bytes = try [UInt8](Data(contentsOf: suite.root.appendingPathComponent(file)))
            do {
                let table = try TOMLDecoder.decode(bytes: bytes)
                let expected = try TOMLTestSuite.expectedJSON(for: file, in: suite.root)
                let actual = TaggedJSONComparison.tree(table)
                if let difference = TaggedJSONComparison.difference(expected: expected, actual: actual) {
                    failures.append("\(file): \(difference)")
                } else {
                    validPassed += 1
                }
            } catch {
                failures.append("\(file): rejected: \(error)")
            }
        }
        var invalidPassed = 0
        for file in suite.invalid {
            let bytes = try [UInt8](Data(contentsOf: suite.root.appendingPathComponent(file)))
            do {
                _ = try TOMLDecoder.decode(bytes: bytes)
                failures.append("\(file): accepted")
            } catch {
                invalidPassed += 1
            }
        }
        print("toml-test 1.0.0: valid \(validPassed)/\(suite.valid.count), invalid \(invalidPassed)/\(suite.invalid.count)")
        XCTAssertFalse(suite.valid.isEmpty || suite.invalid.isEmpty, "the toml-test 1.0.0 list is empty")
        XCTAssertTrue(failures.isEmpty, "toml-test failures:\n" + failures.joined(separator: "\n"))
    }
}
