import MaracBase

/// A person named in a case: the victim, a perpetrator or a child.
public struct Person: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case victim, perpetrator, child
    }

    public var role: Role
    public var name: String?
    public var aliases: [String]
    public var dob: LocalDate?
    public var gender: String?
    public var address: String?
    /// Perpetrator: relationship to the victim.
    public var relationship: String?
    /// Child: lives in the victim's household.
    public var inHousehold: Bool?
    /// Works for a partner agency (the case is then heard in a closed session).
    public var employedByPartnerAgency: Bool
    /// Victim only: the equality fields, each one of `EqualityField.answers`, "declined" or
    /// "not-known".
    public var ethnicity: String?
    public var sexualOrientation: String?
    public var disability: String?
    /// Where the person's table is written, for diagnostics.
    public var position: SourcePosition?

    /// The equality fields a victim must carry, with the field names used in records.
    public static let equalityFields = EqualityField.allCases.map(\.rawValue)

    package init(role: Role, _ reader: FieldReader, problems: inout [Diagnostic]) {
        self.role = role
        self.name = reader.string("name")
        self.aliases = reader.strings("aliases")
        self.dob = reader.date("dob", &problems)
        self.gender = reader.string("gender")
        self.address = reader.string("address")
        self.relationship = reader.string("relationship")
        self.inHousehold = reader.bool("in_household")
        self.employedByPartnerAgency = reader.bool("employed_by_partner_agency") ?? false
        self.ethnicity = reader.string("ethnicity")
        self.sexualOrientation = reader.string("sexual_orientation")
        self.disability = reader.string("disability")
        self.position = reader.position
    }
}
