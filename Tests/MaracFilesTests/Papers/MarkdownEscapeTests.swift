import XCTest
@testable import MaracMustache

/// `MarkdownEscaper.escape` returns text it can see needs no escape as it is, and escapes the
/// rest byte by byte: both must always give what escaping one Unicode scalar at a time gives.
final class MarkdownEscapeTests: XCTestCase {
    func testTheQuickWayGivesWhatTheCharacterByCharacterWayGives() {
        let pieces = [
            "a", "Z", " ", "1", "2026", "-", ".", ")", "#", "+", "=", ",", "'", ":", ";", "(", "/", "?", "!", "\"", "@",
            "%", "*", "_", "<", "|", "&", "\\", "\n", "\r\n", "\t", "é", "\u{2028}", "\u{2029}", "\u{85}", "\r", "\u{0B}", "😀", "Ann", "Smith", "-11-19",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(MarkdownEscaper.escape(text), Self.reference(text), text.debugDescription)
            XCTAssertEqual(MarkdownEscaper.escapeEach(text), Self.reference(text), text.debugDescription)
        }
        XCTAssertEqual(MarkdownEscaper.escape("Ann Smith (2026-11-19)"), "Ann Smith (2026-11-19)")
        XCTAssertEqual(MarkdownEscaper.escape("1. Ann"), "1\\. Ann")
        XCTAssertEqual(MarkdownEscaper.escape("- Ann"), "\\- Ann")
    }

    /// The escape as first written, one Unicode scalar at a time: the specification.
    static func reference(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var atLineStart = true   // only spaces or tabs so far on this line of the value
        var digitsAtLineStart = false  // a run of digits opened the line (an ordered-list number?)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                if scalar == "\n", previous == "\r" { continue }
                out += "<br>"
                atLineStart = true
                digitsAtLineStart = false
                continue
            }
            if "\\`*_[]<>|&~".unicodeScalars.contains(scalar) || (atLineStart && "#+-=".unicodeScalars.contains(scalar))
                || (digitsAtLineStart && (scalar == "." || scalar == ")")) {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
            if scalar == " " || scalar == "\t" {
                if digitsAtLineStart { digitsAtLineStart = false; atLineStart = false }
                continue
            }
            if ("0"..."9").contains(scalar), atLineStart || digitsAtLineStart {
                digitsAtLineStart = true
            } else {
                digitsAtLineStart = false
            }
            atLineStart = false
        }
        return out
    }
}
