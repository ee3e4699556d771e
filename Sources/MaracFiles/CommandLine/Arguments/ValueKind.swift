import MaracBase
import MaracPapers

/// What an option's value or a positional argument must look like. The parser checks every
/// value against its kind before a command runs, with one message per kind; a value that is
/// not an id is never echoed back (it could be a name typed in the wrong place).
public enum ValueKind: Sendable, Equatable {
    /// Any text that is not empty or blank.
    case text
    /// A file or folder path.
    case path
    /// A date written `YYYY-MM-DD`.
    case date
    /// A year written `YYYY`, 1900 to 2200 (the years the calendar knows).
    case year
    /// A time of day written `HH:MM`.
    case time
    /// A calendar quarter written `YYYYQN`.
    case quarter
    /// An id: letters, digits, hyphens and underscores (a case, meeting, agency or MARAC id).
    case id
    /// A case id (`CaseID`): letters, digits and hyphens.
    case caseID
    /// One of these words.
    case choice([String])

    /// The check, or the reason the value does not fit (never containing the value unless it
    /// is an id or a number).
    func problem(_ value: String) -> String? {
        switch self {
        case .text, .path:
            return value.allSatisfy(\.isWhitespace) ? "may not be empty" : nil
        case .date:
            return LocalDate(isoText: value) == nil ? "needs a date written YYYY-MM-DD, e.g. 2026-11-23" : nil
        case .year:
            guard value.count == 4, let year = Int(value), (1900...2200).contains(year) else {
                return "needs a year written YYYY between 1900 and 2200"
            }
            return nil
        case .time:
            return PaperText.minutes(clock: value) == nil ? "needs a time written HH:MM, e.g. 09:30" : nil
        case .quarter:
            return ValueKind.quarter(value) == nil ? "needs a quarter written YYYYQN, e.g. 2026Q3" : nil
        case .id:
            return ValueKind.isID(value) ? nil : "takes an id (letters, digits and hyphens)"
        case .caseID:
            return CaseID.isValid(value) ? nil : "takes a case id (letters, digits and hyphens, such as 2026-EXMP-001)"
        case .choice(let words):
            return words.contains(value) ? nil : "must be one of: \(words.joined(separator: ", "))"
        }
    }

    /// Whether `value` is written as an id: 1 to 100 letters, digits, hyphens or underscores.
    public static func isID(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 100 && value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        }
    }

    /// `YYYYQN` as its first and last day.
    public static func quarter(_ text: String) -> (first: LocalDate, last: LocalDate)? {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, let year = Int(parts[0]),
            let quarter = Int(parts[1]), (1...4).contains(quarter)
        else { return nil }
        let lastDay = [31, 30, 30, 31][quarter - 1]
        return (LocalDate(year: year, month: quarter * 3 - 2, day: 1), LocalDate(year: year, month: quarter * 3, day: lastDay))
    }
}
