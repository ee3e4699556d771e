import Foundation
import XCTest
@testable import MaracCommandLine

/// The one argument layer: every command's positionals, options, values and constraints are
/// checked centrally, with one message per kind of mistake, before the command runs.
final class ArgumentLayerTests: XCTestCase {
    /// Runs mfile in this process on the demo repository (or `directory`).
    func mfile(_ arguments: [String], in directory: URL = DemoRepository.root) -> (status: Int32, out: String, err: String) {
        let box = OutputBox()
        let console = Console(out: { box.out += $0 }, error: { box.err += $0 })
        let status = MfileCLI.run(arguments, console: console, workingDirectory: directory)
        return (status, box.out, box.err)
    }

    final class OutputBox: @unchecked Sendable {
        var out = ""
        var err = ""
    }

    /// Every leaf command, with the path that reaches it (`render agenda`).
    var leaves: [(path: [String], command: Command)] {
        MfileCLI.commands.flatMap { group in
            group.subcommands.isEmpty ? [([group.name], group)] : group.subcommands.map { ([group.name, $0.name], $0) }
        }
    }

    func testExtraPositionalsAreRefusedByEveryCommand() {
        for (path, command) in leaves where !command.positionals.contains(where: { $0.arity == .oneOrMore || $0.arity == .zeroOrMore }) {
            // Enough well-formed arguments for every declared positional, then one more.
            let arguments = command.positionals.map { spec -> String in
                if case .choice(let words) = spec.kind { return words[0] }
                return spec.kind == .date ? "2026-11-05" : "2026-11-05-north"
            } + ["extra"]
            let result = mfile(path + arguments)
            XCTAssertEqual(result.status, 2, "mfile \(path.joined(separator: " ")) accepted an extra argument")
            XCTAssertTrue(result.err.contains("takes"), result.err)
            XCTAssertTrue(result.err.contains("usage: mfile \(path.joined(separator: " "))"), result.err)
        }
    }

