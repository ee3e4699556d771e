import Foundation
import XCTest

/// A person's name typed where an id belongs (a case id, a hearing's case, an agency) or as a
/// key never comes out of any command: messages show an id only when it is a valid id, and a
/// key only when it is a plain field name. Papers, `find` and `links --names` show names on
/// purpose (the administrator's screen) and are left out of the check.
final class IDCanaryTests: XCTestCase {
    static let canaries = ["Canaryid", "Canarycase", "Canaryagency", "Canarykey", "Canarymarac", "Qxwz"]

    static func plantedRepository() throws -> URL {
        let root = try DemoRepository.copy()
        let cases = root.appendingPathComponent("cases/2026")
        // A name typed into the id field of a new case (and its referral's agency).
        var text = try String(contentsOf: cases.appendingPathComponent("2026-EXMP-002.toml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "id = \"2026-EXMP-002\"", with: "id = \"Canaryid Qxwz\"")
        text = text.replacingOccurrences(of: "agency = \"health\"", with: "agency = \"Canaryagency Qxwz\"")
        try text.write(to: cases.appendingPathComponent("2026-EXMP-099.toml"), atomically: true, encoding: .utf8)
        // A name written as a key, twice (a TOML syntax error), and as a MARAC id.
        try """
            id = "2026-EXMP-098"
            marac = "Canarymarac Qxwz"
            [victim]
            "Canarykey Qxwz" = "a"
            "Canarykey Qxwz" = "b"
            """.write(to: cases.appendingPathComponent("2026-EXMP-098.toml"), atomically: true, encoding: .utf8)
        // A name typed as a meeting's MARAC.
        try """
            marac = "Canarymarac Qxwz"
            date = 2026-12-10
            kind = "scheduled"
            """.write(to: root.appendingPathComponent("meetings/2026/2026-12-10-east.toml"), atomically: true, encoding: .utf8)
        // A name typed as a hearing's case, with an overdue action, and as an action's agency.
        let meeting = root.appendingPathComponent("meetings/2026/2026-11-05-north.toml")
        try (try String(contentsOf: meeting, encoding: .utf8) + """

            [[hearing]]
            case = "Canarycase Qxwz"
            presented_by = "police"

              [[hearing.action]]
              id = 99
              agency = "Canaryagency Qxwz"
              owner = "DS Karen Holloway"
              text = "Visit"
              due = 2026-11-12
              status = "open"

            """).write(to: meeting, atomically: true, encoding: .utf8)
        return root
    }

    /// Each command, and whether its standard output is a paper or a name search (shown on
    /// purpose); standard error is always checked.
    static let commands: [(arguments: [String], paperOrNames: Bool)] = [
        (["lint"], false), (["lint", "--format", "json"], false),
        (["check", "--as-of", "2026-12-15"], false), (["check", "--as-of", "2026-12-15", "--format", "json"], false),
        (["check", "--as-of", "2026-12-15", "--by", "meeting"], false), (["check", "--as-of", "2026-12-15", "--by", "agency"], false),
        (["check", "--as-of", "2026-12-15", "--by", "agency", "--format", "json"], false),
        (["render", "agenda", "2026-11-05-north"], true), (["render", "minutes", "2026-11-05-north"], true),
        (["render", "actions", "--as-of", "2026-12-15"], true), (["render", "register"], true),
        (["index"], false), (["find", "Whitfield"], true), (["links"], false), (["links", "--format", "json"], false),
        (["stats", "--quarter", "2026Q4"], false), (["stats", "--quarter", "2026Q4", "--format", "json"], false),
        (["sweep", "--as-of", "2027-12-15", "--notices", "-"], true), (["sweep", "--as-of", "2027-12-15", "--format", "json"], false),
        (["rules"], false), (["schedule", "--year", "2026"], false),
        (["disclose", "Canaryid Qxwz", "--to", "X", "--basis", "Y"], false),
    ]

    func testNoCommandEchoesAnInvalidIdOrAKeyName() throws {
        let root = try Self.plantedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        var leaks: [String] = []
        for (arguments, paperOrNames) in Self.commands {
            let result = try runProduct("mfile", arguments, in: root)
            let checked = paperOrNames ? result.stderr : result.stdout + result.stderr
            for canary in Self.canaries where checked.contains(canary) {
                let line = checked.split(separator: "\n").first { $0.contains(canary) } ?? ""
                leaks.append("\(arguments.joined(separator: " ")): \(line)")
            }
        }
        XCTAssertEqual(leaks, [], leaks.joined(separator: "\n"))
    }
}
