import Foundation
import XCTest
@testable import MaracSchema

/// The fast matcher agrees with NSRegularExpression (ICU) on every pattern it reads.
final class SimpleRegexTests: XCTestCase {
    static let patterns = [
        "^[0-9]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9]{3,}$", "^[0-2][0-9]:[0-5][0-9](:[0-6][0-9](\\.[0-9]+)?)?$",
        "^local_", "^[a-z0-9][a-z0-9-]*$", "a+b*c?", "(ab|cd)+e", "^(?:x|yz){2,3}$", "[^abc]", "\\d\\w\\s",
        "colou?r", "^\\S+@\\S+\\.\\S+$", "a.c", "^$", "x{0}y", "[\\d-]+", "[a-]", "^[\\w.]+$", "(a|ab)(c|bcd)(d*)",
        "\\.", "[.]", "a|", "()", "^\\/path\\/", "[\\]]", "b{2,}",
    ]
    static let samples = [
        "", "a", "ab", "abc", "abcd", "2026-EXMP-001", "2026-exmp-001", "2026-EXIL-001", "09:58:00", "9:58", "24:00:00.5",
        "local_note", "note_local", "north", "North", "-north", "aab", "aaab", "acdabe", "ababe", "xyzx", "xx", "yzyzyz",
        "d", "1a ", "color", "colour", "colouur", "me@x.org", "me@x", "a\nc", "axc", "y", "1-2", "a-", "b", "user.name",
        "abcd", "aaaaaaaaaaaaaaaaaaaaaaaa!", ".", "/path/x", "]", "bb", "bbb", "Llŷr", "😀", "a😀c",
    ]

    func testAgreesWithNSRegularExpression() throws {
        var compared = 0
        for pattern in Self.patterns {
            guard let simple = SimpleRegex(pattern) else {
                XCTFail("the fast matcher should read \(pattern)")
                continue
            }
            let icu = try NSRegularExpression(pattern: SchemaPattern.icuPattern(pattern))
            for sample in Self.samples {
                let expected = icu.firstMatch(in: sample, range: NSRange(location: 0, length: sample.utf16.count)) != nil
                XCTAssertEqual(simple.matches(sample), expected, "pattern \(pattern) on \(sample.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }

    func testLeavesWhatItCannotReadToTheFullEngine() {
        for pattern in ["(?=a)b", "\\bword", "(a)\\1", "a+?", "\\p{L}", "\\u0041", "a{,2}", "[z-a]", "(a", "a)", "^(a+)+$", "(x*)*"] {
            XCTAssertNil(SimpleRegex(pattern), pattern)
        }
        XCTAssertTrue(SchemaPattern("(?=a)a")!.matches("a"))
    }
}