    func testADateGivenAsAPositionalPointsToTheDateOption() {
        let result = mfile(["check", "2026-11-23"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("'mfile check' takes no arguments; to give a date, use --as-of 2026-11-23"), result.err)
    }

    func testEveryDateOptionHasTheSameMessage() {
        let dateOptions = leaves.flatMap { path, command in
            (command.options).filter { $0.kind == .date }.map { (path, $0.name) }
        }
        XCTAssertGreaterThan(dateOptions.count, 8)
        for (path, option) in dateOptions {
            let result = mfile(path + [option, "23/11/2026"])
            XCTAssertEqual(result.status, 2, "\(path) \(option)")
            XCTAssertTrue(result.err.contains("\(option) needs a date written YYYY-MM-DD, e.g. 2026-11-23"), "\(path) \(option): \(result.err)")
        }
    }

    func testOptionsOfOneSubcommandAreRefusedByAnother() {
        let result = mfile(["render", "minutes", "2026-11-05-north", "--start", "10:00"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("unknown option '--start' for 'mfile render minutes'"), result.err)
        let transfer = mfile(["transfer", "in", "bundle.age", "--to", "South"])
        XCTAssertEqual(transfer.status, 2)
        XCTAssertTrue(transfer.err.contains("unknown option '--to' for 'mfile transfer in'"), transfer.err)
    }

    func testRequiredOptionsAndConstraints() {
        XCTAssertTrue(mfile(["calendar"]).err.contains("'mfile calendar' needs --year YYYY"))
        XCTAssertTrue(mfile(["transfer", "out", "2026-EXMP-001"]).err.contains("'mfile transfer out' needs --to NAME"))
        XCTAssertTrue(mfile(["schedule", "--year", "2027", "--from", "2026-01-01"]).err.contains("give --year or --from, not both"))
        XCTAssertTrue(mfile(["sweep", "--commit"]).err.contains("--commit goes with --apply"))
        XCTAssertTrue(mfile(["doctor", "--yes"]).err.contains("--yes goes with --purge-history"))
        XCTAssertEqual(mfile(["stats", "--from", "2026-01-01"]).status, 2)
    }

    func testChoicesListTheirWords() {
        let result = mfile(["check", "--by", "person"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("--by must be one of: case, meeting, agency"), result.err)
    }

    func testSubcommandsAreChosenCentrally() {
        let missing = mfile(["render"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("render agenda"), missing.err)
        let unknown = mfile(["new", "person"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("choose one of: case, meeting"), unknown.err)
    }

    func testAValueThatIsNotAnIdIsNeverEchoed() {
        let canary = "Zebedee Canarysmith"
        for arguments in [
            ["render", "case-minutes", "2026-11-05-north", canary],
            ["render", "actions", "--agency", canary],
            ["new", canary],
            ["lint", "--\(canary)"],
            ["transfer", "minutes", canary, "2026-11-05-north"],
        ] {
            let result = mfile(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertFalse(result.err.contains("Zebedee") || result.out.contains("Zebedee"), result.err)
        }
    }

    func testEveryHelpListsEveryOptionAndAnExample() {
        for group in MfileCLI.commands {
            let help = mfile([group.name, "--help"])
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.out.contains("usage: mfile \(group.name)"), group.name)
            XCTAssertTrue(help.out.contains("examples:\n  mfile \(group.name)"), "\(group.name) --help has no example")
            for command in [group] + group.subcommands {
                for option in command.options + Command.commonOptions {
                    XCTAssertTrue(help.out.contains("  \(option.name)"), "\(group.name) --help misses \(option.name)")
                }
                XCTAssertFalse(command.examples.isEmpty && group.subcommands.isEmpty, "\(command.name) has no example")
            }
            for sub in group.subcommands {
                let subHelp = mfile([group.name, sub.name, "--help"])
                XCTAssertEqual(subHelp.status, 0)
                XCTAssertTrue(subHelp.out.contains("usage: mfile \(group.name) \(sub.name)"), subHelp.out)
                XCTAssertTrue(subHelp.out.contains("examples:\n  mfile \(group.name) \(sub.name)"), "\(group.name) \(sub.name)")
            }
        }
    }

    func testEveryExampleParses() throws {
        for (path, command) in leaves {
            for example in command.examples {
                let words = try XCTUnwrap(shellWords(example))
                XCTAssertEqual(Array(words.prefix(1 + path.count)), ["mfile"] + path, example)
                XCTAssertNoThrow(try ArgumentParser.parse(Array(words.dropFirst(2)), command: MfileCLI.commands.first { $0.name == path[0] }!), example)
            }
        }
    }

    /// Splits a command line as a shell would (double quotes only; stops at a redirection).
    func shellWords(_ line: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if character == " ", !quoted {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        if let redirect = words.firstIndex(of: ">") { words = Array(words[..<redirect]) }
        return quoted ? nil : words
    }

    func testATemplateErrorNamesItsPlaceWithoutAUsageLine() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try "{{#cases}}\nunclosed\n".write(to: root.appendingPathComponent("templates/agenda.html.mustache"), atomically: true, encoding: .utf8)
        let result = mfile(["render", "agenda", "2026-11-05-north"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("agenda.html.mustache:1:1: error: "), result.err)
        XCTAssertFalse(result.err.contains("usage:"), result.err)
        XCTAssertFalse(result.err.contains("MustacheError"), result.err)
    }

    func testAConfigurationErrorNamesItsLineWithoutAUsageLine() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("marac.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "\n[rules]\nflag_monthz = 12\n").write(to: config, atomically: true, encoding: .utf8)
        for arguments in [["rules"], ["check"], ["schedule"]] {
            let result = mfile(arguments, in: root)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.err.contains("marac.toml:"), result.err)
            XCTAssertFalse(result.err.contains("usage:"), result.err)
        }
    }
}
