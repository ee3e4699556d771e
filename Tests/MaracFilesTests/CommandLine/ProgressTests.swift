import Foundation
import XCTest
@testable import MaracBase

/// Issue 15 item 8: long work shows a progress line on standard error when it is a terminal,
/// naming counts only, erased when done; nothing when standard error is a pipe or a CI log.
final class ProgressTests: XCTestCase {
    private let erase = "\r\u{1B}[K"

    func testTheLineCountsAndIsErased() {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let progress = ProgressLine("lint", unit: "files") { box.text += $0 }
        progress.begin(105_000)
        for _ in 0..<105_000 { progress.advance() }
        progress.finish()
        XCTAssertTrue(box.text.hasPrefix("\rlint: 0 of 105,000 files\u{1B}[K"), box.text)
        XCTAssertTrue(box.text.hasSuffix("\rlint: 105,000 of 105,000 files\u{1B}[K" + erase), box.text)
        XCTAssertLessThan(box.text.components(separatedBy: "\r").count, 100, "redrawn at most ten times a second, not per file")
    }

    /// The demo has 28 record files. Names in the records never appear in a progress line.
    func testLintIndexAndSweepShowProgressOnATerminalOnly() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path)
            .filter { ($0.hasPrefix("cases/") || $0.hasPrefix("meetings/")) && $0.hasSuffix(".toml") }.count

        let lint = try runProductOnTerminal("mfile", ["lint", "--as-of", "2026-11-23"], in: root, removing: ["CI"])
        XCTAssertEqual(lint.status, 0, lint.stderr)
        XCTAssertTrue(lint.stderr.contains("\rlint: \(files) of \(files) files\u{1B}[K" + erase), lint.stderr.debugDescription)
        XCTAssertTrue(lint.stderr.contains("files checked: 0 errors"), "the summary follows the erased line")
        XCTAssertFalse(lint.stdout.contains("lint:"), "never on standard output")

        let index = try runProductOnTerminal("mfile", ["index", "--full"], in: root, removing: ["CI"])
        XCTAssertEqual(index.status, 0, index.stderr)
        XCTAssertTrue(index.stderr.contains("\rindex: \(files) of \(files) files"), index.stderr.debugDescription)

        let check = try runProductOnTerminal("mfile", ["check", "--as-of", "2026-11-23"], in: root, removing: ["CI"])
        XCTAssertTrue(check.stderr.contains("\rreading records: \(files) of \(files) files"), check.stderr.debugDescription)

        let sweep = try runProductOnTerminal(
            "mfile", ["sweep", "--as-of", "2026-11-23", "--apply", "--notices", "-"], in: root, removing: ["CI"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertTrue(sweep.stderr.contains("\rsweep: recording the lifting: 3 of 3 cases"), sweep.stderr.debugDescription)

        // Every redrawn line is a fixed phrase and two counts, nothing read from a record.
        for result in [lint, index, check, sweep] {
            let drawn = result.stderr.components(separatedBy: "\r").compactMap { part -> String? in
                guard let end = part.range(of: "\u{1B}[K") else { return nil }
                return String(part[..<end.lowerBound])
            }.filter { !$0.isEmpty }
            XCTAssertFalse(drawn.isEmpty)
            for line in drawn {
                XCTAssertNotNil(line.range(
                    of: "^(lint|index|reading records|sweep: recording the lifting): [0-9,]+ of [0-9,]+ (files|cases)$",
                    options: .regularExpression), line.debugDescription)
            }
        }
    }

    func testNoProgressInAPipeOrInCI() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let piped = try runProduct("mfile", ["lint", "--as-of", "2026-11-23"], in: root, environment: ["CI": ""])
        XCTAssertFalse(piped.stderr.contains("\r"), piped.stderr.debugDescription)
        XCTAssertFalse(piped.stderr.contains("lint:"), piped.stderr)
        let ci = try runProductOnTerminal("mfile", ["lint", "--as-of", "2026-11-23"], in: root, environment: ["CI": "true"])
        XCTAssertFalse(ci.stderr.contains("lint:"), ci.stderr.debugDescription)
        let dumb = try runProductOnTerminal("mfile", ["lint", "--as-of", "2026-11-23"], in: root, environment: ["TERM": "dumb"], removing: ["CI"])
        XCTAssertFalse(dumb.stderr.contains("lint:"), dumb.stderr.debugDescription)
    }
}
