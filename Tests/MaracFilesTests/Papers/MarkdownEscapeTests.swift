import XCTest
@testable import MaracMustache

/// `MarkdownEscaper.escape` returns text it can see needs no escape as it is, without looking
/// at each character: that must always be what the character-by-character escape gives.
final class MarkdownEscapeTests: XCTestCase {
    func testTheQuickWayGivesWhatTheCharacterByCharacterWayGives() {
        let pieces = [
            "a", "Z", " ", "1", "2026", "-", ".", ")", "#", "+", "=", ",", "'", ":", ";", "(", "/", "?", "!", "\"", "@",
            "%", "*", "_", "<", "|", "&", "\\", "\n", "\r\n", "\t", "é", "\u{2028}", "Ann", "Smith", "-11-19",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(MarkdownEscaper.escape(text), MarkdownEscaper.escapeEach(text), text.debugDescription)
        }
        XCTAssertEqual(MarkdownEscaper.escape("Ann Smith (2026-11-19)"), "Ann Smith (2026-11-19)")
        XCTAssertEqual(MarkdownEscaper.escape("1. Ann"), "1\\. Ann")
        XCTAssertEqual(MarkdownEscaper.escape("- Ann"), "\\- Ann")
    }
}
