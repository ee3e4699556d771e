import Foundation
@testable import MaracBase
@testable import MaracLint
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracTOML

/// A marac.toml with core agencies (police, idva, children's services that work with
/// children) and one that is not core (housing), for the protocol duties' tests.
enum DutyFixtures {
    static func configuration(_ profile: String, rules: String = "", extra: String = "") throws -> Configuration {
        let text = """
            name = "T"
            profile = "\(profile)"
            marking = "OFFICIAL-SENSITIVE"
            \(extra)
            [rules]
            \(rules)
            [calendar]
            region = "england-and-wales"
            closures = [2026-12-24]
            [[marac]]
            id = "north"
            name = "North"
            frequency = "monthly"
            first_meeting = 2026-08-06
            [[agency]]
            id = "police"
            name = "Police"
            kind = "police"
            core = true
            [[agency]]
            id = "idva"
            name = "IDVA"
            kind = "idva"
            core = true
            [[agency]]
            id = "children"
            name = "Children"
            kind = "children"
            core = true
            children = true
            [[agency]]
            id = "housing"
            name = "Housing"
            kind = "housing"
            """
        var problems: [Diagnostic] = []
        return Configuration(table: try TOMLDecoder.decode(bytes: Array(text.utf8)), problems: &problems)
    }

    static func breaches(
        _ profile: String, asOf: String, rules: String = "", extra: String = "", cases: [Case] = [], meetings: [Meeting] = []
    ) throws -> [Breach] {
        let configuration = try configuration(profile, rules: rules, extra: extra)
        let engine = try ProtocolEngine.load(configuration)
        return BreachCheck(repository: Records.repository(configuration, cases: cases, meetings: meetings), engine: engine, asOf: day(asOf))
            .breaches()
    }

    static func lint(_ profile: String, rules: String = "", cases: [Case] = [], meetings: [Meeting] = [], asOf: String = "2026-12-31") throws -> [Diagnostic] {
        Linter.lint(Records.repository(try configuration(profile, rules: rules), cases: cases, meetings: meetings), asOf: day(asOf))
    }

    static func attendee(_ agency: String, _ fields: [(String, T)] = []) -> T {
        .t([("agency", .s(agency)), ("name", .s("N")), ("confidentiality_signed", .b(true))] + fields)
    }

    static func apology(_ agency: String, written: Bool) -> T {
        .t([("agency", .s(agency)), ("written_information", .b(written))])
    }

    /// A meeting of `north` on `date` with those attendees and apologies, hearing `heard`
    /// (case id and presenting agency).
    static func meeting(
        _ date: String, kind: String = "scheduled", attendees: [String] = ["police", "idva", "children"],
        apologies: [T] = [], heard: [(String, String?)] = [], fields: [(String, T)] = []
    ) -> Meeting {
        var members: [(String, T)] = [("marac", .s("north")), ("date", .d(day(date))), ("kind", .s(kind))] + fields
        if !attendees.isEmpty { members.append(("attendee", .a(attendees.map { attendee($0) }))) }
        if !apologies.isEmpty { members.append(("apology", .a(apologies))) }
        let hearings: [T] = heard.map { id, presenter in
            .t([("case", .s(id))] + (presenter.map { [("presented_by", T.s($0))] } ?? []))
        }
        if !hearings.isEmpty { members.append(("hearing", .a(hearings))) }
        var problems: [Diagnostic] = []
        return Meeting(table: T.table(members), file: "meetings/\(date.prefix(4))/\(date)-north.toml", problems: &problems)
    }

    /// A meeting file decoded from TOML text.
    static func meeting(toml text: String, date: String) throws -> Meeting {
        var problems: [Diagnostic] = []
        return Meeting(table: try TOMLDecoder.decode(bytes: Array(text.utf8)), file: "meetings/\(date.prefix(4))/\(date)-north.toml", problems: &problems)
    }

    /// A case with a child in the household.
    static func caseWithChild(_ id: String, received: String = "2026-07-01") -> Case {
        Records.case(id, referrals: [Records.referral(received: received)], extra: [
            ("child", .a([.t([("name", .s("C")), ("dob", .d(day("2018-01-01"))), ("in_household", .b(true))])])),
        ])
    }
}

extension T {
    /// A `T` from a decoded node (dates, strings, numbers, booleans, arrays and tables).
    static func from(_ node: TOMLNode) -> T {
        switch node.value {
        case .string(let text): .s(text)
        case .integer(let n): .i(Int(n))
        case .boolean(let b): .b(b)
        case .localDate(let date): .d(date)
        case .array(let items): .a(items.map(T.from))
        case .table(let table): .t(table.members.map { ($0.key, T.from($0.node)) })
        default: .s("")
        }
    }
}
