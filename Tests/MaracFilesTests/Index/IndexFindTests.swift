import XCTest
@testable import MaracBase
@testable import MaracIndex

/// Each matching rule of `mfile find` on the demo's people.
final class IndexFindTests: XCTestCase {
    nonisolated(unsafe) static var fixture: (root: URL, index: PeopleIndex)?

    override class func tearDown() {
        if let root = fixture?.root { try? FileManager.default.removeItem(at: root) }
    }

    private func index() throws -> PeopleIndex {
        if let fixture = Self.fixture { return fixture.index }
        let made = try IndexFixture.demoIndex()
        Self.fixture = made
        return made.index
    }

    private func top(_ query: String, dob: LocalDate? = nil) throws -> PeopleSearch.Hit? {
        PeopleSearch.find(NameQuery(query), dob: dob, in: try index()).first
    }

    private func assertTop(_ query: String, _ name: String, _ match: NameMatch, file: StaticString = #filePath, line: UInt = #line) throws {
        let hit = try top(query)
        XCTAssertEqual(hit?.name, name, query, file: file, line: line)
        XCTAssertEqual(hit?.match, match, query, file: file, line: line)
    }

    func testCase() throws { try assertTop("CHLOE brennan", "Chloe Brennan", .exact) }
    func testSpacing() throws {
        try assertTop("  Chloe    Brennan ", "Chloe Brennan", .exact)
        try assertTop("Roxanne Mc Bride", "Roxanne McBride", .exact)
    }
    func testDiacritics() throws { try assertTop("Chloé Brénnan", "Chloe Brennan", .exact) }
    func testHyphenation() throws {
        try assertTop("Sarah Jane Okafor", "Sarah-Jane Okafor", .exact)
        try assertTop("Deborah Kaur Sandhu", "Deborah Kaur-Sandhu", .exact)
        try assertTop("SarahJane Okafor", "Sarah-Jane Okafor", .exact)
    }
    func testMiddleNameOnOneSide() throws { try assertTop("Lewis Hartley", "Lewis Hartley", .exact) }
    func testSwappedNames() throws {
        try assertTop("Okafor Sarah-Jane", "Sarah-Jane Okafor", .swapped)
        try assertTop("Brennan, Chloe", "Chloe Brennan", .swapped)
    }
    func testAlias() throws {
        let hit = try top("Lew Hartley")
        XCTAssertEqual(hit?.match, .alias)
        XCTAssertEqual(hit?.matchedAlias, "Lew Hartley")
        XCTAssertEqual(hit?.role, .perpetrator)
        let both = PeopleSearch.find(NameQuery("Lew Hartley"), in: try index())
        XCTAssertEqual(Set(both.flatMap(\.caseIDs)), ["2025-EXMP-014", "2026-EXMP-011"])
    }
    func testMisspellings() throws {
        try assertTop("Sarah-Jane Okafur", "Sarah-Jane Okafor", .phonetic)      // sounds alike
        XCTAssertNil(try top("Katherine Lomas"))                                 // another first name: no match
        try assertTop("Chloe Brenan", "Chloe Brennan", .phonetic)
        try assertTop("Lewis Hartely", "Lewis Hartley", .phonetic)                // letters swapped
        try assertTop("Tomasz Nowack", "Tomasz Nowak", .phonetic)
        try assertTop("Nowack Tomasz", "Tomasz Nowak", .phonetic)                 // swapped and misspelt
    }
    func testOneWord() throws {
        let hits = PeopleSearch.find(NameQuery("hartley"), in: try index())
        XCTAssertTrue(hits.allSatisfy { $0.match == .word })
        XCTAssertEqual(Set(hits.map(\.role)), [.perpetrator, .child])
    }
    func testRankingAndDOB() throws {
        let hits = PeopleSearch.find(NameQuery("Lewis Hartley"), in: try index())
        XCTAssertEqual(hits.map(\.match), hits.map(\.match).sorted())
        XCTAssertEqual(hits.first?.match, .exact)
        let filtered = PeopleSearch.find(NameQuery("Lewis Hartley"), dob: LocalDate(year: 1991, month: 2, day: 11), in: try index())
        XCTAssertFalse(filtered.isEmpty)
        XCTAssertTrue(filtered.allSatisfy(\.dobMatches))
        let none = PeopleSearch.find(NameQuery("Lewis Hartley"), dob: LocalDate(year: 1990, month: 1, day: 1), in: try index())
        XCTAssertTrue(none.isEmpty)
    }
    func testNoMatch() throws {
        XCTAssertTrue(PeopleSearch.find(NameQuery("Zebedee Quartermaine"), in: try index()).isEmpty)
        XCTAssertTrue(PeopleSearch.find(NameQuery("--"), in: try index()).isEmpty)
    }

    /// The search cuts the entries into one run per core: any cut gives what one pass gives,
    /// with a person met in several runs (here every case three times over, under other ids)
    /// merged into one hit with every case and the best match.
    func testRunsGiveWhatOnePassGives() throws {
        var index = try index()
        let original = index.entries
        for copy in 1...2 {
            index.entries += original.map { entry in
                var entry = entry
                entry.stamp.path = "cases/copy\(copy)/" + entry.stamp.path
                if case .case(var item) = entry.record {
                    item.id = item.id.map { "\($0)-\(copy)" }
                    if copy == 2 { item.people = item.people.map { var p = $0; p.names.reverse(); return p } }
                    entry.record = .case(item)
                }
                return entry
            }
        }
        let bytes = IndexFormat.encode(index)
        func shown(_ hits: [PeopleSearch.Hit]) -> [String] {
            hits.map { "\($0.name)|\($0.matchedAlias ?? "")|\($0.role)|\($0.dob?.description ?? "")|\($0.match)|\($0.caseIDs)" }
        }
        for query in ["Lew Hartley", "Chloe Brennan", "Hartley", "Okafor Sarah-Jane", "Nowack Tomasz", "a"] {
            let onePass = shown(try PeopleSearch.find(NameQuery(query), dob: nil, in: bytes, runs: 1))
            if query != "a" { XCTAssertFalse(onePass.isEmpty, query) }
            for runs in 2...7 {
                XCTAssertEqual(shown(try PeopleSearch.find(NameQuery(query), dob: nil, in: bytes, runs: runs)), onePass, "\(query), \(runs) runs")
            }
        }
        let lew = try PeopleSearch.find(NameQuery("Lew Hartley"), dob: nil, in: bytes, runs: 3)
        XCTAssertEqual(lew.first?.caseIDs.count, 3)
        XCTAssertEqual(Set(lew.flatMap(\.caseIDs)).count, 6)
    }

    /// People alike in name, role and first case but born on other days come in dob order,
    /// every time.
    func testTiesAreOrderedByDob() throws {
        var index = try index()
        guard let at = index.entries.firstIndex(where: { if case .case = $0.record { true } else { false } }),
              case .case(var item) = index.entries[at].record, let victim = item.people.first else { return XCTFail("no case") }
        for day in [9, 3, 27, 14] {
            var twin = victim
            twin.role = .child
            twin.dob = LocalDate(year: 2015, month: 5, day: day)
            item.people.append(twin)
        }
        index.entries[at].record = .case(item)
        let bytes = IndexFormat.encode(index)
        let children = try PeopleSearch.find(NameQuery(victim.names[0].display), dob: nil, in: bytes).filter { $0.role == .child }
        XCTAssertEqual(children.map { $0.dob?.day }, [3, 9, 14, 27])
    }
}
