import Foundation
import XCTest
@testable import MaracBase
@testable import MaracIndex
@testable import MaracReports

/// A small repository written for the data return tests, every number of it counted by hand.
///
/// MARAC `east` (adult female population 20,000, source year 2023). Agencies: `wmp` (the
/// police, `kind = "police"`: the police marker, not an id spelt "police"), `health`, `idva`.
///
/// | case | victim | referral heard | heard at |
/// |---|---|---|---|
/// | A | female, white-other, heterosexual, no; 3 children, 2 in household | wmp 2026-06-20 | 07-02, again 08-06 (review) |
/// | B | **male**, black-caribbean, gay, disability yes; perpetrator **17** (born 2008-09-01) | health 2026-07-20 | 08-06 |
/// | C | female **aged 16** (born 2010-03-15), asian-pakistani, declined orientation, disability not-known; 1 child in household; perpetrator 18 that day | idva 2026-08-20 | 09-03 |
/// | D | trans-woman, ethnicity declined, heterosexual, no; **repeat** (referral 1 2026-01-10 heard 2026-02-05) | wmp 2026-07-25 | 08-06 |
/// | E | no dob, ethnicity "White British" (free text: unrecorded), gender declined | agency `fire` (not in marac.toml) | 09-03 |
/// | G | female, ethnicity not-known, bisexual, no; says `repeat` but has no earlier referral | wmp 2026-09-10 | 09-24 |
/// | F | female | wmp 2026-09-28 | 10-01 (after the quarter) |
///
/// Meetings: 2026-02-05 (D), 07-02 (A), 08-06 (A, B, D), 09-03 (C, E), 09-17 (**no cases**),
/// 09-24 (G, and 2026-FIXT-099, which has no case file), 10-01 (F). Every string a record holds starts `CANARY` where it is free text.
enum DataReturnFixture {
    static let canaries = [
        "CANARYVICTIM", "CANARYALIAS", "CANARYPERP", "CANARYCHILD", "CANARYADDRESS", "CANARYREFERRER",
        "CANARYCHAIR", "CANARYATTENDEE", "CANARYINFO", "CANARYACTION", "CANARYOWNER", "CANARYNOTE", "CANARYREASON",
        "CANARYETHNIC",
    ]

    static func write(population: Bool = true, policeMarker: Bool = true) throws -> URL {
        let root = try makeTemporaryDirectory("mfile-datareturn")
        var marac = """
            name = "Fixture MARAC"
            profile = "west-midlands"
            marking = "OFFICIAL-SENSITIVE"

            [[marac]]
            id = "east"
            name = "Fixture East MARAC"
            frequency = "monthly"
            first_meeting = 2026-01-08

            """
        if population { marac += "adult_female_population = 20000\nadult_female_population_year = 2023\n" }
        marac += """

            [[agency]]
            id = "wmp"
            name = "Fixture Police"

            """
        if policeMarker { marac += "kind = \"police\"\n" }
        marac += """

            [[agency]]
            id = "health"
            name = "Fixture Health"

            [[agency]]
            id = "idva"
            name = "Fixture IDVA"

            """
        try write(marac, root, "marac.toml")

        try writeCase(root, "2026-FIXT-001", victim: victim("1990-05-05", "female", "white-other", "heterosexual", "no"),
                      perpetrators: ["1988-01-01"], children: [true, true, false], referrals: [referral("2026-06-20", "wmp")])
        try writeCase(root, "2026-FIXT-002", victim: victim("1985-02-02", "male", "black-caribbean", "gay", "yes"),
                      perpetrators: ["2008-09-01"], children: [], referrals: [referral("2026-07-20", "health")])
        try writeCase(root, "2026-FIXT-003", victim: victim("2010-03-15", "female", "asian-pakistani", "declined", "not-known"),
                      perpetrators: ["2008-08-20"], children: [true], referrals: [referral("2026-08-20", "idva")])
        try writeCase(root, "2026-FIXT-004", victim: victim("1979-07-07", "trans-woman", "declined", "heterosexual", "no"),
                      perpetrators: ["1975-03-03"], children: [],
                      referrals: [referral("2026-01-10", "wmp"), referral("2026-07-25", "wmp", criteria: "repeat")])
        try writeCase(root, "2026-FIXT-005", victim: victim(nil, "declined", "White British", "heterosexual", "no"),
                      perpetrators: ["1970-04-04"], children: [], referrals: [referral("2026-08-25", "fire")])
        try writeCase(root, "2026-FIXT-007", victim: victim("1993-09-09", "female", "not-known", "bisexual", "no"),
                      perpetrators: ["1991-06-06"], children: [], referrals: [referral("2026-09-10", "wmp", criteria: "repeat")])
        try writeCase(root, "2026-FIXT-006", victim: victim("1996-11-11", "female", "white-british", "heterosexual", "no"),
                      perpetrators: ["1994-12-12"], children: [], referrals: [referral("2026-09-28", "wmp")])

        try writeMeeting(root, "2026-02-05", ["2026-FIXT-004"])
        try writeMeeting(root, "2026-07-02", ["2026-FIXT-001"])
        try writeMeeting(root, "2026-08-06", ["2026-FIXT-001", "2026-FIXT-002", "2026-FIXT-004"])
        try writeMeeting(root, "2026-09-03", ["2026-FIXT-003", "2026-FIXT-005"])
        try writeMeeting(root, "2026-09-17", [])
        try writeMeeting(root, "2026-09-24", ["2026-FIXT-007", "2026-FIXT-099"])
        try writeMeeting(root, "2026-10-01", ["2026-FIXT-006"])
        return root
    }

