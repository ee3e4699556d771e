import Foundation
import XCTest
import MaracImport

/// The demo's example spreadsheets, imported into a copy of the demo with README's commands:
/// the repository lints clean, and `check`, `find` and `sweep` see the imported cases.
final class ImportDemoExampleTests: XCTestCase {
    /// The `mfile import` commands of README's "Importing spreadsheets" section, as written.
    static func readmeCommands() throws -> [[String]] {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "### Importing spreadsheets").dropFirst().first)
        let block = try XCTUnwrap(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map { line in
            let command = line.components(separatedBy: "#").first ?? ""
            return command.split(separator: " ").dropFirst().map(String.init)  // without "mfile"
        }
    }

    func testTheExampleImportsIntoTheDemoAndEveryCommandSeesIt() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("examples"), to: root.appendingPathComponent("examples"))
        func mfile(_ arguments: [String]) throws -> CommandResult { try runProduct("mfile", arguments, in: root) }

        let commands = try Self.readmeCommands()
        XCTAssertEqual(commands.count, 3, "README shows the import in three commands")
        var applied: CommandResult?
        for command in commands {
            let result = try mfile(command)
            XCTAssertEqual(result.status, 0, "\(command.joined(separator: " "))\n\(result.stdout)\(result.stderr)")
            if command.contains("--apply") { applied = result }
        }
        let output = try XCTUnwrap(applied).stdout
        var ids: [Int: String] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count >= 5, words[2] == "create", let row = Int(words[1].dropLast()) { ids[row] = String(words[4]) }
        }
        XCTAssertEqual(ids.count, 6, output)
        let hadfield = try XCTUnwrap(ids[2]), begum = try XCTUnwrap(ids[5]), dunmore = try XCTUnwrap(ids[7]), rowe = try XCTUnwrap(ids[3])
        XCTAssertTrue(hadfield.hasPrefix("2025-") && begum.hasPrefix("2026-"), "cases are filed under the year of their referral")

        let record = try String(contentsOf: root.appendingPathComponent("cases/2025/\(hadfield).toml"), encoding: .utf8)
        for expected in ["reference = \"EXB/25/0311\"", "name = \"Claire Hadfield\"", "relationship = \"spouse\"",
                         "[[child]]\nname = \"Mia Hadfield\"\ndob = 2016-06-22\nin_household = true", "risk_tool = \"dash\"", "agency = \"police\""] {
            XCTAssertTrue(record.contains(expected), "\(expected)\n\(record)")
        }

        // The facts DEMO.md gives for the example.
        let mercer = try XCTUnwrap(ids[4])
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("cases/2025/\(rowe).toml"), encoding: .utf8).contains("agency = \"health\""))
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("cases/2026/\(mercer).toml"), encoding: .utf8).contains("disability = \"yes\""))

        let actions = try mfile(["import", "actions", "examples/import/actions.csv", "--map", "examples/import/actions-map.toml", "--apply"])
        XCTAssertEqual(actions.status, 0, actions.stdout + actions.stderr)
        XCTAssertTrue(actions.stdout.contains("at meeting 2026-07-02-north (meetings/2026/2026-07-02-north.toml, a new meeting file)"), actions.stdout)

        let lint = try mfile(["lint"])
        XCTAssertEqual(lint.status, 0, lint.stdout)
        XCTAssertTrue(lint.stderr.contains("0 errors, 0 warnings"), lint.stderr)

        let check = try mfile(["check", "--as-of", "2026-11-23"])
        XCTAssertTrue(check.stdout.contains("\(begum)  idva-referral-late  referral[1]"), check.stdout)
        XCTAssertTrue(check.stdout.contains("\(dunmore)  action-overdue  action 1  meeting 2026-07-02-north"), check.stdout)
        XCTAssertTrue(check.stdout.contains("\(dunmore)  action-no-update  action 1  meeting 2026-07-02-north"), check.stdout)
        for meeting in ["2026-06-04-north", "2026-07-02-north"] {
            XCTAssertTrue(check.stdout.contains("\(meeting)  agenda-missing"), "an imported meeting lacks its agenda date\n\(check.stdout)")
            // No protocol sets a time for the chair's approval: no minutes breach (issue 12).
            XCTAssertFalse(check.stdout.contains("\(meeting)  minutes-not-approved"), check.stdout)
        }

        // README: the day the MARAC adopted mfile makes the imported past history, not breaches;
        // its actions and flags are still chased.
        try replaceLine(in: root.appendingPathComponent("marac.toml"), containing: "marking = ", with: "marking = \"OFFICIAL-SENSITIVE\"\nadopted = 2026-08-01")
        XCTAssertEqual(try mfile(["lint"]).status, 0)
        let adopted = try mfile(["check", "--as-of", "2026-11-23"])
        for meeting in ["2026-06-04-north", "2026-07-02-north"] {
            XCTAssertFalse(adopted.stdout.contains("\(meeting)  agenda-missing"), adopted.stdout)
        }
        XCTAssertFalse(adopted.stdout.contains("\(begum)  idva-referral-late"), adopted.stdout)
        XCTAssertTrue(adopted.stdout.contains("\(dunmore)  action-overdue  action 1  meeting 2026-07-02-north"), adopted.stdout)
        XCTAssertTrue(adopted.stdout.contains("\(hadfield)  flag-expired"), adopted.stdout)
        XCTAssertTrue(adopted.stdout.contains("2026-09-03-north  written-information-missing"), "the demo's own meetings are after it")

        let sweep = try mfile(["sweep", "--as-of", "2026-11-23", "--notices", "-"])
        XCTAssertTrue(sweep.stderr.contains("  \(hadfield)  ended 2026-09-15"), sweep.stderr)
        XCTAssertTrue(sweep.stderr.contains("  \(rowe)  ended 2026-10-06"), sweep.stderr)

        let byName = try mfile(["find", "Claire Hadfield"])
        XCTAssertEqual(byName.status, 0)
        XCTAssertTrue(byName.stdout.contains("Claire Hadfield  victim  dob 1988-03-14  \(hadfield)  [exact]"), byName.stdout)
        let byReference = try mfile(["find", "exb/25/0311", "--ids-only"])
        XCTAssertEqual(byReference.stdout, "\(hadfield)\n")
        let json = try mfile(["find", "EXB/25/0311", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"match\": \"reference\""), json.stdout)

        // A second import of the whole example changes nothing.
        let before = try ImportFixtures.snapshot(root)
        XCTAssertTrue(try mfile(commands[2]).stderr.contains("nothing to write"))
        XCTAssertTrue(try mfile(["import", "actions", "examples/import/actions.csv", "--map", "examples/import/actions-map.toml", "--apply"]).stderr.contains("nothing to write"))
        XCTAssertEqual(try ImportFixtures.snapshot(root), before)
    }

    func testTheLimitsREADMEStates() {
        XCTAssertEqual(ImportLimits.standard.maxRows, 100_000)
        XCTAssertEqual(ImportLimits.standard.maxColumns, 512)
        XCTAssertEqual(ImportLimits.standard.maxCellBytes, 64 << 10)
    }
}
