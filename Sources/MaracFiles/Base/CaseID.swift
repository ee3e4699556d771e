/// What a case id may be: the one answer the schema (`case.schema.json#/$defs/caseId`, kept
/// equal by a test), lint's file-name rule, the command line's CASE and `ShownID` share.
///
/// A case id names the case's file (`cases/YYYY/<id>.toml`), so it is path-safe: 1 to 64
/// ASCII letters, digits and hyphens, starting and ending with a letter or digit. `mfile new
/// case` allocates `YYYY-TTTT-NNN`; a MARAC moving to mfile may keep its own references as
/// ids (`EXB-25-0311`). Anything else in an id field is a schema error and is never echoed
/// (`ShownID.caseID` shows a placeholder): it could be a name typed in the wrong place.
public enum CaseID {
    /// The longest id accepted, in characters.
    public static let maximumLength = 64

    /// The JSON Schema pattern of the same rule.
    public static let pattern = "^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?$"

    /// How the schema and the messages describe it.
    public static let description = "a case id of letters, digits and hyphens, such as 2026-EXMP-001"

    /// Whether `text` is a valid case id.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= maximumLength else { return false }
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        return isLetterOrDigit(first) && isLetterOrDigit(last) && bytes.allSatisfy { isLetterOrDigit($0) || $0 == 0x2D }
    }
}
