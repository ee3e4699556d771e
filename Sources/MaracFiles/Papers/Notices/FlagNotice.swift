import Foundation
import MaracBase
import MaracJSON
import MaracMustache
import MaracProtocol
import MaracRecords
import MaracRepository

/// The notice telling one agency which flags to lift, rendered from
/// `templates/flag-notice.md.mustache` (or the built-in copy when the repository has none).
///
/// A notice names people: it is a paper, written under `papers/` (kept out of git, or
/// encrypted) or to standard output when asked, never to a log.
public enum FlagNotice {
    public static let templatePath = "templates/flag-notice.md.mustache"

    /// The template: the repository's own, else the built-in one.
    public static func template(root: URL) throws -> MustacheTemplate {
        let url = root.appendingPathComponent(templatePath)
        if FileManager.default.fileExists(atPath: url.path) {
            return try MustacheTemplate(source: String(decoding: try FileSystem.read(url), as: UTF8.self), name: templatePath)
        }
        return try MustacheTemplate(source: builtInTemplate, name: templatePath)
    }

    /// The notice for `agency` about `cases` (all due, already filtered to this agency).
    public static func render(
        _ template: MustacheTemplate, agency: Configuration.Agency, cases: [(due: FlagSweep.Due, record: Case)],
        repository: Repository, period: RulePeriod, asOf: LocalDate
    ) throws -> String {
        let context: JSONValue = .object([
            ("marking", .string(repository.configuration.marking)),
            ("marac_name", .string(repository.configuration.name)),
            ("as_of", .string(asOf.description)),
            ("flag_period", .string(period.description)),
            ("agency", .object([("id", .string(agency.id)), ("name", .string(agency.name))])),
            ("case_count", .integer(Int64(cases.count))),
            ("one_case", .bool(cases.count == 1)),
            ("cases", .array(cases.map { caseContext($0.due, $0.record) })),
        ])
        return try template.render(context, escaping: .markdown)
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

    /// The shipped template (the same text as the demo's `templates/flag-notice.md.mustache`).
    public static let builtInTemplate = """
        **{{marking}}**

        # MARAC flags to lift: {{agency.name}}

        {{marac_name}}, {{as_of}}

        The flag period ({{flag_period}}) has ended, with no repeat referral, for the
        {{case_count}} case{{^one_case}}s{{/one_case}} below. Please remove the MARAC flags (markers,
        alerts, warnings) from the records of the people named, on every system of {{agency.name}},
        and reply to the MARAC administrator to confirm.

        {{#cases}}
        ## Case {{id}}

        Flag period ended {{ended}} (last incident or referral {{start}}).

        | Role | Name | Also known as | Date of birth |
        |---|---|---|---|
        {{#people}}
        | {{role}} | {{name}} | {{aliases}} | {{dob}} |
        {{/people}}

        {{/cases}}
        **{{marking}}**

        """
}
