import Foundation
@testable import MaracBase
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracRepository
@testable import MaracTOML

/// Builds records by hand (no TOML decoder needed): `T` values make `TOMLTable`s that the
/// typed records read as they would a decoded file.
enum T {
    case s(String)
    case i(Int)
    case b(Bool)
    case d(LocalDate)
    case a([T])
    case t([(String, T)])

    static let origin = SourcePosition(line: 1, column: 1, offset: 0)
    static var range: SourceRange { SourceRange(start: origin, end: origin) }

    var node: TOMLNode {
        switch self {
        case .s(let text): TOMLNode(.string(text), range: T.range)
        case .i(let n): TOMLNode(.integer(Int64(n)), range: T.range)
        case .b(let flag): TOMLNode(.boolean(flag), range: T.range)
        case .d(let date): TOMLNode(.localDate(date), range: T.range)
        case .a(let items): TOMLNode(.array(items.map(\.node)), range: T.range)
        case .t(let members): TOMLNode(.table(T.table(members)), range: T.range)
        }
    }

    static func table(_ members: [(String, T)]) -> TOMLTable {
        TOMLTable(members: members.map { TOMLTable.Member(key: $0.0, keyRange: range, node: $0.1.node) })
    }
}

/// `LocalDate` from `"YYYY-MM-DD"`.
func day(_ text: String) -> LocalDate { LocalDate(isoText: text)! }

enum Records {
    static func person(_ name: String, dob: String? = nil, aliases: [String] = []) -> T {
        var members: [(String, T)] = [("name", .s(name))]
        if !aliases.isEmpty { members.append(("aliases", .a(aliases.map(T.s)))) }
        if let dob { members.append(("dob", .d(day(dob)))) }
        return .t(members)
    }

    /// A referral table; `extra` adds or overrides fields.
    static func referral(
        received: String, score: Int? = 16, tool: String = "dash", criteria: [String] = ["visible-high-risk"],
        decision: String = "accepted", decided: String? = nil, idva: String? = nil, extra: [(String, T)] = []
    ) -> T {
        var members: [(String, T)] = [("received", .d(day(received))), ("risk_tool", .s(tool))]
        if let score { members.append(("risk_score", .i(score))) }
        members.append(("criteria", .a(criteria.map(T.s))))
        members.append(("decision", .s(decision)))
        if let decided { members.append(("decided", .d(day(decided)))) }
        if let idva { members.append(("idva_referred", .d(day(idva)))) }
        return .t(members + extra)
    }

    static func `case`(
        _ id: String, victim: T = person("Victim One", dob: "1990-01-01"),
        perpetrators: [T] = [person("Perpetrator One", dob: "1988-01-01")], referrals: [T],
        extra: [(String, T)] = []
    ) -> Case {
        let table = T.table([
            ("id", .s(id)), ("marac", .s("north")), ("status", .s("open")), ("victim", victim),
            ("perpetrator", .a(perpetrators)), ("referral", .a(referrals)),
        ] + extra)
        var problems: [Diagnostic] = []
        return Case(table: table, file: "cases/\(id.prefix(4))/\(id).toml", problems: &problems)
    }

    static func meeting(_ date: String, fields: [(String, T)] = [], hearings: [T] = []) -> Meeting {
        var members: [(String, T)] = [("marac", .s("north")), ("date", .d(day(date))), ("kind", .s("scheduled"))]
        members += fields
        if !hearings.isEmpty { members.append(("hearing", .a(hearings))) }
        var problems: [Diagnostic] = []
        return Meeting(table: T.table(members), file: "meetings/\(date.prefix(4))/\(date)-north.toml", problems: &problems)
    }

    static func hearing(_ caseID: String, actions: [T] = [], extra: [(String, T)] = []) -> T {
        var members: [(String, T)] = [("case", .s(caseID)), ("presented_by", .s("police"))]
        if !actions.isEmpty { members.append(("action", .a(actions))) }
        return .t(members + extra)
    }

    static func configuration(
        profile: String, frequency: String = "monthly", firstMeeting: String = "2026-01-08",
        closures: [String] = [], rules: [(String, T)] = [], maracExtra: [(String, T)] = [], extra: [(String, T)] = []
    ) -> Configuration {
        let members: [(String, T)] = [
            ("name", .s("Test MARAC")), ("profile", .s(profile)), ("rules", .t(rules)),
            ("calendar", .t([("region", .s("england-and-wales")), ("closures", .a(closures.map { .d(day($0)) }))])),
            ("marac", .a([.t([("id", .s("north")), ("name", .s("North")), ("frequency", .s(frequency)),
                               ("first_meeting", .d(day(firstMeeting)))] + maracExtra)])),
            ("agency", .a([
                .t([("id", .s("police")), ("name", .s("Police")), ("kind", .s("police"))]),
                .t([("id", .s("health")), ("name", .s("Health")), ("kind", .s("health"))]),
                .t([("id", .s("housing")), ("name", .s("Housing")), ("kind", .s("housing"))]),
            ])),
        ]
        let table = T.table(extra + members)
        var problems: [Diagnostic] = []
        return Configuration(table: table, problems: &problems)
    }

    static func repository(_ configuration: Configuration, cases: [Case] = [], meetings: [Meeting] = []) -> Repository {
        Repository(
            root: URL(fileURLWithPath: "/nonexistent"), configuration: configuration, cases: cases, meetings: meetings,
            diagnostics: [], recordFileCount: cases.count + meetings.count)
    }

    static func check(
        _ profile: String, asOf: String, cases: [Case] = [], meetings: [Meeting] = [], closures: [String] = [],
        rules: [(String, T)] = [], frequency: String = "monthly", firstMeeting: String = "2026-01-08",
        extra: [(String, T)] = []
    ) throws -> [Breach] {
        let configuration = configuration(
            profile: profile, frequency: frequency, firstMeeting: firstMeeting, closures: closures, rules: rules, extra: extra)
        let repository = repository(configuration, cases: cases, meetings: meetings)
        let engine = try ProtocolEngine.load(configuration)
        return BreachCheck(repository: repository, engine: engine, asOf: day(asOf)).breaches()
    }

    /// The engine of a test configuration.
    static func engine(
        _ profile: String, rules: [(String, T)] = [], frequency: String = "monthly", firstMeeting: String = "2026-01-08"
    ) throws -> ProtocolEngine {
        try ProtocolEngine.load(configuration(profile: profile, frequency: frequency, firstMeeting: firstMeeting, rules: rules))
    }
}
