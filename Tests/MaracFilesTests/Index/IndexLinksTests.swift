import XCTest
@testable import MaracIndex
@testable import MaracJSON

final class IndexLinksTests: XCTestCase {
    func testDemoLinks() throws {
        let (root, index) = try IndexFixture.demoIndex()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = LinkReport(index)
        XCTAssertEqual(report.serialPerpetrators.map(\.caseIDs), [["2025-EXMP-014", "2026-EXMP-011"]])
        XCTAssertEqual(report.serialPerpetrators.first?.people.count, 2)
        XCTAssertEqual(report.victimsWithSeveralPerpetrators.map(\.caseIDs), [["2026-EXMP-016"]])
        XCTAssertEqual(report.likelyDuplicates.count, 0)
    }

    func testLikelyDuplicateAcrossCases() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        // A new case whose child is 2025-EXMP-014's "Tobi Okafor" (same dob) spelt "Toby Okafur",
        // and whose perpetrator shares a dob with 2026-EXMP-012's victim under a swapped name.
        let source = try String(contentsOf: root.appendingPathComponent("cases/2026/2026-EXMP-015.toml"), encoding: .utf8)
        var text = source.replacingOccurrences(of: "2026-EXMP-015", with: "2026-EXMP-099")
        text += "\n[[child]]\nname = \"Toby Okafur\"\ndob = 2018-04-03\nin_household = false\n"
        try text.write(to: root.appendingPathComponent("cases/2026/2026-EXMP-099.toml"), atomically: true, encoding: .utf8)
        let index = try IndexStore.current(root: root).index
        let groups = LinkReport(index).likelyDuplicates
        // The misspelt child, and (the new case being a copy of 2026-EXMP-015) that case's
        // child in two cases; the copied victim and perpetrator are already one person to
        // person matching, so they are links, not duplicates.
        XCTAssertEqual(groups.map(\.caseIDs), [["2025-EXMP-014", "2026-EXMP-099"], ["2026-EXMP-015", "2026-EXMP-099"]])
        XCTAssertEqual(Set(groups.flatMap { $0.people.map(\.role) }), [.child])
    }

    func testLinksCommandShowsIDsOnlyUnlessNames() throws {
        let plain = try runProduct("mfile", ["links"], in: DemoRepository.root)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("serial perpetrator: 2025-EXMP-014, 2026-EXMP-011"))
        XCTAssertFalse((plain.stdout + plain.stderr).contains("Hartley"))
        let named = try runProduct("mfile", ["links", "--names", "--format", "json"], in: DemoRepository.root)
        XCTAssertTrue(named.stdout.contains("Lewis James Hartley"))
    }

    func testFindCommand() throws {
        let ids = try runProduct("mfile", ["find", "lew", "hartley", "--ids-only"], in: DemoRepository.root)
        XCTAssertEqual(ids.status, 0, ids.stderr)
        XCTAssertEqual(ids.stdout, "2025-EXMP-014\n2026-EXMP-011\n")
        let text = try runProduct("mfile", ["find", "Okafor Sarah Jane", "--dob", "1995-08-26"], in: DemoRepository.root)
        XCTAssertTrue(text.stdout.hasPrefix("Sarah-Jane Okafor"), text.stdout)
        let none = try runProduct("mfile", ["find", "Nobody Atall"], in: DemoRepository.root)
        XCTAssertEqual(none.status, 1)
        let bad = try runProduct("mfile", ["find", "x", "--dob", "1995-13-01"], in: DemoRepository.root)
        XCTAssertEqual(bad.status, 2)
    }
}

extension IndexLinksTests {
    func testIndexAndLinksJSONPrintNoNames() throws {
        let root = try DemoRepository.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let index = try runProduct("mfile", ["index"], in: root)
        XCTAssertEqual(index.status, 0, index.stderr)
        XCTAssertTrue(index.stderr.hasPrefix("index: 23 cases, 5 meetings; 28 files read"), index.stderr)
        let json = try runProduct("mfile", ["links", "--format", "json"], in: root)
        XCTAssertEqual(json.status, 0, json.stderr)
        let value = try JSONParser.parse(json.stdout)
        XCTAssertNotNil(value["serial_perpetrators"])
        for text in [index.stdout + index.stderr, json.stdout + json.stderr] {
            for name in ["Okafor", "Hartley", "Brennan", "Qureshi", "1991-02-11"] { XCTAssertFalse(text.contains(name), name) }
        }
    }
}
