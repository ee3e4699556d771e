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

    func testAutomatonAgreesWithNSRegularExpression() throws {
        var compared = 0
        for pattern in Self.patterns {
            guard let automaton = SimpleRegex(pattern).flatMap({ RegexAutomaton($0.root) }) else {
                XCTFail("the automaton should read \(pattern)")
                continue
            }
            let icu = try NSRegularExpression(pattern: SchemaPattern.icuPattern(pattern))
            for sample in Self.samples {
                let expected = icu.firstMatch(in: sample, range: NSRange(location: 0, length: sample.utf16.count)) != nil
                XCTAssertEqual(automaton.matches(sample), expected, "pattern \(pattern) on \(sample.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }

    /// Thousands of generated patterns (groups, alternations, classes, every quantifier,
    /// anchors) on generated texts: the automaton agrees with the backtracking matcher, and
    /// both with ICU.
    func testAutomatonAgreesOnGeneratedPatterns() throws {
        var random = SplitMix(seed: 16)
        var compared = 0
        var automata = 0
        for _ in 0..<3000 {
            let pattern = Self.randomPattern(&random)
            guard let simple = SimpleRegex(pattern) else { continue }
            let icu = try NSRegularExpression(pattern: SchemaPattern.icuPattern(pattern))
            guard let automaton = RegexAutomaton(simple.root) else { continue }
            automata += 1
            for _ in 0..<12 {
                let text = Self.randomText(&random)
                let expected = simple.matches(text)
                XCTAssertEqual(automaton.matches(text), expected, "automaton: pattern \(pattern) on \(text.debugDescription)")
                // ICU's $ also matches before a final line break, which ECMA-262's does not.
                if !text.hasSuffix("\n") {
                    let icuMatches = icu.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                    XCTAssertEqual(icuMatches, expected, "backtracking: pattern \(pattern) on \(text.debugDescription)")
                }
                compared += 1
            }
        }
        XCTAssertGreaterThan(automata, 1500)
        XCTAssertGreaterThan(compared, 20000)
    }

    func testAutomatonLeavesLongAndInnerAnchoredPatternsToTheBacktracker() {
        XCTAssertNil(SimpleRegex("^[0-9]{65}$").flatMap { RegexAutomaton($0.root) })
        XCTAssertNotNil(SimpleRegex("^[0-9]{64}$").flatMap { RegexAutomaton($0.root) })
        XCTAssertNil(SimpleRegex("a|^b").flatMap { RegexAutomaton($0.root) })
        XCTAssertNil(SimpleRegex("(a$)b").flatMap { RegexAutomaton($0.root) })
        XCTAssertTrue(SchemaPattern("^[0-9]{65}$")!.matches(String(repeating: "7", count: 65)))
        XCTAssertFalse(SchemaPattern("a|^b")!.matches("cb"))
    }

    static func randomPattern(_ random: inout SplitMix, depth: Int = 0) -> String {
        var out = depth == 0 && random.next(4) == 0 ? "^" : ""
        for _ in 0..<(1 + random.next(3)) {
            var atom: String
            switch random.next(depth < 2 ? 9 : 7) {
            case 0: atom = "a"
            case 1: atom = "b"
            case 2: atom = "."
            case 3: atom = ["[ab]", "[^a]", "[a-c-]", "\\d", "\\s", "\\W", "😀"][random.next(7)]
            case 4: atom = "-"
            case 5: atom = "c"
            case 6: atom = "[b😀]"
            case 7: atom = "(" + randomPattern(&random, depth: depth + 1) + ")"
            default: atom = "(?:" + randomPattern(&random, depth: depth + 1) + "|" + randomPattern(&random, depth: depth + 1) + ")"
            }
            if random.next(2) == 0 {
                atom += ["*", "+", "?", "{2}", "{0,2}", "{1,}", "{3,5}", "{0}"][random.next(8)]
            }
            out += atom
        }
        if depth == 0, random.next(4) == 0 { out += "$" }
        if depth == 0, random.next(8) == 0 { out += "|" + randomPattern(&random, depth: 1) }
        return out
    }

    static func randomText(_ random: inout SplitMix) -> String {
        let alphabet = ["a", "b", "c", "-", "1", " ", "\n", "😀", "é"]
        return (0..<random.next(9)).map { _ in alphabet[random.next(alphabet.count)] }.joined()
    }

    func testLeavesWhatItCannotReadToTheFullEngine() {
        for pattern in ["(?=a)b", "\\bword", "(a)\\1", "a+?", "\\p{L}", "\\u0041", "a{,2}", "[z-a]", "(a", "a)", "^(a+)+$", "(x*)*"] {
            XCTAssertNil(SimpleRegex(pattern), pattern)
        }
        XCTAssertTrue(SchemaPattern("(?=a)a")!.matches("a"))
    }
}

/// A small deterministic random number generator (SplitMix64), so generated cases repeat.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
