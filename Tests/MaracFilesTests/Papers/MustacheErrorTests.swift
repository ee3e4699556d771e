import XCTest
@testable import MaracJSON
@testable import MaracMustache

/// Template mistakes are reported with template name, line, column and what was expected.
final class MustacheErrorTests: XCTestCase {
    private func parseError(_ source: String, name: String = "agenda.html") -> MustacheError? {
        do {
            _ = try MustacheTemplate(source: source, name: name)
            return nil
        } catch {
            return error
        }
    }

    func testUnclosedSectionNamesWhereItOpened() throws {
        let error = try XCTUnwrap(parseError("<h1>Agenda</h1>\n<ul>\n    {{#cases}}\n<li>{{name}}</li>\n</ul>\n"))
        XCTAssertEqual(error.kind, .unclosedSection)
        XCTAssertEqual(error.templateName, "agenda.html")
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 5)
        XCTAssertTrue(error.message.contains("section 'cases' opened at 3:5 is never closed"), error.message)
        XCTAssertTrue(error.description.hasPrefix("agenda.html:3:5: "), error.description)
    }

    func testInnermostUnclosedSectionIsReported() throws {
        let error = try XCTUnwrap(parseError("{{#a}}\n{{^b}}\n{{/a}}"))
        XCTAssertEqual(error.kind, .mismatchedClose)
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 1)
        XCTAssertTrue(error.message.contains("'b' opened at 2:1"), error.message)
        XCTAssertTrue(error.message.contains("expected '/b'"), error.message)
    }

    func testMismatchedClose() throws {
        let error = try XCTUnwrap(parseError("{{#cases}}\n  {{name}}\n  {{/case}}\n{{/cases}}", name: "minutes.md"))
        XCTAssertEqual(error.kind, .mismatchedClose)
        XCTAssertEqual(error.templateName, "minutes.md")
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 3)
        XCTAssertTrue(error.message.contains("'/case' does not match section 'cases' opened at 1:1"), error.message)
    }

    func testCloseWithoutOpenSection() throws {
        let error = try XCTUnwrap(parseError("text\n{{/cases}}"))
        XCTAssertEqual(error.kind, .unexpectedClose)
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 1)
    }

    func testBadDelimiterChanges() throws {
        for source in ["x\n  {{=<% =}}", "x\n  {{=<% %> ## =}}", "x\n  {{==% %==}}", "x\n  {{= =}}"] {
            let error = try XCTUnwrap(parseError(source), source)
            XCTAssertEqual(error.kind, .badDelimiters, source)
            XCTAssertEqual(error.line, 2, source)
            XCTAssertEqual(error.column, 3, source)
            XCTAssertTrue(error.message.contains("expected two delimiters"), error.message)
        }
    }

    func testUnterminatedDelimiterChange() throws {
        let error = try XCTUnwrap(parseError("{{=<% %>}}"))
        XCTAssertEqual(error.kind, .unclosedTag)
        XCTAssertTrue(error.message.contains("expected '=}}'"), error.message)
    }

    func testUnclosedTags() throws {
        let plain = try XCTUnwrap(parseError("Dear {{name"))
        XCTAssertEqual(plain.kind, .unclosedTag)
        XCTAssertEqual(plain.line, 1)
        XCTAssertEqual(plain.column, 6)
        XCTAssertTrue(plain.message.contains("expected '}}'"), plain.message)

        let triple = try XCTUnwrap(parseError("a\nb {{{name}}"))
        XCTAssertEqual(triple.line, 2)
        XCTAssertEqual(triple.column, 3)
        XCTAssertTrue(triple.message.contains("expected '}}}'"), triple.message)

        let custom = try XCTUnwrap(parseError("{{=<% %>=}}\n<%name"))
        XCTAssertEqual(custom.line, 2)
        XCTAssertEqual(custom.column, 1)
        XCTAssertTrue(custom.message.contains("expected '%>'"), custom.message)
    }

    func testColumnsCountCharactersNotBytes() throws {
        let error = try XCTUnwrap(parseError("Ffion Llŷr 👩‍⚖️ {{#x}}"))
        XCTAssertEqual(error.kind, .unclosedSection)
        // "Ffion Llŷr " is 11 scalars; the judge emoji is 4 scalars (woman, ZWJ, scales, VS16) + space.
        XCTAssertEqual(error.column, 17)
    }

    func testInvalidNames() throws {
        for source in ["{{}}", "{{ a..b }}", "{{#.a}}{{/.a}}", "{{a b}}", "{{>}}"] {
            let error = try XCTUnwrap(parseError(source), source)
            XCTAssertEqual(error.kind, .invalidName, source)
            XCTAssertEqual(error.line, 1, source)
            XCTAssertEqual(error.column, 1, source)
        }
    }

    func testPrintingAListIsAnErrorThatQuotesNoValue() throws {
        let template = try MustacheTemplate(source: "Cases:\n  {{cases}}", name: "agenda.html")
        let context = JSONValue.object([("cases", .array([.string("Ffion Llŷr")]))])
        XCTAssertThrowsError(try template.render(context)) { error in
            let error = error as! MustacheError
            XCTAssertEqual(error.kind, .notPrintable)
            XCTAssertEqual(error.templateName, "agenda.html")
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.column, 3)
            XCTAssertFalse(error.description.contains("Ffion"), error.description)
        }
    }

    func testSelfIncludingPartialStopsWithAnError() throws {
        let loop = try MustacheTemplate(source: "again {{>loop}}", name: "loop")
        let template = try MustacheTemplate(source: "{{>loop}}", name: "paper")
        XCTAssertThrowsError(try template.render(.object([]), partials: ["loop": loop])) { error in
            let error = error as! MustacheError
            XCTAssertEqual(error.kind, .partialTooDeep)
            XCTAssertEqual(error.templateName, "loop")
            XCTAssertEqual(error.column, 7)
        }
    }

    func testPartialSourcesReportTheirOwnName() throws {
        XCTAssertThrowsError(try MustachePartials(sources: ["row": "{{#x}}"])) { error in
            XCTAssertEqual((error as! MustacheError).templateName, "row")
        }
    }
}