    /// The index of a fixture and its data return.
    static func report(
        _ root: URL, from: String = "2026-07-01", to: String = "2026-09-30", asOf: String = "2026-12-31"
    ) throws -> DataReturn {
        let index = try IndexFormat.decode(try IndexBuilder.build(root: root).bytes)
        let period = try XCTUnwrap(ReportPeriod(from: LocalDate(isoText: from)!, to: LocalDate(isoText: to)!))
        return DataReturn(index, period: period, asOf: LocalDate(isoText: asOf)!, settings: try DataReturnSettings.load(root: root))
    }

    private static func victim(_ dob: String?, _ gender: String, _ ethnicity: String, _ orientation: String, _ disability: String) -> String {
        """
        [victim]
        name = "CANARYVICTIM Person-ID"
        aliases = ["CANARYALIAS"]
        \(dob.map { "dob = \($0)" } ?? "")
        gender = "\(gender)"
        address = "CANARYADDRESS Street"
        ethnicity = "\(ethnicity == "White British" ? "CANARYETHNIC White British" : ethnicity)"
        sexual_orientation = "\(orientation)"
        disability = "\(disability)"

        """
    }

    private static func referral(_ received: String, _ agency: String, criteria: String = "visible-high-risk") -> String {
        """
        [[referral]]
        received = \(received)
        agency = "\(agency)"
        referrer = "CANARYREFERRER"
        incident = \(received)
        risk_tool = "dash"
        risk_score = 16
        criteria = ["\(criteria)"]
        consent = "refused"
        consent_reason = "CANARYREASON"
        decision = "accepted"
        idva_referred = \(received)

        """
    }

    private static func writeCase(
        _ root: URL, _ id: String, victim: String, perpetrators: [String], children: [Bool], referrals: [String]
    ) throws {
        var text = "id = \"\(id)\"\nmarac = \"east\"\nstatus = \"open\"\nsession = \"open\"\n\n"
            + victim.replacingOccurrences(of: "Person-ID", with: "Person" + id.suffix(3))
        for dob in perpetrators {
            text += "[[perpetrator]]\nname = \"CANARYPERP\"\ndob = \(dob)\ngender = \"male\"\naddress = \"CANARYADDRESS Road\"\nrelationship = \"ex-partner\"\n\n"
        }
        for inHousehold in children {
            text += "[[child]]\nname = \"CANARYCHILD\"\ndob = 2019-01-01\nin_household = \(inHousehold)\n\n"
        }
        text += referrals.joined()
        try write(text, root, "cases/2026/\(id).toml")
    }

    private static func writeMeeting(_ root: URL, _ date: String, _ cases: [String]) throws {
        var text = """
            marac = "east"
            date = \(date)
            kind = "scheduled"
            chair = "CANARYCHAIR"

            [[attendee]]
            agency = "wmp"
            name = "CANARYATTENDEE"
            confidentiality_signed = true

            """
        for (n, id) in cases.enumerated() {
            text += """

                [[hearing]]
                case = "\(id)"
                presented_by = "wmp"

                  [[hearing.information]]
                  agency = "wmp"
                  kind = "fact"
                  text = "CANARYINFO"

                  [[hearing.action]]
                  id = \(n + 1)
                  agency = "health"
                  owner = "CANARYOWNER"
                  text = "CANARYACTION"
                  due = \(date)
                  status = "complete"
                  completed = \(date)
                  note = "CANARYNOTE"

                """
        }
        try write(text, root, "meetings/\(date.prefix(4))/\(date)-east.toml")
    }

    private static func write(_ text: String, _ root: URL, _ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
