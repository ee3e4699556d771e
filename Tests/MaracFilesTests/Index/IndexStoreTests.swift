import XCTest
@testable import MaracBase
@testable import MaracIndex
@testable import MaracRepository

/// The index file: round trip, damage detected, staleness detected, incremental updates.
final class IndexStoreTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try IndexFixture.demoIndex().root
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var indexFile: URL { IndexStore.url(root: root) }

    func testRoundTrip() throws {
        let bytes = try IndexBuilder.build(root: root).bytes
        let decoded = try IndexFormat.decode(bytes)
        XCTAssertEqual(IndexFormat.encode(decoded), bytes, "the builder and the encoder write the same bytes")
        XCTAssertEqual(decoded.cases.count, 23)
        XCTAssertEqual(decoded.meetings.count, 5)
        let linked = decoded.cases.first { $0.id == "2026-EXMP-011" }
        XCTAssertEqual(linked?.links.map(\.caseID), ["2025-EXMP-014"])
        XCTAssertEqual(linked?.hearings, [LocalDate(year: 2026, month: 11, day: 5)])
        let repeated = decoded.cases.first { $0.id == "2025-EXMP-014" }
        XCTAssertEqual(repeated?.repeats.map(\.referral), [2])
        XCTAssertEqual(decoded.cases.first { $0.id == "2026-EXMP-003" }?.hearings.count, 2)
    }

    func testFreshIndexIsUsedAsItIs() throws {
        XCTAssertEqual(try IndexStore.current(root: root).refresh, .fresh)
        let again = try IndexBuilder.update(root: root, previous: try IndexFormat.raw(FileSystem.read(indexFile)))
        XCTAssertTrue(again.unchanged)
        XCTAssertEqual(again.filesRead, 0)
    }

    func testTruncatedIndexIsRebuilt() throws {
        let bytes = try FileSystem.read(indexFile)
        for length in [0, 5, 20, bytes.count / 2, bytes.count - 1] {
            try AtomicWrite.write(Array(bytes.prefix(length)), to: indexFile)
            if length >= 8 {
                XCTAssertThrowsError(try IndexFormat.decode(Array(bytes.prefix(length)))) { error in
                    XCTAssertEqual(error as? IndexFormat.Problem, .truncated, "length \(length)")
                }
            }
            guard case .rebuilt = try IndexStore.current(root: root).refresh else {
                return XCTFail("a cut-short index (\(length) bytes) was trusted")
            }
            XCTAssertEqual(try FileSystem.read(indexFile), bytes, "rebuilt index differs")
        }
    }

    func testFlippedByteIsDetected() throws {
        let bytes = try FileSystem.read(indexFile)
        for position in [IndexFormat.headerSize, bytes.count / 3, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x20
            XCTAssertThrowsError(try IndexFormat.decode(damaged)) { error in
                XCTAssertEqual(error as? IndexFormat.Problem, .badChecksum)
            }
            try AtomicWrite.write(damaged, to: indexFile)
            XCTAssertEqual(try IndexStore.current(root: root).refresh, .rebuilt(reason: IndexFormat.Problem.badChecksum.description))
            XCTAssertEqual(try FileSystem.read(indexFile), bytes)
        }
        var header = bytes
        header[0] = UInt8(ascii: "X")
        XCTAssertThrowsError(try IndexFormat.decode(header)) { XCTAssertEqual($0 as? IndexFormat.Problem, .notAnIndex) }
    }

    func testWrongVersionIsRebuilt() throws {
        var bytes = try FileSystem.read(indexFile)
        bytes[8] = 99
        XCTAssertThrowsError(try IndexFormat.decode(bytes)) { XCTAssertEqual($0 as? IndexFormat.Problem, .wrongVersion(99)) }
        try AtomicWrite.write(bytes, to: indexFile)
        guard case .rebuilt = try IndexStore.current(root: root).refresh else { return XCTFail("wrong version trusted") }
    }

    func testChangedCaseFileIsPickedUp() throws {
        let file = root.appendingPathComponent("cases/2026/2026-EXMP-011.toml")
        try replaceLine(in: file, containing: "name = \"Chloe Brennan\"", with: "name = \"Chloe Marsden\"")
        try IndexFixture.bumpTime(file)
        let bytes = try FileSystem.read(indexFile)
        XCTAssertFalse(IndexStore.isFresh(bytes, root: root))
        let stored = try IndexFormat.raw(bytes)
        let outcome = try IndexBuilder.update(root: root, previous: stored)
        XCTAssertEqual(outcome.filesRead, 1)
        XCTAssertEqual(outcome.filesDecoded, 1)
        XCTAssertEqual(outcome.filesReused, 27)
        XCTAssertEqual(outcome.bytes, try IndexBuilder.build(root: root).bytes)
        // The changed case, and 2025-EXMP-014 which shares its perpetrator's blocking key.
        XCTAssertEqual(outcome.casesRelated, 2)

        let (index, refresh) = try IndexStore.current(root: root)
        XCTAssertEqual(refresh, .updated)
        XCTAssertEqual(PeopleSearch.find(NameQuery("Chloe Marsden"), in: index).first?.caseIDs, ["2026-EXMP-011"])
        XCTAssertTrue(PeopleSearch.find(NameQuery("Chloe Brennan"), in: index).isEmpty)
        XCTAssertEqual(try IndexStore.current(root: root).refresh, .fresh)
    }

    func testIncrementalRelationsEqualAFullBuild() throws {
        // 2026-EXMP-011's perpetrator renamed: its link with 2025-EXMP-014 goes from both cases,
        // though 2025-EXMP-014's file is not touched.
        let file = root.appendingPathComponent("cases/2026/2026-EXMP-011.toml")
        try replaceLine(in: file, containing: "name = \"Lewis James Hartley\"", with: "name = \"Kevin Stubbs\"")
        try replaceLine(in: file, containing: "aliases = [\"Lewis Hartley\"", with: "aliases = []")
        try IndexFixture.bumpTime(file)
        let outcome = try IndexBuilder.update(root: root, previous: try IndexFormat.raw(FileSystem.read(indexFile)))
        XCTAssertEqual(outcome.casesRelated, 2)
        XCTAssertEqual(outcome.bytes, try IndexBuilder.build(root: root).bytes)
        let index = try IndexFormat.decode(outcome.bytes)
        XCTAssertEqual(index.cases.first { $0.id == "2025-EXMP-014" }?.links.count, 0)
        XCTAssertEqual(index.cases.first { $0.id == "2025-EXMP-014" }?.repeats.count, 1)

        // And back: the link returns.
        try IndexStore.save(outcome.bytes, root: root)
        try replaceLine(in: file, containing: "name = \"Kevin Stubbs\"", with: "name = \"Lewis Hartley\"")
        try IndexFixture.bumpTime(file, seconds: 10)
        let back = try IndexBuilder.update(root: root, previous: try IndexFormat.raw(FileSystem.read(indexFile)))
        XCTAssertEqual(back.bytes, try IndexBuilder.build(root: root).bytes)
        XCTAssertEqual(try IndexFormat.decode(back.bytes).cases.first { $0.id == "2025-EXMP-014" }?.links.map(\.caseID), ["2026-EXMP-011"])
    }

    func testTouchedFileIsHashedNotDecoded() throws {
        let file = root.appendingPathComponent("cases/2025/2025-EXMP-002.toml")
        try IndexFixture.bumpTime(file)
        let stored = try IndexFormat.raw(FileSystem.read(indexFile))
        let outcome = try IndexBuilder.update(root: root, previous: stored)
        XCTAssertEqual(outcome.filesRead, 1)
        XCTAssertEqual(outcome.filesDecoded, 0)
        XCTAssertEqual(outcome.casesRelated, 0)
        XCTAssertFalse(outcome.unchanged)  // the stamp moved, so the index is written again
    }

    func testNewAndRemovedFiles() throws {
        let source = root.appendingPathComponent("cases/2026/2026-EXMP-015.toml")
        try FileManager.default.removeItem(at: source)
        var (index, refresh) = try IndexStore.current(root: root)
        XCTAssertEqual(refresh, .updated)
        XCTAssertEqual(index.cases.count, 22)
        let meeting = root.appendingPathComponent("meetings/2026/2026-12-03-north.toml")
        try FileManager.default.removeItem(at: meeting)
        (index, refresh) = try IndexStore.current(root: root)
        XCTAssertEqual(index.meetings.count, 4)
        XCTAssertEqual(index.cases.first { $0.id == "2026-EXMP-016" }?.hearings, [])
    }

    func testMissingIndexIsBuilt() throws {
        try FileManager.default.removeItem(at: indexFile)
        XCTAssertEqual(try IndexStore.current(root: root).refresh, .rebuilt(reason: "there was no index"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: indexFile.path))
    }

    func testConfigurationChangeIsStale() throws {
        let config = root.appendingPathComponent("marac.toml")
        try replaceLine(in: config, containing: "[rules]", with: "[rules]  # edited")
        try IndexFixture.bumpTime(config)
        XCTAssertEqual(try IndexStore.current(root: root).refresh, .updated)
    }
}

extension IndexStoreTests {
    func testNoRefreshUsesTheStoredIndexButNotADamagedOne() throws {
        let file = root.appendingPathComponent("cases/2026/2026-EXMP-011.toml")
        try replaceLine(in: file, containing: "name = \"Chloe Brennan\"", with: "name = \"Chloe Marsden\"")
        try IndexFixture.bumpTime(file)
        XCTAssertEqual(try IndexStore.currentBytes(root: root, checkFreshness: false).refresh, .fresh)
        var bytes = try FileSystem.read(indexFile)
        bytes[bytes.count - 1] ^= 1
        try AtomicWrite.write(bytes, to: indexFile)
        guard case .rebuilt = try IndexStore.currentBytes(root: root, checkFreshness: false).refresh else {
            return XCTFail("a damaged index was trusted")
        }
    }
}
