import Foundation
import XCTest
@testable import MaracPapers

/// The demo's agenda and minutes printed to PDF by a real browser: every page carries the
/// protective marking (top and bottom) and the page count is sane.
///
/// Needs `chromium` and poppler's `pdftotext`/`pdfinfo` (Debian: `apt-get install -y chromium
/// poppler-utils`). Outside CI without them the test skips with one line; with `CI=true` it
/// must run.
final class PapersPrintTests: XCTestCase {
    typealias F = PaperFixtures

    func testDemoPapersPrintWithTheMarkingOnEveryPage() throws {
        let tools = try ["chromium", "pdftotext", "pdfinfo"].map(Self.tool)
        let (chromium, pdftotext, pdfinfo) = (tools[0], tools[1], tools[2])
        let folder = try makeTemporaryDirectory("mfile-print")
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try F.load(DemoRepository.root)
        let marking = repository.configuration.marking
        let papers: [(String, Papers.Request.Paper)] = [
            ("agenda", .agenda(meeting: "2026-11-05-north", start: 570)),
            ("minutes", .minutes(meeting: "2026-11-05-north")),
        ]
        for (name, paper) in papers {
            let html = folder.appendingPathComponent("\(name).html")
            let pdf = folder.appendingPathComponent("\(name).pdf")
            try F.render(paper, repository, format: .html).write(to: html, atomically: true, encoding: .utf8)
            let printed = try Self.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile-\(name)").path)",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ])
            XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), "\(name): no PDF (chromium exit \(printed.status))")

            let info = try Self.run(pdfinfo, [pdf.path]).output
            let pagesLine = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
            let pages = Int(pagesLine.split(separator: " ").last ?? "") ?? 0
            XCTAssertGreaterThanOrEqual(pages, 1, "\(name): page count")
            XCTAssertLessThan(pages, 50, "\(name): page count")

            let text = try Self.run(pdftotext, ["-layout", pdf.path, "-"]).output
            let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            XCTAssertEqual(pageTexts.count, pages, "\(name): text of every page")
            for (index, page) in pageTexts.enumerated() {
                XCTAssertGreaterThanOrEqual(
                    page.components(separatedBy: marking).count - 1, 2, "\(name) page \(index + 1): marking at top and bottom")
            }
        }
    }

    /// The path of a tool on PATH; skips outside CI when it is missing, fails in CI.
    static func tool(_ name: String) throws -> String {
        let path = programPath(name)
        try requireProgram(path != nil, name, install: "apt-get install -y chromium poppler-utils")
        return path!
    }

    /// Runs a tool with a time limit, collecting standard output.
    static func run(_ path: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let done = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        DispatchQueue.global().async {
            box.data = out.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        if done.wait(timeout: deadline) == .timedOut {
            process.terminate()
            XCTFail("\(URL(fileURLWithPath: path).lastPathComponent) did not finish within \(Int(timeout)) seconds")
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: box.data, as: UTF8.self))
    }
}
