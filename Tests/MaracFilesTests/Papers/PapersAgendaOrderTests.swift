import XCTest
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracTOML

/// The agenda's order on hand-built cases: children's cases together first, highest risk first
/// in each section, information-only repeats, Clare's Law and outgoing transfers at the end,
/// slots from the profile, and the case cap with its overflow.
final class PapersAgendaOrderTests: XCTestCase {
    typealias F = PaperFixtures
    let child = [F.PersonSpec(name: "Child", dob: "2018-01-01")]

    private func plan(_ texts: [String], rules: PaperRules = .standard, start: Int = 9 * 60 + 30) throws -> AgendaPlan {
        AgendaPlan(entries: try texts.enumerated().map { try F.entry($1, order: $0) }, rules: rules, start: start)
    }

    private func ids(_ plan: AgendaPlan) -> [String] { plan.items.map { $0.entry.record.id ?? "?" } }

    func testHighestRiskFirstWithChildrenCasesGroupedFirst() throws {
        let result = try plan([
            F.caseText(id: "A-low", score: 14),
            F.caseText(id: "B-kids-low", children: child, score: 15),
            F.caseText(id: "C-high", score: 22),
            F.caseText(id: "D-kids-high", children: child, score: 20),
            F.caseText(id: "E-merit-gold", score: 90, tool: "merit"),  // 90/72 = 1.25 of threshold; 22/14 = 1.57
        ])
        XCTAssertEqual(ids(result), ["D-kids-high", "B-kids-low", "C-high", "E-merit-gold", "A-low"])
        XCTAssertEqual(result.items.map(\.section), [.withChildren, .withChildren, .withoutChildren, .withoutChildren, .withoutChildren])
        XCTAssertEqual(result.items.map(\.number), [1, 2, 3, 4, 5])
    }

    func testEqualRiskKeepsEarlierReferralThenFileOrder() throws {
        let result = try plan([
            F.caseText(id: "late", score: 16, received: "2026-10-05"),
            F.caseText(id: "early", score: 16, received: "2026-09-20"),
            F.caseText(id: "same-day-2", score: 16, received: "2026-10-05"),
            F.caseText(id: "unscored", score: 0, criteria: ["professional-judgement"]),
        ].map { $0.replacingOccurrences(of: "risk_score = 0\n", with: "") })
        XCTAssertEqual(ids(result), ["early", "late", "same-day-2", "unscored"])
    }

    func testInformationOnlyClaresLawAndTransfersOutComeLastInThatOrder() throws {
        let result = try plan([
            F.caseText(id: "transfer", score: 24, transferOut: true),
            F.caseText(id: "dvds", score: 23, criteria: ["dvds"]),
            F.caseText(id: "info", score: 21, criteria: ["repeat"], infoOnly: true),
            F.caseText(id: "normal", score: 14),
            F.caseText(id: "kids", children: child, score: 14),
        ])
        XCTAssertEqual(ids(result), ["kids", "normal", "info", "dvds", "transfer"])
        XCTAssertEqual(result.items.map(\.section), [.withChildren, .withoutChildren, .informationOnly, .claresLaw, .transfersOut])
        let info = result.items[2]
        XCTAssertNil(info.slot, "information-only repeats take no slot")
        XCTAssertTrue(info.entry.isRepeat)
        XCTAssertEqual(result.items[3].slot?.start, 9 * 60 + 50, "slots continue after the information-only section")
    }

    func testOrderingRulesTurnedOffKeepTheMeetingFileOrder() throws {
        let rules = PaperRules(highestRiskFirst: false, claresLawLast: false, transfersOutLast: false, infoOnlySection: false)
        let result = try plan([
            F.caseText(id: "transfer", score: 24, transferOut: true),
            F.caseText(id: "low", score: 14),
            F.caseText(id: "dvds", score: 23, criteria: ["dvds"]),
        ], rules: rules)
        XCTAssertEqual(ids(result), ["transfer", "low", "dvds"])
    }

    func testSlotsFollowTheProfile() throws {
        let gwent = PaperRules(effective: try ProtocolRules.effective(profile: "gwent", overrides: TOMLTable()))
        XCTAssertEqual(gwent.slotWithChildren, 15)
        XCTAssertEqual(gwent.slotWithoutChildren, 10)
        let result = try plan([
            F.caseText(id: "kids", children: child, score: 20),
            F.caseText(id: "adult", score: 20),
            F.caseText(id: "kids2", children: child, score: 18),
        ], rules: gwent, start: 10 * 60)
        XCTAssertEqual(result.items.map { $0.slot!.start }, [600, 615, 630])
        XCTAssertEqual(result.items.map { $0.slot!.end }, [615, 630, 640])
        XCTAssertEqual(result.end, 640)

        let westMidlands = PaperRules(effective: try ProtocolRules.effective(profile: "west-midlands", overrides: TOMLTable()))
        XCTAssertEqual(westMidlands.slotWithChildren, 10, "a profile without slot lengths gets 10 minutes")
        XCTAssertEqual(westMidlands.maxCases, 25)
        XCTAssertTrue(westMidlands.highestRiskFirst)
    }

    func testCaseCapSendsTheLowestRiskCasesToTheChairsOverflowList() throws {
        let westMidlands = PaperRules(effective: try ProtocolRules.effective(profile: "west-midlands", overrides: TOMLTable()))
        var texts: [String] = []
        for n in 1...25 { texts.append(F.caseText(id: "case-\(n)", score: 15 + n % 5)) }
        texts.append(F.caseText(id: "lowest", score: 14))
        texts.append(F.caseText(id: "also-low", score: 14, received: "2026-10-02"))
        texts.append(F.caseText(id: "info", score: 3, criteria: ["repeat"], infoOnly: true))
        let result = try plan(texts, rules: westMidlands)
        let slotted = result.items.filter { $0.slot != nil }
        XCTAssertEqual(slotted.count, 25)
        XCTAssertEqual(result.overflow.map { $0.record.id! }, ["lowest", "also-low"])
        XCTAssertFalse(ids(result).contains("lowest"))
        XCTAssertTrue(ids(result).contains("info"), "information-only repeats do not count towards the cap")
    }

    func testCapOverflowIsShownOnTheAgenda() throws {
        var files: [(String, String)] = []
        var hearings = ""
        for n in 1...26 {
            let id = "2026-TEST-\(n < 10 ? "00" : "0")\(n)"
            files.append(("cases/2026/\(id).toml", F.caseText(id: id, score: n == 26 ? 14 : 20)))
            hearings += "[[hearing]]\ncase = \"\(id)\"\npresented_by = \"police\"\n\n"
        }
        files.append(("meetings/2026/2026-11-05-north.toml", "marac = \"north\"\ndate = 2026-11-05\nkind = \"scheduled\"\n\n" + hearings))
        let root = try F.repository(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try F.load(root)
        let html = try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: .html)
        XCTAssertTrue(html.contains("Over the limit of 25 cases"))
        let md = try F.render(.agenda(meeting: "2026-11-05-north", start: 570), repository, format: .markdown)
        let overflow = try XCTUnwrap(md.range(of: "## Over the limit of 25 cases"))
        XCTAssertTrue(md[overflow.upperBound...].contains("2026-TEST-026"))
        XCTAssertFalse(md[..<overflow.lowerBound].contains("2026-TEST-026"))
    }
}
