import Foundation
import XCTest
@testable import MaracSchema

/// The bit-parallel automaton gives `LinearRegex`'s answer on every pattern it runs.
final class RegexAutomatonTests: XCTestCase {
    func testAgreesWithLinearRegexOnSchemaPatterns() throws {
        var compared = 0
        for pattern in LinearRegexTests.patterns {
            guard let automaton = RegexAutomaton(pattern: pattern) else { continue }
            let linear = try LinearRegex(pattern)
            for sample in LinearRegexTests.samples {
                XCTAssertEqual(automaton.matches(sample), linear.matches(sample), "pattern \(pattern) on \(sample.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1500)
        for pattern in ["^[0-9]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9]{3,}$", "^local_", "^[a-z0-9][a-z0-9-]*$"] {
            XCTAssertNotNil(RegexAutomaton(pattern: pattern), pattern)
        }
    }

    /// Thousands of generated patterns (groups, alternations, classes, every quantifier, lazy
    /// ones too, anchors) on generated texts.
    func testAgreesWithLinearRegexOnGeneratedPatterns() throws {
        var random = SplitMix(seed: 16)
        var compared = 0
        var automata = 0
        for _ in 0..<3000 {
            let pattern = Self.randomPattern(&random)
            guard let linear = try? LinearRegex(pattern), let automaton = RegexAutomaton(pattern: pattern) else { continue }
            automata += 1
            for _ in 0..<12 {
                let text = Self.randomText(&random)
                XCTAssertEqual(automaton.matches(text), linear.matches(text), "pattern \(pattern) on \(text.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(automata, 1500)
        XCTAssertGreaterThan(compared, 20000)
    }

    func testLeavesLongAndInnerAnchoredPatternsToLinearRegex() throws {
        XCTAssertNil(RegexAutomaton(pattern: "^[0-9]{65}$"))
        XCTAssertNotNil(RegexAutomaton(pattern: "^[0-9]{64}$"))
        XCTAssertNil(RegexAutomaton(pattern: "a|^b"))
        XCTAssertNil(RegexAutomaton(pattern: "(a$)b"))
        XCTAssertNil(RegexAutomaton(pattern: "\\bword\\b"))
        XCTAssertTrue(try SchemaPattern("^[0-9]{65}$").matches(String(repeating: "7", count: 65)))
        XCTAssertFalse(try SchemaPattern("a|^b").matches("cb"))
    }

    static func randomPattern(_ random: inout SplitMix, depth: Int = 0) -> String {
        var out = depth == 0 && random.next(4) == 0 ? "^" : ""
        for _ in 0..<(1 + random.next(3)) {
            var atom: String
            switch random.next(depth < 2 ? 9 : 7) {
            case 0: atom = "a"
            case 1: atom = "b"
            case 2: atom = "."
            case 3: atom = ["[ab]", "[^a]", "[a-c-]", "\\d", "\\s", "\\W", "😀", "\\p{Lu}"][random.next(8)]
            case 4: atom = "-"
            case 5: atom = "c"
            case 6: atom = "[b😀]"
            case 7: atom = "(" + randomPattern(&random, depth: depth + 1) + ")"
            default: atom = "(?:" + randomPattern(&random, depth: depth + 1) + "|" + randomPattern(&random, depth: depth + 1) + ")"
            }
            if random.next(2) == 0 {
                atom += ["*", "+", "?", "{2}", "{0,2}", "{1,}", "{3,5}", "{0}", "*?", "{1,3}?"][random.next(10)]
            }
            out += atom
        }
        if depth == 0, random.next(4) == 0 { out += "$" }
        if depth == 0, random.next(8) == 0 { out += "|" + randomPattern(&random, depth: 1) }
        return out
    }

    static func randomText(_ random: inout SplitMix) -> String {
        let alphabet = ["a", "b", "c", "-", "1", " ", "\n", "😀", "é", "B"]
        return (0..<random.next(9)).map { _ in alphabet[random.next(alphabet.count)] }.joined()
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
