import Foundation
import XCTest
@testable import MaracBase
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracRepository
@testable import MaracTOML

/// Hand-built cases and small repositories for the papers' tests.
enum PaperFixtures {
    /// One person of a hand-built case.
    struct PersonSpec {
        var name: String
        var aliases: [String] = []
        var dob = "1990-01-01"
        var address = "1 Example Street, Example Town"
    }

    /// A case file's text.
    static func caseText(
        id: String, victim: PersonSpec = PersonSpec(name: "Victim"), perpetrators: [PersonSpec] = [PersonSpec(name: "Perpetrator")],
        children: [PersonSpec] = [], score: Int = 15, tool: String = "dash", received: String = "2026-10-01",
        criteria: [String] = ["visible-high-risk"], infoOnly: Bool = false, transferOut: Bool = false,
        session: String = "open", employedByPartner: Bool = false, status: String = "open", agency: String = "police"
    ) -> String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        out += String(format: "\\u%04X", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
        var text = """
            id = "\(id)"
            marac = "north"
            status = "\(status)"
            session = "\(session)"
            \(session == "closed" ? "session_reason = \"agency-employee\"\n" : "")
            [victim]
            name = \(quoted(victim.name))
            aliases = \(list(victim.aliases))
            dob = \(victim.dob)
            gender = "female"
            address = \(quoted(victim.address))
            ethnicity = "declined"
            sexual_orientation = "declined"
            disability = "declined"
            \(employedByPartner ? "employed_by_partner_agency = true\n" : "")

            """
        for p in perpetrators {
            text += """
                [[perpetrator]]
                name = \(quoted(p.name))
                aliases = \(list(p.aliases))
                dob = \(p.dob)
                address = \(quoted(p.address))
                relationship = "ex-partner"

                """
        }
        for c in children {
            text += """
                [[child]]
                name = \(quoted(c.name))
                dob = \(c.dob)
                in_household = true

                """
        }
        text += """
            [[referral]]
            received = \(received)
            agency = "\(agency)"
            referrer = "A Referrer"
            incident = \(received)
            risk_tool = "\(tool)"
            risk_score = \(score)
            criteria = \(list(criteria))
            consent = "given"
            decision = "accepted"
            idva_referred = \(received)
            info_only = \(infoOnly)

            """
        if transferOut {
            text += """

                [[transfer]]
                direction = "out"
                notified = \(received)
                sent = \(received)
                to = "Sampleshire MARAC"

                """
        }
        return text
    }

    /// A case read from its text (decoded, not validated).
    static func makeCase(_ text: String) throws -> Case {
        var problems: [Diagnostic] = []
        return Case(table: try TOMLDecoder.decode(bytes: Array(text.utf8)), file: "cases/2026/x.toml", problems: &problems)
    }

    /// The protocol engine of a one-MARAC configuration under `profile` meeting at `frequency`, with `rules` (TOML
    /// lines) as its `[rules]`; agencies `police` (kind police), `health` (kind health) and
    /// `housing`.
    static func engine(_ profile: String, rules: String = "", frequency: String = "monthly") throws -> ProtocolEngine {
        let text = """
            name = "Test MARAC"
            profile = "\(profile)"
            marking = "OFFICIAL-SENSITIVE"
            [rules]
            \(rules)
            [[marac]]
            id = "north"
            name = "North"
            frequency = "\(frequency)"
            first_meeting = 2026-01-08
            [[agency]]
            id = "police"
            name = "Police"
            kind = "police"
            [[agency]]
            id = "health"
            name = "Health"
            kind = "health"
            [[agency]]
            id = "housing"
            name = "Housing"
            kind = "housing"
            """
        var problems: [Diagnostic] = []
        return try ProtocolEngine.load(Configuration(table: try TOMLDecoder.decode(bytes: Array(text.utf8)), problems: &problems))
    }

    /// The agenda of hand-built cases (in meeting-file order) under `engine`, and each listed
    /// case's id in agenda order.
    static func agenda(_ texts: [String], _ engine: ProtocolEngine, start: Int = 9 * 60 + 30) throws -> (order: AgendaOrder, candidates: [AgendaCandidate], ids: [String]) {
        let summaries = try texts.map { CaseSummary(try makeCase($0)) }
        let records = ProtocolRecords(engine: engine, cases: summaries, meetings: [])
        let candidates = summaries.enumerated().map {
            records.agendaCandidate($1, date: LocalDate(year: 2026, month: 11, day: 5), kind: .scheduled, fileOrder: $0)
        }
        let order = engine.agendaOrder(candidates, start: start)
        return (order, candidates, order.items.map { candidates[$0.index].caseID ?? "?" })
    }

    /// A repository in a temporary folder: the demo's marac.toml and schemas, and these files
    /// (path relative to the root, text).
    static func repository(_ files: [(String, String)], maracToml: String? = nil) throws -> URL {
        let root = try makeTemporaryDirectory("mfile-papers")
        let demo = DemoRepository.root
        if let maracToml {
            try maracToml.write(to: root.appendingPathComponent("marac.toml"), atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.copyItem(at: demo.appendingPathComponent("marac.toml"), to: root.appendingPathComponent("marac.toml"))
        }
        try FileManager.default.copyItem(at: demo.appendingPathComponent("schema"), to: root.appendingPathComponent("schema"))
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Loads a repository and fails the test on any error-level problem in its files.
    static func load(_ root: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Repository {
        let repository = try Repository.load(at: root)
        let errors = repository.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 0, errors.map { "\($0.file):\($0.message)" }.joined(separator: "\n"), file: file, line: line)
        return repository
    }

    /// Renders a paper of `repository` with its own rules.
    static func render(
        _ paper: Papers.Request.Paper, _ repository: Repository, format: PaperFormat, scope: SessionScope = .general
    ) throws -> String {
        try Papers.render(
            Papers.Request(paper, format: format, scope: scope), repository: repository,
            engine: Papers.engine(for: repository.configuration))
    }
}
