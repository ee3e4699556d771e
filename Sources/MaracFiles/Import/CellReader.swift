import Foundation
import MaracBase
import MaracRecords
import MaracTOML

/// Reads one cell into the value its field holds: through the map's wordings for the field
/// first, then by the field's kind. Problems say what the cell should hold, never what it holds.
struct CellReader: Sendable {
    let dateFormat: SheetDateFormat
    let listSeparator: Character
    let configuration: Configuration
    let maxCellBytes: Int

    /// The value, `nil` for an empty cell, or the problem in words for the administrator.
    func read(_ cell: CSVCell, as field: MappedField, wordings: [String: TOMLValue]?) -> Result<TOMLValue?, CellProblem> {
        if cell.isOversize { return .failure(.oversize(maxCellBytes)) }
        let text = Self.trimmed(cell.text)
        if text.isEmpty { return .success(nil) }
        if text.hasPrefix("=") { return .failure(.formula) }
        if text.unicodeScalars.contains(where: Self.isForbiddenControl) { return .failure(.control) }
        if let wordings, let value = wordings[ImportMap.fold(text)] { return .success(value) }
        switch field.kind {
        case .list(let choices):
            var items: [TOMLNode] = []
            for part in text.split(whereSeparator: { $0 == listSeparator || $0 == "\n" }) {
                let item = Self.trimmed(String(part))
                if item.isEmpty { continue }
                let value: TOMLValue
                if let mapped = wordings?[ImportMap.fold(item)] {
                    value = mapped
                } else if let choices {
                    guard let choice = Self.choice(item, in: choices) else { return .failure(.notAChoice(choices)) }
                    value = .string(choice)
                } else {
                    value = .string(item)
                }
                if case .array(let nested) = value { items += nested } else { items.append(TOMLNode(value, range: .unknown)) }
            }
            return .success(items.isEmpty ? nil : .array(items))
        default:
            return read(text, kind: field.kind).map { Optional($0) }
        }
    }

    /// A single value (not a list) read by kind.
    func read(_ text: String, kind: FieldKind) -> Result<TOMLValue, CellProblem> {
        switch kind {
        case .text:
            return .success(.string(text))
        case .date:
            guard let date = dateFormat.parse(text) else { return .failure(.notADate(dateFormat.description)) }
            return .success(.localDate(date))
        case .integer:
            var digits = Substring(text)
            if digits.hasSuffix(".0") { digits = digits.dropLast(2) }
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(digits) else {
                return .failure(.notAWholeNumber)
            }
            return .success(.integer(number))
        case .boolean:
            switch ImportMap.fold(text) {
            case "yes", "y", "true", "1": return .success(.boolean(true))
            case "no", "n", "false", "0": return .success(.boolean(false))
            default: return .failure(.notYesNo)
            }
        case .choice(let choices):
            guard let choice = Self.choice(text, in: choices) else { return .failure(.notAChoice(choices)) }
            return .success(.string(choice))
        case .agency:
            let folded = ImportMap.fold(text)
            guard let agency = configuration.agencies.first(where: { ImportMap.fold($0.id) == folded || ImportMap.fold($0.name) == folded }) else {
                return .failure(.notAnAgency(configuration.agencies.map(\.id)))
            }
            return .success(.string(agency.id))
        case .marac:
            let folded = ImportMap.fold(text)
            guard let marac = configuration.maracs.first(where: { ImportMap.fold($0.id) == folded || ImportMap.fold($0.name) == folded }) else {
                return .failure(.notAMarac(configuration.maracs.map(\.id)))
            }
            return .success(.string(marac.id))
        case .list:
            return .success(.array([TOMLNode(.string(text), range: .unknown)]))
        }
    }

    /// The enum value a wording names: the value itself, ignoring case, with spaces or
    /// underscores for hyphens ("Visible High Risk" is visible-high-risk).
    static func choice(_ text: String, in choices: [String]) -> String? {
        let wanted = ImportMap.fold(text).replacingOccurrences(of: "_", with: "-").split(separator: " ").joined(separator: "-")
        return choices.first { $0.lowercased() == wanted }
    }

    /// Spaces (and no-break spaces) at either end removed; line breaks inside kept.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Control characters other than tab and line feed, including the C1 range that a
    /// mis-saved file produces.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x09 || value == 0x0A { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    /// A map's value for a field (a wording's value, or a default), checked and made the
    /// field's kind (`nil` when it cannot be).
    func conform(_ value: TOMLValue, to kind: FieldKind) -> TOMLValue? {
        switch (kind, value) {
        case (.text, .string): return value
        case (.date, .localDate): return value
        case (.date, .string(let text)): return LocalDate(isoText: text).map(TOMLValue.localDate)
        case (.integer, .integer): return value
        case (.boolean, .boolean): return value
        case (.choice(let choices), .string(let text)): return choices.contains(text) ? value : nil
        case (.agency, .string(let text)): return configuration.agency(text) != nil ? value : nil
        case (.marac, .string(let text)): return configuration.marac(text) != nil ? value : nil
        case (.list(let choices), .string(let text)):
            return (choices?.contains(text) ?? true) ? .array([TOMLNode(value, range: .unknown)]) : nil
        case (.list(let choices), .array(let items)):
            let texts = items.compactMap(\.string)
            guard texts.count == items.count, texts.allSatisfy({ choices?.contains($0) ?? true }) else { return nil }
            return value
        default: return nil
        }
    }
}

/// What is wrong with a cell, in the administrator's words; never the cell's value.
enum CellProblem: Error, Sendable, Equatable {
    case oversize(Int)
    case formula
    case control
    case notADate(String)
    case notAWholeNumber
    case notYesNo
    case notAChoice([String])
    case notAnAgency([String])
    case notAMarac([String])

    func message(field: String, map: String) -> String {
        switch self {
        case .oversize(let limit):
            "the cell holds more than \(limit >> 10) KB of text; shorten it in the sheet"
        case .formula:
            "the cell holds a spreadsheet formula, not a value; replace it with its value in the sheet (copy, then paste values only)"
        case .control:
            "the cell holds control characters (invisible codes); retype the cell in the sheet"
        case .notADate(let format):
            "not a date written \(format) (nor YYYY-MM-DD); correct the cell, or set date_format in \(map)"
        case .notAWholeNumber:
            "not a whole number"
        case .notYesNo:
            "not yes or no; write Yes or No, or add the sheet's wording under [values.\"\(field)\"] in \(map)"
        case .notAChoice(let choices):
            "not one of \(choices.joined(separator: ", ")); add the sheet's wording under [values.\"\(field)\"] in \(map)"
        case .notAnAgency(let ids):
            "names no agency of marac.toml (by id or name: \(ids.joined(separator: ", "))); add the sheet's wording under [values.\"\(field)\"] in \(map)"
        case .notAMarac(let ids):
            "names no MARAC of marac.toml (\(ids.joined(separator: ", "))); add the sheet's wording under [values.\"\(field)\"] in \(map)"
        }
    }
}
