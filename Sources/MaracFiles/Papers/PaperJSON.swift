import MaracBase
import MaracJSON
import MaracRecords

/// Building blocks of the papers' template contexts. Every text taken from a record goes
/// through `text(_:)` so that it is isolated (see `PaperText.isolated`).
package enum PaperJSON {
    package static func text(_ value: String?) -> JSONValue {
        value.map { .string(PaperText.isolated($0)) } ?? .null
    }

    package static func date(_ value: LocalDate?) -> JSONValue {
        value.map { .string($0.description) } ?? .null
    }

    package static func int(_ value: Int?) -> JSONValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    static func list(_ values: [JSONValue]) -> JSONValue { .array(values) }

    /// A person as the papers show them. `aliases` is one text ("A; B") so templates can put
    /// it in a table cell.
    package static func person(_ person: Person) -> JSONValue {
        .object([
            ("role", .string(person.role.rawValue)),
            ("roleLabel", .string(roleLabel(person.role))),
            ("name", text(person.name)),
            ("aliases", person.aliases.isEmpty ? .null : text(person.aliases.joined(separator: "; "))),
            ("dob", date(person.dob)),
            ("address", text(person.address)),
            ("relationship", text(person.relationship)),
            ("inHousehold", person.inHousehold.map { .string($0 ? "yes" : "no") } ?? .null),
        ])
    }

    /// The victim, then each perpetrator, then each child of a case, as `person(_:)`.
    package static func people(_ record: Case) -> [JSONValue] {
        (record.victim.map { [$0] } ?? []).map(person) + record.perpetrators.map(person) + record.children.map(person)
    }

    static func roleLabel(_ role: Person.Role) -> String {
        switch role {
        case .victim: "Victim"
        case .perpetrator: "Perpetrator"
        case .child: "Child"
        }
    }

    /// An agency's name from marac.toml, else its id.
    package static func agencyName(_ id: String?, _ configuration: Configuration) -> JSONValue {
        guard let id else { return .null }
        return text(configuration.agency(id)?.name ?? id)
    }

    /// The heading every paper carries.
    package static func paper(
        title: String, configuration: Configuration, maracID: String?, date: LocalDate?,
        scope: SessionScope, format: PaperFormat, extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        let marking = configuration.marking.isEmpty ? "OFFICIAL-SENSITIVE" : configuration.marking
        let maracName = maracID.flatMap { configuration.marac($0)?.name } ?? configuration.name
        var members: [(key: String, value: JSONValue)] = [
            ("title", .string(scope == .closed ? "\(title) (closed session)" : title)),
            ("marking", text(marking)),
            ("closed", .bool(scope == .closed)),
            ("repository", text(configuration.name)),
            ("marac", text(maracName.isEmpty ? "MARAC" : maracName)),
            ("date", PaperJSON.date(date)),
            ("dateLong", date.map { .string(PaperText.longDate($0)) } ?? .null),
            ("html", .bool(format == .html)),
            ("markdown", .bool(format == .markdown)),
        ]
        members += extra.map { (key: $0.0, value: $0.1) }
        return .object(members)
    }
}
