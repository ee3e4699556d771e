import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracMustache

/// Deeply nested sections are refused with the template, line and column, never a crash:
/// 50,000 nested sections used to exhaust the stack (SIGSEGV) when rendered.
final class MustacheNestingTests: XCTestCase {
    static func nested(_ depth: Int) -> String {
        String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
    }

    func testDeepSectionsAreRefusedWithWhere() {
        XCTAssertNoThrow(try MustacheTemplate(source: Self.nested(100), name: "ok"))
        XCTAssertThrowsError(try MustacheTemplate(source: Self.nested(50_000), name: "templates/agenda.html.mustache")) { error in
            let failure = error as? MustacheError
            XCTAssertEqual(failure?.kind, .sectionTooDeep)
            XCTAssertEqual(failure?.position.line, 1)
            XCTAssertEqual(failure?.position.column, 601)
            XCTAssertTrue(failure?.description.hasPrefix("templates/agenda.html.mustache:1:601: sections are nested more than 100 deep") == true,
                          failure?.description ?? "")
        }
    }

    /// Partials that each open sections cannot go deeper than the renderer allows either.
    func testNestingAcrossPartialsIsBounded() throws {
        let partial = try MustacheTemplate(source: String(repeating: "{{#a}}", count: 99) + "{{>p}}" + String(repeating: "{{/a}}", count: 99), name: "p")
        let main = try MustacheTemplate(source: "{{>p}}", name: "main")
        XCTAssertThrowsError(try main.render(.object([("a", .bool(true))]), partials: MustachePartials(["p": partial]))) { error in
            let kind = (error as? MustacheError)?.kind
            XCTAssertTrue(kind == .sectionTooDeep || kind == .partialTooDeep, "\(error)")
        }
    }

    func testRenderCommandRefusesADeepRepositoryTemplate() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.nested(50_000).write(to: root.appendingPathComponent("templates/agenda.html.mustache"), atomically: true, encoding: .utf8)
        let result = try runProduct("mfile", ["render", "agenda", "2026-11-05-north"], in: root)
        XCTAssertEqual(result.status, 2, "exit \(result.status): \(result.stderr.prefix(300))")
        XCTAssertTrue(result.stderr.contains("templates/agenda.html.mustache:1:601: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("sections are nested more than 100 deep"), result.stderr)
    }
}
