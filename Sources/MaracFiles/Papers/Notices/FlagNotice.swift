import Foundation
import MaracBase
import MaracJSON
import MaracMustache
import MaracProtocol
import MaracRecords
import MaracRepository

/// The notice telling one agency which flags to lift, rendered from
/// `templates/flag-notice.md.mustache` (the repository's own, else the built-in one).
///
/// A notice names people: it is a paper, written under `papers/` (kept out of git, or
/// encrypted) or to standard output when asked, never to a log.
public enum FlagNotice {
    /// The notice for `agency` about `cases` (all due, already filtered to this agency).
    public static func render(
        agency: Configuration.Agency, cases: [(due: FlagSweep.Due, record: Case)],
        repository: Repository, period: RulePeriod, asOf: LocalDate
    ) throws(PaperError) -> String {
        let context = self.context(agency: agency, cases: cases, repository: repository, period: period, asOf: asOf)
        return try PaperTemplates(root: repository.root).render(template: templateName, context: context, escaping: .markdown)
    }

    /// The template's name (`templates/flag-notice.md.mustache`).
    public static let templateName = "flag-notice.md"

    /// What the template is rendered with.
    public static func context(
        agency: Configuration.Agency, cases: [(due: FlagSweep.Due, record: Case)],
        repository: Repository, period: RulePeriod, asOf: LocalDate
    ) -> JSONValue {
        .object([
            ("marking", .string(repository.configuration.marking)),
            ("marac_name", .string(repository.configuration.name)),
            ("as_of", .string(asOf.description)),
            ("flag_period", .string(period.description)),
            ("agency", .object([("id", .string(agency.id)), ("name", .string(agency.name))])),
            ("case_count", .integer(Int64(cases.count))),
            ("one_case", .bool(cases.count == 1)),
            ("cases", .array(cases.map { caseContext($0.due, $0.record) })),
        ])
    }

    static func caseContext(_ due: FlagSweep.Due, _ record: Case) -> JSONValue {
        let people = (record.victim.map { [$0] } ?? []) + record.perpetrators
        return .object([
            ("id", .string(due.caseID)),
            ("start", .string(due.start.description)),
            ("ended", .string(due.ended.description)),
            ("people", .array(people.map { person in
                .object([
                    ("role", .string(person.role == .victim ? "Victim" : "Perpetrator")),
                    ("name", .string(person.name ?? "")),
                    ("aliases", .string(person.aliases.joined(separator: "; "))),
                    ("dob", .string(person.dob?.description ?? "")),
                ])
            })),
        ])
    }
}
