import MaracBase

/// A person named in a case: the victim, a perpetrator or a child.
public struct Person: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case victim, perpetrator, child
    }

    public var role: Role
    public var name: String?
    public var aliases: [String]
    public var dob: LocalDate?
    public var gender: String?
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
    /// The equality fields the person's table has, whatever their values.
    public var equalityFieldsWritten: EqualityFieldSet
    /// Where the person's table is written, for diagnostics.
    public var positions = FilePositions<TableStart>()
    /// `address`, read from the file (see `FreeText`).
    package var freeText: FreeText?

    /// The equality fields a victim must carry, with the field names used in records.
    public static let equalityFields = EqualityField.allCases.map(\.rawValue)

    package init(role: Role, _ reader: FieldReader, problems: inout [Diagnostic]) {
        self.role = role
        name = reader.string("name")
        aliases = reader.strings("aliases")
        dob = reader.date("dob", &problems)
        gender = reader.string("gender")
        relationship = reader.string("relationship")
        inHousehold = reader.bool("in_household")
        employedByPartnerAgency = reader.bool("employed_by_partner_agency") ?? false
        ethnicity = reader.string("ethnicity")
        sexualOrientation = reader.string("sexual_orientation")
        disability = reader.string("disability")
        equalityFieldsWritten = EqualityFieldSet.written { reader.has($0.rawValue) }
        positions = FilePositions(TableStart(start: reader.position))
        freeText = FreeText(reader, ["address"])
    }

    /// A person with no fields written yet (the index fills in what it kept).
    package init(role: Role) {
        self.role = role
        aliases = []
        employedByPartnerAgency = false
        equalityFieldsWritten = []
    }

    /// Where the person's table starts in its file.
    public var position: SourcePosition? { positions.start }

    /// The address as written in the file (`nil` in a person rebuilt from the index).
    public var address: String? { freeText?["address"] }
}
