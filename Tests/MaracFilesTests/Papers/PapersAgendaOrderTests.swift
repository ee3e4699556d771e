import XCTest
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracTOML

/// The agenda's order on hand-built cases, from the effective rules only: a switch that is off
/// is not done. West Midlands: children's cases first [000 §4, 002 §2 IV], the meeting file's
/// order within, information-only repeats, Clare's Law and outgoing transfers last [000 §27,
/// 004], no times. Gwent: the file's order, 15/10-minute slots [001 §4.10]. Liverpool: one list
/// by risk [003 MOP §9.4], 10-minute slots [003 App.4]. The case cap with its overflow [000 §10].
final class PapersAgendaOrderTests: XCTestCase {
    typealias F = PaperFixtures
    let child = [F.PersonSpec(name: "Child", dob: "2018-01-01")]

    func testWestMidlandsHearsChildrenFirstInTheMeetingFilesOrder() throws {
        let result = try F.agenda([
            F.caseText(id: "A-low", score: 14),
            F.caseText(id: "B-kids-low", children: child, score: 15),
            F.caseText(id: "C-high", score: 22),
            F.caseText(id: "D-kids-high", children: child, score: 20),
        ], try F.engine("west-midlands"))
        XCTAssertEqual(result.ids, ["B-kids-low", "D-kids-high", "A-low", "C-high"])
        XCTAssertEqual(result.order.items.map(\.section), [.withChildren, .withChildren, .withoutChildren, .withoutChildren])
        XCTAssertFalse(result.order.timed, "West Midlands gives no slot lengths")
        XCTAssertTrue(result.order.items.allSatisfy { $0.slot == nil })
        // With agenda_highest_risk_first switched on, risk orders each group.
        let byRisk = try F.agenda([
            F.caseText(id: "A-low", score: 14),
            F.caseText(id: "B-kids-low", children: child, score: 15),
            F.caseText(id: "C-high", score: 22),
            F.caseText(id: "D-kids-high", children: child, score: 20),
        ], try F.engine("west-midlands", rules: "agenda_highest_risk_first = true"))
        XCTAssertEqual(byRisk.ids, ["D-kids-high", "B-kids-low", "C-high", "A-low"])
    }

    /// 003 MOP §9.4: "The MARAC agenda is risk driven": the highest risk first across the whole
    /// agenda, not within a children's group.
    func testLiverpoolOrdersTheWholeAgendaByRisk() throws {
        let texts = [
            F.caseText(id: "kids-75", children: child, score: 75, tool: "merit"),
            F.caseText(id: "adult-95", score: 95, tool: "merit"),
        ]
        let liverpool = try F.agenda(texts, try F.engine("liverpool"))
        XCTAssertEqual(liverpool.ids, ["adult-95", "kids-75"])
        XCTAssertEqual(liverpool.order.items.map(\.section), [.cases, .cases])
        XCTAssertEqual(liverpool.order.items.map { $0.slot!.start }, [570, 580])
        let westMidlands = try F.agenda(texts, try F.engine("west-midlands"))
        XCTAssertEqual(westMidlands.ids, ["kids-75", "adult-95"])
    }

    func testEqualRiskKeepsEarlierReferralThenFileOrder() throws {
        let result = try F.agenda([
            F.caseText(id: "late", score: 80, tool: "merit", received: "2026-10-05"),
            F.caseText(id: "early", score: 80, tool: "merit", received: "2026-09-20"),
            F.caseText(id: "same-day-2", score: 80, tool: "merit", received: "2026-10-05"),
            F.caseText(id: "unscored", score: 0, tool: "merit", criteria: ["professional-judgement"]),
        ].map { $0.replacingOccurrences(of: "risk_score = 0\n", with: "") }, try F.engine("liverpool"))
        XCTAssertEqual(result.ids, ["early", "late", "same-day-2", "unscored"])
    }

    /// 003 MOP §1.3: a DASH score counts in Liverpool only from a health agency; the agenda
    /// ranks it then, and leaves a DASH score from another agency unscored.
    func testLiverpoolRanksDASHOnlyFromHealth() throws {
        let engine = try F.engine("liverpool")
        let result = try F.agenda([
            F.caseText(id: "merit-80", score: 80, tool: "merit"),
            F.caseText(id: "dash-housing", score: 20, agency: "housing"),
            F.caseText(id: "dash-health", score: 16, agency: "health"),
        ], engine)
        XCTAssertEqual(result.ids, ["dash-health", "merit-80", "dash-housing"])
        XCTAssertNil(result.candidates[1].riskRank)
    }

