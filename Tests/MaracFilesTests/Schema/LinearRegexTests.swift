import Foundation
import XCTest
@testable import MaracSchema

/// The linear-time matcher agrees with NSRegularExpression (ICU) on the patterns schemas use,
/// never does more work than the text's length times the pattern's size, and refuses what
/// needs backtracking with the reason.
final class LinearRegexTests: XCTestCase {
    static let patterns = [
        "^[0-9]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9]{3,}$", "^[0-2][0-9]:[0-5][0-9](:[0-6][0-9](\\.[0-9]+)?)?$",
        "^local_", "^[a-z0-9][a-z0-9-]*$", "a+b*c?", "(ab|cd)+e", "^(?:x|yz){2,3}$", "[^abc]", "\\d\\w\\s",
        "colou?r", "^\\S+@\\S+\\.\\S+$", "a.c", "^$", "x{0}y", "[\\d-]+", "[a-]", "^[\\w.]+$", "(a|ab)(c|bcd)(d*)",
        "\\.", "[.]", "a|", "()", "^\\/path\\/", "[\\]]", "b{2,}",
        // Nested and overlapping repetitions: exponential for a backtracking engine.
        "^(a|aa)+$", "^(a+)+$", "(x*)*", "^(a*)*b$", "(a|a)*c", "a+?b", "^(?<year>\\d{4})-", "\\bword\\b", "a\\Bb",
        "\\u0041", "[\\x41-\\x43]+", "^\\p{L}+$", "\\P{Nd}", "^a{2,4}?$",
    ]
    static let samples = [
        "", "a", "ab", "abc", "abcd", "2026-EXMP-001", "2026-exmp-001", "2026-EXIL-001", "09:58:00", "9:58", "24:00:00.5",
        "local_note", "note_local", "north", "North", "-north", "aab", "aaab", "acdabe", "ababe", "xyzx", "xx", "yzyzyz",
        "d", "1a ", "color", "colour", "colouur", "me@x.org", "me@x", "a\nc", "axc", "y", "1-2", "a-", "b", "user.name",
        "abcd", "aaaaaaaaaaaaaaaaaaaaaaaa!", ".", "/path/x", "]", "bb", "bbb", "Llŷr", "😀", "a😀c", "aaaa", "aaaaab",
        "a word here", "swordfish", "A", "BCA", "2026-", "aaaac", "aaaaa",
    ]

    func testAgreesWithNSRegularExpression() throws {
        var compared = 0
        for pattern in Self.patterns {
            let linear = try LinearRegex(pattern)
            let icu = try NSRegularExpression(pattern: Self.icuPattern(pattern))
            for sample in Self.samples {
                let expected = icu.firstMatch(in: sample, range: NSRange(location: 0, length: sample.utf16.count)) != nil
                XCTAssertEqual(linear.matches(sample), expected, "pattern \(pattern) on \(sample.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 2000)
    }

    /// The pattern against 40 a's and a b took over 30 s with backtracking; here the
    /// work is bounded by (length + 1) x program size, also for far longer texts.
    func testPathologicalPatternsDoLinearWork() throws {
        for pattern in ["^(a|aa)+$", "^(a+)+$", "(a*)*b", "^(a|a?)+$", "(.*a){12}", "^(\\w+\\s?)*$"] {
            let regex = try LinearRegex(pattern)
            for length in [40, 5000] {
                let text = String(repeating: "a", count: length) + "!"
                let run = regex.steps(text)
                XCTAssertLessThanOrEqual(run.steps, run.bound, "\(pattern) on \(length) a's")
            }
        }
        XCTAssertFalse(try LinearRegex("^(a|aa)+$").matches(String(repeating: "a", count: 40) + "b"))
        XCTAssertTrue(try LinearRegex("^(a|aa)+$").matches(String(repeating: "a", count: 41)))
    }

    func testRefusesWhatNeedsBacktrackingWithTheReason() {
        let refused: [(String, String)] = [
            ("(?=a)b", "look-ahead"), ("(?<!a)b", "look-behind"), ("(a)\\1", "back-reference"), ("(?<n>a)\\k<n>", "back-reference"),
            ("(a", "'(' without its ')'"), ("a)", "')' without its '('"), ("a{,2}", "repetition count"), ("[z-a]", "wrong order"),
            ("*a", "nothing to repeat"), ("a{2000}", "above 1000"), ("\\p{Klingon}", "Unicode property"), ("(a{1000}){1000}", "too large"),
        ]
        for (pattern, reason) in refused {
            XCTAssertThrowsError(try LinearRegex(pattern), pattern) { error in
                let message = (error as? LinearRegex.Failure)?.message ?? ""
                XCTAssertTrue(message.contains(reason), "\(pattern): \(message)")
            }
        }
    }

    /// The ICU spelling of an ECMA-262 pattern (`\d`, `\w` ASCII only; `\s` with U+000B, U+FEFF).
    static func icuPattern(_ ecma: String) -> String {
        var out = ""
        var inClass = false
        var scalars = ecma.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                guard let escaped = scalars.next() else { out += "\\"; break }
                switch escaped {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += "[^0-9]"
                case "w": out += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": out += "[^A-Za-z0-9_]"
                case "s": out += inClass ? "\\s\\u000B\\uFEFF" : "[\\s\\u000B\\uFEFF]"
                case "S": out += "[^\\s\\u000B\\uFEFF]"
                default:
                    out += "\\"
                    out.unicodeScalars.append(escaped)
                }
                continue
            }
            if scalar == "[", !inClass { inClass = true } else if scalar == "]", inClass { inClass = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
