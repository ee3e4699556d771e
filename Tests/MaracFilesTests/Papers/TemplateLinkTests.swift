import Foundation
import XCTest

/// A template under templates/ that is a link to a file outside the repository is refused
/// (a paper's text, or what it shows, must not come from elsewhere on the computer).
final class TemplateLinkTests: XCTestCase {
    func testTemplateLinkedFromOutsideIsRefused() throws {
        let root = try DemoRepository.copy()
        let outside = try makeTemporaryDirectory("mfile-outside")
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        let manager = FileManager.default
        for name in ["agenda.html.mustache", "flag-notice.md.mustache"] {
            let template = root.appendingPathComponent("templates/\(name)")
            try manager.moveItem(at: template, to: outside.appendingPathComponent(name))
            try manager.createSymbolicLink(at: template, withDestinationURL: outside.appendingPathComponent(name))
        }
        let render = try runProduct("mfile", ["render", "agenda", "2026-11-05-north"], in: root)
        XCTAssertEqual(render.status, 2, render.stdout.prefix(200) + render.stderr)
        XCTAssertEqual(render.stdout, "")
        XCTAssertTrue(render.stderr.contains("templates/agenda.html.mustache: error: is a link to a place outside the repository"), render.stderr)
        XCTAssertFalse(render.stderr.contains(outside.path))

        let sweep = try runProduct("mfile", ["sweep", "--as-of", "2026-11-23", "--notices", "-"], in: root)
        XCTAssertEqual(sweep.status, 2, sweep.stderr)
        XCTAssertTrue(sweep.stderr.contains("templates/flag-notice.md.mustache: error: is a link to a place outside the repository"), sweep.stderr)

        // A link to another file inside the repository is followed.
        try manager.removeItem(at: root.appendingPathComponent("templates/agenda.html.mustache"))
        try manager.copyItem(at: outside.appendingPathComponent("agenda.html.mustache"), to: root.appendingPathComponent("templates/agenda-2026.html"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("templates/agenda.html.mustache").path, withDestinationPath: "agenda-2026.html")
        XCTAssertEqual(try runProduct("mfile", ["render", "agenda", "2026-11-05-north"], in: root).status, 0)
    }
}
