import Foundation
import XCTest
@testable import MaracBase
@testable import MaracRepository
@testable import MaracTransfer

/// A bundle's record data is enough to render the case's papers again: for every demo case,
/// the case minutes of every hearing the referrals paper and the action plan rendered from the extracts equal
/// those rendered from the whole repository.
final class TransferExtractTests: XCTestCase {
    func testEveryDemoCaseRendersTheSameFromItsExtract() throws {
        let repository = try Repository.load(at: DemoRepository.root)
        let schemas = try RecordSchemas.load(repository: DemoRepository.root)
        var rendered = 0
        for record in repository.cases {
            let id = try XCTUnwrap(record.id)
            let data = try TransferRecord.extract(record, from: repository)
            let extract = data.repository(root: DemoRepository.root, schemas: schemas)
            XCTAssertEqual(extract.diagnostics.filter { $0.severity == .error }.map(\.line), [], id)
            let whole = try CasePapers.render(record, repository: repository, parts: Set(CasePapers.Part.allCases), asOf: LocalDate(year: 2026, month: 11, day: 23))
            let fromExtract = try CasePapers.render(
                try XCTUnwrap(extract.cases.first), repository: extract, parts: Set(CasePapers.Part.allCases),
                asOf: LocalDate(year: 2026, month: 11, day: 23))
            XCTAssertEqual(whole.map(\.path), fromExtract.map(\.path), id)
            for (a, b) in zip(whole, fromExtract) {
                XCTAssertEqual(a.html, b.html, "\(id) \(a.path)")
                rendered += 1
            }
            // Extracts hold this case's hearings only, and no attendance.
            for meeting in data.meetings {
                let text = String(decoding: meeting.bytes, as: UTF8.self)
                XCTAssertFalse(text.contains("[[attendee]]") || text.contains("[[apology]]"), meeting.id)
                let others = repository.cases.compactMap(\.id).filter { $0 != id }
                XCTAssertFalse(others.contains { text.contains("\"\($0)\"") }, "\(id) \(meeting.id)")
            }
        }
        XCTAssertGreaterThan(rendered, repository.cases.count)
    }

    func testBothHearingsOfATwiceHeardCaseAreExtractedInDateOrder() throws {
        let repository = try Repository.load(at: DemoRepository.root)
        let record = try XCTUnwrap(repository.findCase("2026-EXMP-003"))
        let data = try TransferRecord.extract(record, from: repository)
        XCTAssertEqual(data.meetings.count, 2)
        XCTAssertEqual(data.meetings.map(\.id), data.meetings.map(\.id).sorted())
    }
}
