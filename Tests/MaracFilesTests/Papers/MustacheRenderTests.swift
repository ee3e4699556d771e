import XCTest
@testable import MaracJSON
@testable import MaracMustache

/// Behaviour beyond the spec's tests: value text, truthiness, partials, determinism.
final class MustacheRenderTests: XCTestCase {
    private func render(_ source: String, _ context: JSONValue, partials: MustachePartials = .none,
                        escaping: MustacheEscaping = .html) throws -> String {
        try MustacheTemplate(source: source, name: "test").render(context, partials: partials, escaping: escaping)
    }

    func testNumbersAndBooleans() throws {
        let context = JSONValue.object([
            ("i", .integer(-42)), ("big", .integer(9_007_199_254_740_993)), ("whole", .number(2.0)),
            ("d", .number(1.21)), ("tiny", .number(0.1 + 0.2)), ("t", .bool(true)), ("n", .null),
        ])
        XCTAssertEqual(try render("{{i}} {{big}} {{whole}} {{d}} {{tiny}} {{t}} [{{n}}]", context),
                       "-42 9007199254740993 2 1.21 0.30000000000000004 true []")
    }

    func testTruthiness() throws {
        let context = JSONValue.object([
            ("empty", .string("")), ("zero", .integer(0)), ("none", .array([])), ("obj", .object([])),
        ])
        XCTAssertEqual(try render("{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}", context), "e")
        XCTAssertEqual(try render("{{#zero}}Z{{.}}{{/zero}}", context), "Z0")
        XCTAssertEqual(try render("{{^none}}no cases{{/none}}", context), "no cases")
        XCTAssertEqual(try render("{{#obj}}O{{/obj}}", context), "O")
        XCTAssertEqual(try render("{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}", context), "m")
    }

    func testSectionsOverListsOfObjectsSeeOuterNames() throws {
        let context = JSONValue.object([
            ("meeting", .string("MARAC 12")),
            ("cases", .array([
                .object([("ref", .string("C1")), ("agencies", .array([.string("Police"), .string("IDVA")]))]),
                .object([("ref", .string("C2")), ("agencies", .array([]))]),
            ])),
        ])
        let source = """
        {{#cases}}
        - {{ref}} ({{meeting}}): {{#agencies}}{{.}};{{/agencies}}{{^agencies}}none{{/agencies}}
        {{/cases}}

        """
        XCTAssertEqual(try render(source, context), "- C1 (MARAC 12): Police;IDVA;\n- C2 (MARAC 12): none\n")
    }

    func testNestedStandalonePartialsAccumulateIndent() throws {
        let partials = try MustachePartials(sources: [
            "list": "<ul>\n{{#items}}\n  {{>item}}\n{{/items}}\n</ul>\n",
            "item": "<li>\n  {{{text}}}\n</li>\n",
        ])
        let context = JSONValue.object([("items", .array([.object([("text", .string("a\nb"))])]))])
        XCTAssertEqual(try render("<div>\n    {{>list}}\n</div>\n", context, partials: partials),
                       "<div>\n    <ul>\n      <li>\n        a\nb\n      </li>\n    </ul>\n</div>\n")
    }

    func testSpacesBeforeSigilsAreAllowed() throws {
        let context = JSONValue.object([("cases", .array([.string("C1")])), ("raw", .string("<b>"))])
        XCTAssertEqual(try render("{{ #cases }}{{ . }}{{ /cases }}{{ ^cases }}none{{ /cases }}{{ ! note }}{{ &raw }}", context),
                       "C1<b>")
    }

    func testInlinePartialIsNotIndented() throws {
        let partials = try MustachePartials(sources: ["p": "x\ny"])
        XCTAssertEqual(try render("  a {{>p}} b\n", .object([]), partials: partials), "  a x\ny b\n")
    }

    func testResolverPartialsAndMissingPartial() throws {
        let header = try MustacheTemplate(source: "# {{title}}\n", name: "header")
        let partials = MustachePartials(resolver: { $0 == "header" ? header : nil })
        let context = JSONValue.object([("title", .string("Agenda"))])
        XCTAssertEqual(try render("{{>header}}{{>footer}}end", context, partials: partials, escaping: .none),
                       "# Agenda\nend")
    }

    func testObjectKeyOrderAndRenderingAreDeterministic() throws {
        let template = try MustacheTemplate(source: "{{#a}}{{x}}{{y}}{{/a}}", name: "t")
        let context = JSONValue.object([("a", .object([("y", .integer(2)), ("x", .integer(1))]))])
        let first = try template.render(context)
        for _ in 0..<10 { XCTAssertEqual(try template.render(context), first) }
        XCTAssertEqual(first, "12")
    }

    func testLargeListRendersInLinearTime() throws {
        // Compiled once; each render only walks the tree.
        let template = try MustacheTemplate(source: """
            <table>
            {{#rows}}
              <tr><td>{{ref}}</td><td>{{name}}</td><td>{{#flags}}{{.}} {{/flags}}</td></tr>
            {{/rows}}
            </table>

            """, name: "rows.html")
        func context(_ count: Int) -> JSONValue {
            .object([("rows", .array((0..<count).map { index in
                .object([("ref", .integer(Int64(index))), ("name", .string("Ffion Llŷr <\(index)>")),
                         ("flags", .array([.string("DV"), .string("risk")]))])
            }))])
        }
        let small = context(200), large = context(2000)
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        var output = ""
        let smallTime = try seconds { for _ in 0..<10 { output = try template.render(small) } }
        XCTAssertEqual(output.components(separatedBy: "<tr>").count - 1, 200)
        let largeTime = try seconds { for _ in 0..<10 { output = try template.render(large) } }
        XCTAssertEqual(output.components(separatedBy: "<tr>").count - 1, 2000)
        XCTAssertLessThan(smallTime / 10, 0.5, "a 200-row render took \(smallTime / 10) s")
        // Ten times the rows should cost about ten times as much; allow for noisy shared machines.
        XCTAssertLessThan(largeTime, smallTime * 40, "200 rows: \(smallTime) s, 2000 rows: \(largeTime) s")
    }
}
