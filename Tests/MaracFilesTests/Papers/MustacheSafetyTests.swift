import XCTest
@testable import MaracJSON
@testable import MaracMustache
@testable import MaracRecords

/// Hostile or unusual record values render inert: never markup, never re-interpreted, and in
/// Markdown never breaking a table row.
final class MustacheSafetyTests: XCTestCase {
    static let values = [
        "<script>alert(1)</script>",
        "{{x}}",
        "{{{x}}} {{>p}} {{=<% %>=}} <%x%>",
        "\"quoted\" and 'single'",
        "Ffion Llŷr",
        "\u{202E}evil\u{202C} right-to-left",
        "👩‍👧 🏳️‍🌈 🇬🇧",
        "a | b || c",
        "back\\slash \\| and \\",
        "line one\nline two\r\nthree\rfour\u{2028}five",
        "# heading",
        "1. list",
        "- bullet",
        "*bold* _em_ `code` [link](http://x) ![img](y) <b>tag</b> &amp; ~~strike~~",
        "<img src=x onerror=alert(1)>",
        "",
    ]

    private func context(_ value: String) -> JSONValue {
        .object([("name", .string(value)), ("dob", .string(value)), ("x", .string("SECRET"))])
    }

    func testHTMLOutputIsInertAndFaithful() throws {
        let template = try MustacheTemplate(source: "{{name}}", name: "cell.html")
        for value in Self.values {
            let output = try template.render(context(value))
            for forbidden in ["<", ">", "\"", "'"] {
                XCTAssertFalse(output.contains(forbidden), "\(forbidden) in \(output)")
            }
            XCTAssertFalse(output.contains("SECRET"), output)
            XCTAssertEqual(Self.decodeHTML(output), value)
        }
    }

    func testHTMLAttributeCannotBeEscaped() throws {
        let template = try MustacheTemplate(source: "<td title=\"{{name}}\" data-x='{{dob}}'>{{name}}</td>", name: "row.html")
        let output = try template.render(context("\" onmouseover='alert(1)' x=\""))
        XCTAssertEqual(output.filter { $0 == "\"" }.count, 2)
        XCTAssertEqual(output.filter { $0 == "'" }.count, 2)
        XCTAssertEqual(output.filter { $0 == "<" }.count, 2)
    }

    func testValuesAreNeverReinterpreted() throws {
        let template = try MustacheTemplate(source: "{{name}}|{{{name}}}|{{&name}}", name: "t")
        for escaping in [MustacheEscaping.html, .markdown, .none] {
            let output = try template.render(context("{{x}}"), escaping: escaping)
            XCTAssertFalse(output.contains("SECRET"), output)
            XCTAssertTrue(output.hasSuffix("|{{x}}|{{x}}"), output)
        }
        let partial = try MustacheTemplate(source: "{{name}}", name: "p")
        let viaPartial = try MustacheTemplate(source: "{{>p}}", name: "t")
            .render(context("{{x}}{{>p}}"), partials: ["p": partial], escaping: .none)
        XCTAssertEqual(viaPartial, "{{x}}{{>p}}")
    }

    func testMarkdownTableRowKeepsItsCells() throws {
        let template = try MustacheTemplate(source: "| {{name}} | {{dob}} |", name: "row.md")
        for value in Self.values {
            let row = try template.render(context(value), escaping: .markdown)
            XCTAssertEqual(Self.unescapedPipes(row), 3, row)
            XCTAssertFalse(row.contains("\n") || row.contains("\r") || row.contains("\u{2028}"), row)
            XCTAssertFalse(row.contains("SECRET"), row)
            let lineBreaks = row.components(separatedBy: "<br>").count - 1
            XCTAssertEqual(Self.unescapedCount(of: ["<", ">", "*", "_", "`", "[", "]", "&"], in: row), 2 * lineBreaks,
                           "only <br> may carry unescaped markup: \(row)")
        }
    }

    func testMarkdownEscapesLineStarts() {
        XCTAssertEqual(MustacheEscaping.markdown.escape("# title"), "\\# title")
        XCTAssertEqual(MustacheEscaping.markdown.escape("  - item"), "  \\- item")
        XCTAssertEqual(MustacheEscaping.markdown.escape("12. item"), "12\\. item")
        XCTAssertEqual(MustacheEscaping.markdown.escape("3) item"), "3\\) item")
        XCTAssertEqual(MustacheEscaping.markdown.escape("a\n+ b"), "a<br>\\+ b")
        XCTAssertEqual(MustacheEscaping.markdown.escape("Case #12 - 3.5 days"), "Case #12 - 3.5 days")
        XCTAssertEqual(MustacheEscaping.markdown.escape("a\r\nb"), "a<br>b")
        XCTAssertEqual(MustacheEscaping.markdown.escape("x|y\\"), "x\\|y\\\\")
    }

    func testPlainTextLeavesValuesAlone() throws {
        let template = try MustacheTemplate(source: "{{name}}", name: "t.txt")
        for value in Self.values {
            XCTAssertEqual(try template.render(context(value), escaping: .none), value)
        }
    }

    // MARK: - Helpers

    /// Decodes the entities the HTML escaper writes; fails loudly on any other `&`.
    private static func decodeHTML(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
            guard let (entity, character) = entities.first(where: { rest.hasPrefix($0.key) }) else {
                XCTFail("bare & in \(text)")
                return text
            }
            out += character
            rest = rest.dropFirst(entity.count)
        }
        return out + rest
    }

    /// `|` characters not preceded by a backslash escape.
    private static func unescapedPipes(_ row: String) -> Int {
        unescapedCount(of: ["|"], in: row)
    }

    private static func unescapedCount(of characters: Set<Character>, in text: String) -> Int {
        var count = 0
        var escaped = false
        for character in text {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if characters.contains(character) { count += 1 }
        }
        return count
    }
}
