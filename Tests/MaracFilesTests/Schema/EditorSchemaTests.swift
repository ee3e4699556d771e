import Foundation
import XCTest

/// What an editor shows as the administrator types: taplo (the engine of VS Code's Even Better
/// TOML) reads `.taplo.toml`, finds each file's schema and reports what breaks it. Runs the
/// real taplo CLI (`pip install taplo`) on the demo repository and on one `mfile init` made.
final class EditorSchemaTests: XCTestCase {
    static func taplo() throws -> String {
        let path = programPath("taplo")
        try requireProgram(path != nil, "taplo", install: "pip install taplo")
        return path!
    }

    /// `taplo lint` from the repository's top folder, as an editor opened there reads it.
    func lint(_ taplo: String, _ files: [String], in root: URL) throws -> CommandResult {
        try runProgram(taplo, ["lint", "--colors", "never"] + files, in: root, timeout: 120)
    }

    func testTheDemoIsCleanAndAMisspeltFieldAndAWrongChoiceAreBothShown() throws {
        let taplo = try Self.taplo()
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }

        let clean = try lint(taplo, [], in: root)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertFalse(clean.stderr.contains("error:"), clean.stderr)
        XCTAssertFalse(clean.stderr.contains("invalid schema"), clean.stderr)
        let records = ["cases", "meetings"].flatMap { folder in
            (FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".toml") }
        }
        XCTAssertTrue(clean.stderr.contains("found files total=\(records.count + 2)"), "every case and meeting, marac.toml and .taplo.toml are read: \(clean.stderr)")

        // What README says the editor marks, each in its own file.
        let mistakes: [(file: String, line: String, typed: String?, shown: String)] = [
            ("cases/2026/2026-EXMP-001.toml", "gender = \"female\"", "gendr = \"female\"", "'gendr' was unexpected"),
            ("cases/2026/2026-EXMP-002.toml", "status = \"open\"", "status = \"opne\"",
             "\"opne\" is not one of [\"open\",\"closed\",\"transferred-out\"]"),
            ("cases/2026/2026-EXMP-003.toml", "risk_score = ", "risk_score = \"high\"", "\"high\" is not of type \"integer\""),
            ("cases/2026/2026-EXMP-004.toml", "marac = ", nil, "\"marac\" is a required property"),
            ("cases/2026/2026-EXMP-005.toml", "received = ", "received = \"05/11/2026\"", "\"05/11/2026\" is not a \"date\""),
            ("marac.toml", "id = \"police\"", "id = \"Police Service\"", "\"Police Service\" does not match"),
            ("meetings/2026/2026-11-05-north.toml", "kind = \"scheduled\"", "knd = \"scheduled\"", "'knd' was unexpected"),
            ("meetings/2026/2026-10-01-north.toml", "chair = ", "chair = \"unclosed", "invalid TOML"),
        ]
        for mistake in mistakes {
            try replaceLine(in: root.appendingPathComponent(mistake.file), containing: mistake.line, with: mistake.typed)
            let shown = try lint(taplo, [mistake.file], in: root)
            XCTAssertNotEqual(shown.status, 0, mistake.file)
            XCTAssertTrue(shown.stderr.contains(mistake.shown), "\(mistake.file): \(mistake.shown) not in \(shown.stderr)")
        }
    }

    /// README: what only `mfile lint` catches (it needs marac.toml, another file, or the TOML
    /// date type that a JSON schema cannot see).
    func testWhatOnlyLintCatchesPassesTheEditor() throws {
        let taplo = try Self.taplo()
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "cases/2026/2026-EXMP-001.toml"
        let file = root.appendingPathComponent(path)
        try replaceLine(in: file, containing: "agency = \"police\"", with: "agency = \"polcie\"")
        try replaceLine(in: file, containing: "marac = \"north\"", with: "marac = \"nroth\"")
        try replaceLine(in: file, containing: "dob = 1992-03-18", with: "dob = \"1992-03-18\"")
        let editor = try lint(taplo, [path], in: root)
        XCTAssertEqual(editor.status, 0, editor.stderr)
        let lint = try runProduct("mfile", ["lint", path], in: root)
        for rule in ["[unknown-agency]", "[unknown-marac]", "[date-quoted]"] {
            XCTAssertTrue(lint.stdout.contains(rule), "\(rule) not in \(lint.stdout)")
        }
    }

    func testARepositoryMadeByInitTellsTheEditorItsSchemas() throws {
        let taplo = try Self.taplo()
        let parent = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let created = try runProduct("mfile", ["init", "records", "--profile", "gwent", "--first-meeting", "2027-01-07"], in: parent)
        XCTAssertEqual(created.status, 0, created.stderr)
        let root = parent.appendingPathComponent("records")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(".taplo.toml").path))

        let clean = try lint(taplo, [], in: root)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertFalse(clean.stderr.contains("error:"), clean.stderr)

        let demoCase = try String(contentsOf: DemoRepository.root.appendingPathComponent("cases/2026/2026-EXMP-001.toml"), encoding: .utf8)
        let typed = demoCase
            .replacingOccurrences(of: "ethnicity = ", with: "ethnicty = ")
            .replacingOccurrences(of: "session = \"open\"", with: "session = \"closd\"")
        let file = root.appendingPathComponent("cases/2027/2027-ABCD-001.toml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try typed.write(to: file, atomically: true, encoding: .utf8)
        let broken = try lint(taplo, ["cases/2027/2027-ABCD-001.toml"], in: root)
        XCTAssertNotEqual(broken.status, 0)
        XCTAssertTrue(broken.stderr.contains("'ethnicty' was unexpected"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("\"closd\" is not one of [\"open\",\"closed\"]"), broken.stderr)
    }

    /// The schemas carry no `$id` (taplo rejects a relative one), so mfile finds them by file
    /// name: a repository's schema can still `$ref` another of its files.
    func testSchemasStillReferToEachOtherByFileName() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let schema = root.appendingPathComponent("schema/meeting.schema.json")
        let text = try String(contentsOf: schema, encoding: .utf8)
        XCTAssertFalse(text.contains("\"$id\""))
        let referring = text.replacingOccurrences(of: "\"#/$defs/date\"", with: "\"case.schema.json#/$defs/date\"")
        XCTAssertNotEqual(referring, text, "test fixture changed: the meeting schema has no #/$defs/date")
        try referring.write(to: schema, atomically: true, encoding: .utf8)

        let clean = try runProduct("mfile", ["lint"], in: root)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        let meeting = root.appendingPathComponent("meetings/2026/2026-11-05-north.toml")
        let line = try replaceLine(in: meeting, containing: "agenda_circulated = ", with: "agenda_circulated = \"soon\"")
        let broken = try runProduct("mfile", ["lint", "meetings/2026/2026-11-05-north.toml"], in: root)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("2026-11-05-north.toml:\(line):1: error: agenda_circulated must be"), broken.stdout)
    }
}
