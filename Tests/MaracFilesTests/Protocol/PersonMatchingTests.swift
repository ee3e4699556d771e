import XCTest
@testable import MaracProtocol
@testable import MaracRecords

final class PersonMatchingTests: XCTestCase {
    func testNormalisation() {
        let rows: [(String, String)] = [
            ("Sarah-Jane Okafor", "sarah jane okafor"),
            ("  SARAH   JANE  OKAFOR ", "sarah jane okafor"),
            ("Zoë Brontë", "zoe bronte"),
            ("Siân O'Neill", "sian oneill"),
            ("Siân O\u{2019}Neill", "sian oneill"),
            ("Kaur\u{2013}Sandhu", "kaur sandhu"),
            ("J. R. Smith", "j r smith"),
        ]
        for (name, expected) in rows { XCTAssertEqual(PersonMatching.normalise(name), expected, name) }
    }

    private func person(_ name: String, dob: String? = nil, aliases: [String] = []) -> Person {
        Records.case("2026-TEST-001", victim: Records.person(name, dob: dob, aliases: aliases), referrals: []).victim!
    }

    func testSamePerson() {
        let rows: [(Person, Person, Bool, String)] = [
            (person("Sarah-Jane Okafor", dob: "1995-08-26"), person("Sarah Jane OKAFOR", dob: "1995-08-26"), true, "hyphen and case"),
            (person("Lewis Hartley", dob: "1991-02-11"), person("Lewis James Hartley", dob: "1991-02-11"), true, "middle name"),
            (person("Lew Hartley", dob: "1991-02-11"), person("Lewis Hartley", dob: "1991-02-11", aliases: ["Lew Hartley"]), true, "alias"),
            (person("Lewis Hartley", dob: "1991-02-11"), person("Lewis Hartley", dob: "1991-02-12"), false, "different dob"),
            (person("Lewis Hartley"), person("Lewis Hartley", dob: "1991-02-12"), true, "one dob unknown"),
            (person("Lewis Hartley"), person("Louis Hartley"), false, "different first name"),
            (person("Hartley"), person("Lewis Hartley"), false, "surname only"),
            (person("Zoë Brontë"), person("Zoe Bronte"), true, "diacritics"),
        ]
        for (a, b, expected, label) in rows {
            XCTAssertEqual(PersonMatching.samePerson(a, b), expected, label)
            XCTAssertEqual(PersonMatching.samePerson(b, a), expected, label + " (reversed)")
        }
    }
}
