import Foundation
import XCTest
@testable import MaracBase
@testable import MaracCommandLine
@testable import MaracProtocol

/// The schedule's iCalendar output, parsed back by a small unfolding parser (and by Python's
/// `icalendar` package when it is installed).
final class ICalendarTests: XCTestCase {
    private func schedule() -> String {
        let configuration = Records.configuration(profile: "west-midlands", firstMeeting: "2026-08-06", closures: ["2026-12-24"])
        let meetings = MeetingSchedule.meetings(
            of: configuration, from: day("2026-01-01"), through: day("2026-12-31"), rules: .westMidlands,
            calendar: WorkingCalendar(closures: [day("2026-12-24")]))
        return ScheduleCommand.ics(meetings, configuration: configuration)
    }

    /// Content lines, unfolded (RFC 5545 §3.1).
    private func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.components(separatedBy: "\r\n") where !raw.isEmpty {
            if raw.hasPrefix(" ") || raw.hasPrefix("\t") { lines[lines.count - 1] += raw.dropFirst() } else { lines.append(raw) }
        }
        return lines
    }

    /// The events as property maps (name without parameters to value).
    private func events(_ lines: [String]) -> [[String: String]] {
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in lines {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" { events.append(current!); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].split(separator: ";")[0]
            current![String(name)] = String(line[line.index(after: colon)...])
        }
        return events
    }

    func testStructureLineEndingsAndFolding() {
        let text = schedule()
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        for line in text.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
        let lines = unfold(text)
        XCTAssertEqual(Array(lines.prefix(3)), ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mfile//MARAC schedule \(MfileVersion.current)//EN"])
        let parsed = events(lines)
        // Five meetings (Aug-Dec), each with its cut-off and agenda deadline.
        XCTAssertEqual(parsed.count, 15)
        XCTAssertEqual(Set(parsed.compactMap { $0["UID"] }).count, 15)
        XCTAssertTrue(parsed.allSatisfy { $0["DTSTAMP"] == "20260806T000000Z" })
        let december = parsed.filter { $0["UID"]?.hasPrefix("2026-12-03-north") == true }
        XCTAssertEqual(december.map { $0["DTSTART"] }, ["20261203", "20261123", "20261126"])
        XCTAssertEqual(december.first?["SUMMARY"], "North meeting")
        XCTAssertEqual(schedule(), text, "deterministic")
    }

    func testFoldingKeepsUTF8SequencesWhole() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ICalendarWriter.fold(line)
        for part in folded.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(part.utf8.count, 75)
            XCTAssertNotNil(String(bytes: Array(part.utf8), encoding: .utf8))
        }
        XCTAssertEqual(unfold(folded), [line])
        XCTAssertEqual(ICalendarWriter.escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
    }

    func testPythonICalendarParsesIt() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import icalendar"]
        check.standardError = Pipe()
        check.standardOutput = Pipe()
        let started = (try? check.run()) != nil
        if started { check.waitUntilExit() }
        try requireProgram(started && check.terminationStatus == 0, "python3 with icalendar", install: "pip install icalendar")
        let folder = try makeTemporaryDirectory("ics")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("schedule.ics")
        try Data(schedule().utf8).write(to: file)
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = [c for c in cal.walk('VEVENT')]
            assert len(events) == 15, len(events)
            assert str(cal['VERSION']) == '2.0'
            for e in events:
                assert e.get('UID') and e.get('DTSTAMP') and e.get('DTSTART')
            print(events[0].get('DTSTART').dt.isoformat())
            """
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", script, file.path]
        let out = Pipe(), err = Pipe()
        run.standardOutput = out
        run.standardError = err
        try run.run()
        run.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(run.terminationStatus, 0, stderr)
        XCTAssertEqual(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "2026-08-06\n")
    }
}
