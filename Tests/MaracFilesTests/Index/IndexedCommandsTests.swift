import Foundation
import XCTest

/// `check`, `sweep`, `plan` and `stats` work from the index's facts, and a meeting's papers
/// from its own files and the index (`Repository.fromIndex`, `Repository.selected`): each
/// must print, byte for byte, what it prints when every record is read from its file
/// (`MFILE_RECORDS=files`), on the demo and on a generated repository, with the index built
/// anew, then fresh, and brought up to date after an edit.
final class IndexedCommandsTests: XCTestCase {
    func testDemoCommandsPrintTheSameFromTheIndexAsFromTheFiles() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try assertSameOutput(root, asOf: "2026-11-23", meetingsChecked: .max)
    }

    func testGeneratedRepositoryCommandsPrintTheSameFromTheIndexAsFromTheFiles() throws {
        let root = try makeTemporaryDirectory("mfile-generated")
        defer { try? FileManager.default.removeItem(at: root) }
        let generator = TestPaths.packageRoot.appendingPathComponent("Benchmarks/generate.py").path
        let made = try runProgram("/usr/bin/env", ["python3", generator, "250", root.appendingPathComponent("r").path])
        XCTAssertEqual(made.status, 0, made.stderr)
        try assertSameOutput(root.appendingPathComponent("r"), asOf: "2026-11-23", meetingsChecked: 3)
    }

    /// `meetingsChecked`: how many meetings' papers and plans to compare (the first, the last,
    /// and evenly between).
    private func assertSameOutput(
        _ root: URL, asOf: String, meetingsChecked: Int, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let meetings = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("meetings").path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.split(separator: "/").last!.dropLast(5)) }.sorted()
        XCTAssertFalse(meetings.isEmpty, file: file, line: line)
        var commands: [[String]] = [
            ["check", "--as-of", asOf], ["check", "--as-of", asOf, "--format", "json"], ["check", "--as-of", asOf, "--by", "agency"],
            ["sweep", "--as-of", asOf, "--notices", "-"], ["sweep", "--as-of", asOf, "--notices", "-", "--format", "json"],
            ["sweep", "--purge", "--as-of", asOf], ["stats", "--as-of", asOf, "--from", "2020-01-01", "--to", asOf],
            ["render", "actions", "--as-of", asOf, "--format", "md"], ["render", "register", "--format", "md"],
        ]
        let step = max(1, (meetings.count - 1) / max(1, meetingsChecked - 1))
        let checked = Set(stride(from: 0, to: meetings.count, by: step).map { meetings[$0] } + [meetings.last!])
        for meeting in meetings where checked.contains(meeting) {
            commands += [
                ["render", "agenda", meeting, "--format", "md"], ["render", "minutes", meeting, "--format", "md"],
                ["render", "agenda", meeting, "--format", "md", "--closed"], ["plan", meeting, "--format", "json"],
            ]
            if let heard = try firstCaseHeard(root, meeting) {
                commands.append(["render", "case-minutes", meeting, heard, "--format", "md"])
            }
        }
        func compare(_ when: String) throws {
            for arguments in commands {
                let files = try runProduct("mfile", arguments, in: root, environment: ["MFILE_RECORDS": "files"])
                let indexed = try runProduct("mfile", arguments, in: root)
                let what = "mfile \(arguments.joined(separator: " ")) (\(when))"
                XCTAssertEqual(indexed.status, files.status, what, file: file, line: line)
                XCTAssertEqual(indexed.stdout, files.stdout, what, file: file, line: line)
                XCTAssertEqual(indexed.stderr, files.stderr, what, file: file, line: line)
            }
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".mfile/index"))
        try compare("index built anew by the first command, then fresh")
        // An edit the index has not seen: a meeting's first action finished, a case closed.
        let firstMeeting = root.appendingPathComponent("meetings/\(meetings[0].prefix(4))/\(meetings[0]).toml")
        var text = try String(contentsOf: firstMeeting, encoding: .utf8)
        if let range = text.range(of: "status = \"open\"") { text.replaceSubrange(range, with: "status = \"complete\"\ncompleted = 2026-01-02") }
        try text.write(to: firstMeeting, atomically: true, encoding: .utf8)
        try compare("index brought up to date")
    }

    private func firstCaseHeard(_ root: URL, _ meeting: String) throws -> String? {
        let url = root.appendingPathComponent("meetings/\(meeting.prefix(4))/\(meeting).toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: #"case = "([A-Za-z0-9-]+)""#, options: .regularExpression) else { return nil }
        return String(text[range].dropFirst(8).dropLast())
    }
}
