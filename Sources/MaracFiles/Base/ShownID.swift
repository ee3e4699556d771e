/// How ids and key names taken from records appear in messages: as written when they are
/// valid ids (or plain field names), otherwise a placeholder. Someone may type a person's name
/// into an id field or as a key; a message, a CI log or a report line must never repeat it.
public enum ShownID {
    /// What stands for an id that is not valid.
    public static let invalidCase = "(a case id that is not valid)"
    public static let invalidMeeting = "(a meeting id that is not valid)"
    public static let invalidName = "(an id that is not valid)"
    public static let invalidKey = "(a key that is not a plain field name)"

    /// A case id: any path-safe id of letters, digits and hyphens (`CaseID.isValid`; `mfile
    /// new case` allocates `YYYY-TTTT-NNN`, a MARAC may keep its own references).
    public static func isCaseID(_ text: String) -> Bool { CaseID.isValid(text) }

    /// A MARAC or agency id: lower-case letters, digits and `-`, starting with a letter or digit.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 40, isDigit(first) || isLower(first) else { return false }
        return text.utf8.allSatisfy { isDigit($0) || isLower($0) || $0 == UInt8(ascii: "-") }
    }

    /// A meeting id: `YYYY-MM-DD-<marac id>`.
    public static func isMeetingID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 11, bytes[4] == 45, bytes[7] == 45, bytes[10] == 45 else { return false }
        let date = bytes[0..<10].enumerated().allSatisfy { index, byte in [4, 7].contains(index) || isDigit(byte) }
        return date && isName(String(decoding: bytes[11...], as: UTF8.self))
    }

    /// A key as a plain field name: lower-case letters, digits, `_` and `-`.
    public static func isFieldName(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 40
            && key.utf8.allSatisfy { $0 == 95 || $0 == 45 || isDigit($0) || isLower($0) }
    }

    public static func caseID(_ text: String) -> String { isCaseID(text) ? text : invalidCase }
    public static func meetingID(_ text: String) -> String { isMeetingID(text) ? text : invalidMeeting }
    /// A MARAC or agency id.
    public static func name(_ text: String) -> String { isName(text) ? text : invalidName }
    /// A key, quoted: `'first_meeting'`.
    public static func key(_ key: String) -> String { isFieldName(key) ? "'\(key)'" : invalidKey }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (97...122).contains(byte) }
}
