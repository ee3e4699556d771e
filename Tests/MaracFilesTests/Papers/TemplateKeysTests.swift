import Foundation
import XCTest
@testable import MaracBase
@testable import MaracPapers
@testable import MaracProtocol
@testable import MaracReports
@testable import MaracRepository

/// Every key a built-in template uses is provided by its view model: a misspelt key would
/// render as empty text (the Mustache spec's rule), so every paper of the demo is rendered
/// and every tag that found nothing is reported.
final class TemplateKeysTests: XCTestCase {
    func testEveryTemplateKeyIsProvidedOnEveryDemoPaper() throws {
        let repository = try Repository.load(at: DemoRepository.root)
        let engine = try ProtocolEngine.load(repository.configuration)
        let templates = PaperTemplates(root: nil)
        var requests: [Papers.Request.Paper] = [.register, .actions(agency: nil, asOf: LocalDate(year: 2026, month: 11, day: 23))]
        requests += repository.configuration.agencies.map { .actions(agency: $0.id, asOf: LocalDate(year: 2026, month: 11, day: 23)) }
        for meeting in repository.meetings {
            guard let id = meeting.id else { continue }
            requests += [.agenda(meeting: id, start: 570), .minutes(meeting: id)]
            requests += meeting.hearings.compactMap(\.caseID).map { .caseMinutes(meeting: id, caseID: $0) }
        }
        var missing: Set<String> = []
        var rendered = 0
        for paper in requests {
            for format in [PaperFormat.html, .markdown] {
                for scope in [SessionScope.general, .closed] {
                    let request = Papers.Request(paper, format: format, scope: scope)
                    guard let context = try? Papers.context(request, repository: repository, engine: engine) else { continue }
                    missing.formUnion(try templates.missingNames(
                        template: "\(Papers.templateName(paper)).\(format.rawValue)", context: context, escaping: format.escaping))
                    rendered += 1
                }
            }
        }
        let asOf = LocalDate(year: 2026, month: 11, day: 23)
        let period = try Sweep.flagPeriod(engine)
        let due = FlagSweep.due(repository, records: ProtocolRecords(engine: engine, repository: repository), asOf: asOf)
        XCTAssertFalse(due.isEmpty)
        for agency in repository.configuration.agencies {
            let cases = due.filter { $0.agencies.contains(agency.id) }.compactMap { item in repository.findCase(item.caseID).map { (due: item, record: $0) } }
            guard !cases.isEmpty else { continue }
            let context = FlagNotice.context(agency: agency, cases: cases, repository: repository, period: period, asOf: asOf)
            missing.formUnion(try templates.missingNames(template: FlagNotice.templateName, context: context, escaping: .markdown))
            rendered += 1
        }
        XCTAssertGreaterThan(rendered, 100)
        XCTAssertEqual(missing.sorted(), [], "template tags that no view model provides")
    }
}
