import Foundation
import XCTest
@testable import MaracTOML

final class TOMLEncoderTests: XCTestCase {
    /// Every valid toml-test file, decoded, encoded and decoded again, gives the same values.
    func testEncodingEveryValidSuiteFileRoundTrips() throws {
        let suite = try TOMLTestSuite.listing()
        var failures: [String] = []
        for file in suite.valid {
            let bytes = try [UInt8](Data(contentsOf: suite.root.appendingPathComponent(file)))
            let original = try TOMLDecoder.decode(bytes: bytes)
            let encoded = TOMLEncoder.encode(original)
            do {
                let again = try TOMLDecoder.decode(encoded)
                if let difference = TaggedJSONComparison.difference(
                    expected: TaggedJSONComparison.tree(original), actual: TaggedJSONComparison.tree(again))
                {
                    failures.append("\(file): \(difference)")
                }
            } catch {
                failures.append("\(file): the encoded text does not decode: \(error)\n\(encoded)")
            }
        }
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }

    /// Tables, inline or not, are written as sections; a table of only tables gets no header.
    func testCanonicalLayout() throws {
        let source = """
            marac = "north"
            [victim]
            name = "A \\"B\\""
            notes = "line one\\nline two"
            [[referral]]
            received = 2026-10-30
            criteria = ["repeat", "dvds"]
            [[referral]]
            received = 2026-11-02
            [flag.inner]
            x = { a = 1, "b c" = 2.5 }
            """
        let encoded = TOMLEncoder.encode(try TOMLDecoder.decode(source))
        XCTAssertEqual(encoded, """
            marac = "north"

            [victim]
            name = "A \\"B\\""
            notes = \"\"\"
            line one
            line two\"\"\"

            [[referral]]
            received = 2026-10-30
            criteria = ["repeat", "dvds"]

            [[referral]]
            received = 2026-11-02

            [flag.inner.x]
            a = 1
            "b c" = 2.5

            """)
    }
}