    func testInformationOnlyClaresLawAndTransfersOutComeLastInThatOrder() throws {
        let engine = try F.engine("west-midlands", rules: "slot_minutes_with_children = 15\nslot_minutes_without_children = 10")
        let result = try F.agenda([
            F.caseText(id: "transfer", score: 24, transferOut: true),
            F.caseText(id: "dvds", score: 23, criteria: ["dvds"]),
            F.caseText(id: "info", score: 21, criteria: ["repeat"], infoOnly: true),
            F.caseText(id: "normal", score: 14),
            F.caseText(id: "kids", children: child, score: 14),
        ], engine)
        XCTAssertEqual(result.ids, ["kids", "normal", "info", "dvds", "transfer"])
        XCTAssertEqual(result.order.items.map(\.section), [.withChildren, .withoutChildren, .informationOnly, .claresLaw, .transfersOut])
        XCTAssertNil(result.order.items[2].slot, "information-only repeats take no slot")
        XCTAssertEqual(result.order.items[3].slot?.start, 9 * 60 + 55, "slots continue after the information-only section")
        XCTAssertNil(result.order.items[4].slot, "an outgoing transfer is listed for information")
    }

    /// Gwent has none of the ordering switches [001 §4.5, §4.10]: the meeting file's order, one
    /// list, and an `info_only` repeat is listed and heard like any other case.
    func testSwitchesThatAreOffAreNotDone() throws {
        let result = try F.agenda([
            F.caseText(id: "transfer", score: 24, transferOut: true),
            F.caseText(id: "info", score: 21, criteria: ["repeat"], infoOnly: true),
            F.caseText(id: "low", score: 14),
            F.caseText(id: "dvds", score: 23, criteria: ["dvds"]),
        ], try F.engine("gwent"))
        XCTAssertEqual(result.ids, ["transfer", "info", "low", "dvds"])
        XCTAssertEqual(Set(result.order.items.map(\.section)), [.cases])
        XCTAssertEqual(result.order.items.map { $0.slot!.start }, [570, 580, 590, 600])
    }

    func testSlotsFollowTheProfile() throws {
        let result = try F.agenda([
            F.caseText(id: "kids", children: child, score: 20),
            F.caseText(id: "adult", score: 20),
            F.caseText(id: "kids2", children: child, score: 18),
        ], try F.engine("gwent"), start: 10 * 60)
        XCTAssertEqual(result.order.items.map { $0.slot!.start }, [600, 615, 625])
        XCTAssertEqual(result.order.items.map { $0.slot!.end }, [615, 625, 640])
        XCTAssertEqual(result.order.end, 640)
        // Either length switched off: no times, order only.
        let untimed = try F.agenda([F.caseText(id: "kids", children: child, score: 20)],
                                   try F.engine("gwent", rules: "slot_minutes_without_children = false"))
        XCTAssertFalse(untimed.order.timed)
        XCTAssertNil(untimed.order.items[0].slot)
    }

    /// 000 §10: "No more than 25 cases should be heard at each meeting ... cases will be risk
    /// assessed and prioritised". Information-only repeats and outgoing transfers are not
    /// heard, closed-session cases are heard apart: none counts (`countsTowardsCap`).
    func testCaseCapSendsTheLowestRiskCasesToTheChairsOverflowList() throws {
        let engine = try F.engine("west-midlands")
        var texts: [String] = []
        for n in 1...25 { texts.append(F.caseText(id: "case-\(n)", score: 15 + n % 5)) }
        texts.append(F.caseText(id: "lowest", score: 14))
        texts.append(F.caseText(id: "also-low", score: 14, received: "2026-10-02"))
        texts.append(F.caseText(id: "info", score: 3, criteria: ["repeat"], infoOnly: true))
        texts.append(F.caseText(id: "transfer", score: 3, transferOut: true))
        let result = try F.agenda(texts, engine)
        XCTAssertEqual(result.order.overflow.map { result.candidates[$0].caseID! }, ["lowest", "also-low"])
        XCTAssertFalse(result.ids.contains("lowest"))
        XCTAssertTrue(result.ids.contains("info"), "information-only repeats do not count towards the cap")
        XCTAssertTrue(result.ids.contains("transfer"), "outgoing transfers do not count towards the cap")
        XCTAssertEqual(result.candidates.filter(engine.countsTowardsCap).count, 27)
        let closed = try F.agenda([F.caseText(id: "closed", score: 20, session: "closed")], engine)
        XCTAssertFalse(engine.countsTowardsCap(closed.candidates[0]), "closed-session cases are heard apart")
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
