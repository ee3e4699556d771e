import XCTest
@testable import MaracProtocol

final class IndexPhoneticTests: XCTestCase {
    func testSoundKeys() {
        let same: [(String, String)] = [
            ("catherine", "katherine"), ("katherine", "kathryn"), ("stephen", "steven"),
            ("okafor", "okafur"), ("hartley", "hartly"), ("brennan", "brenan"), ("macbride", "mcbride"),
            ("philips", "fillips"), ("knight", "night"), ("thompson", "tompson"), ("smith", "smyth"),
        ]
        for (a, b) in same {
            XCTAssertEqual(PersonMatching.phoneticKey(a), PersonMatching.phoneticKey(b), "\(a) / \(b)")
        }
        let different: [(String, String)] = [("hartley", "hussain"), ("okafor", "oyelaran"), ("brennan", "bennett")]
        for (a, b) in different {
            XCTAssertNotEqual(PersonMatching.phoneticKey(a), PersonMatching.phoneticKey(b), "\(a) / \(b)")
        }
        XCTAssertEqual(PersonMatching.phoneticKey("okafor"), "AKFR")
        XCTAssertEqual(PersonMatching.phoneticKeys("sarah jane okafor"), "SR JN AKFR")
    }

    func testOneSlip() {
        XCTAssertTrue(PersonMatching.withinOneSlip("okafor", "okafro"))   // neighbours swapped
        XCTAssertTrue(PersonMatching.withinOneSlip("hartley", "hartey"))  // one dropped
        XCTAssertTrue(PersonMatching.withinOneSlip("brennan", "brennen")) // one changed
        XCTAssertTrue(PersonMatching.withinOneSlip("lomas", "loomas"))    // one added
        XCTAssertFalse(PersonMatching.withinOneSlip("hartley", "hatrely"))
        XCTAssertFalse(PersonMatching.withinOneSlip("ann", "anne"))        // short words must be equal
    }

    func testASCIIFastPathAgreesWithFolding() {
        // The ASCII fast path of normalise must give what the Foundation path gives.
        for name in ["  Sarah-Jane  OKAFOR ", "O'Neil_Smith, J.", "Mc Bride\tRoxanne", "`Kaur-Sandhu`"] {
            let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            var text = ""
            for scalar in folded.unicodeScalars {
                switch scalar {
                case "-", "_", ",": text.unicodeScalars.append(" ")
                case "'", "`", ".": continue
                default: text.unicodeScalars.append(scalar)
                }
            }
            let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
            XCTAssertEqual(PersonMatching.normalise(name), expected, name)
        }
    }
}
