import MaracBase
import MaracTOML

/// `MAP.toml`: how a spreadsheet's columns become record fields.
///
/// ```toml
/// kind = "cases"                    # cases | actions
/// date_format = "dd/mm/yyyy"
///
/// [columns]                         # "column header" = "field"
/// "MARAC Ref" = "reference"
/// "Victim DOB" = "victim.dob"
///
/// [values."referral.agency"]        # the sheet's wording = the record's value
/// "Police" = "police"
///
/// [defaults]                        # new records only, where the sheet gives no value
/// "referral.risk_tool" = "dash"
/// ```
public struct ImportMap: Sendable {
    /// What a sheet holds: one case a row, or one action a row.
    public enum Kind: String, Sendable, CaseIterable {
        case cases, actions
    }

    /// A column of the sheet and the field it fills (`""`: the column is not imported).
    public struct Column: Sendable {
        public var header: String
        public var field: String
        public var position: SourcePosition?
    }

    /// The sheet's wordings for one field, each with the value the record gets.
    public struct ValueMap: Sendable {
        public var field: String
        public var position: SourcePosition?
        /// Keyed by the folded wording (`ImportMap.fold`).
        public var entries: [String: TOMLValue]
        public var positions: [String: SourcePosition]
    }

    /// A value new records get where the sheet gives none.
    public struct Default: Sendable {
        public var field: String
        public var value: TOMLValue
        public var position: SourcePosition?
    }

    public var file: String
    public var kind: Kind?
    /// The row holding the column headers (1 = the first row).
    public var headerRow = 1
    public var delimiter: UInt8?
    public var dateFormat = SheetDateFormat.uk
    public var listSeparator: Character = ";"
    public var marac: String?
    public var columns: [Column] = []
    public var values: [ValueMap] = []
    public var defaults: [Default] = []

    static let settings = ["kind", "header_row", "delimiter", "date_format", "list_separator", "marac", "columns", "values", "defaults"]
    /// A map file is small; anything larger is not one.
    static let maxBytes = 1 << 20

    /// Reads a map file, reporting every problem in it at its line and column.
    public static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> ImportMap {
        guard bytes.count <= maxBytes else { throw ImportError("a map file is at most 1 MB; this is not a map", location: file) }
        let table: TOMLTable
        do { table = try TOMLDecoder.decode(bytes: bytes) } catch {
            throw ImportError("the map is not valid TOML: \(error.message)", location: "\(file):\(error.position)")
        }
        var map = ImportMap(file: file)
        var problems: [ImportError] = []
        func problem(_ message: String, _ position: SourcePosition?) {
            problems.append(ImportError(message, location: position.map { "\(file):\($0)" } ?? file))
        }
        for member in table.members where !settings.contains(member.key) {
            problem("unknown setting; a map holds: \(settings.joined(separator: ", "))", member.keyRange.start)
        }
        if let node = table["kind"] {
            if let kind = node.string.flatMap(Kind.init(rawValue:)) { map.kind = kind } else {
                problem("kind must be \"cases\" or \"actions\"", node.range.start)
            }
        }
        if let node = table["header_row"] {
            if let row = node.integer, (1...100).contains(row) { map.headerRow = Int(row) } else {
                problem("header_row must be the number of the row holding the column headers (1 to 100)", node.range.start)
            }
        }
        if let node = table["delimiter"] {
            if let text = node.string, [",", ";", "\t"].contains(text) { map.delimiter = text.utf8.first } else {
                problem("delimiter must be \",\" or \";\" (or \"\\t\" for tab)", node.range.start)
            }
        }
        if let node = table["date_format"] {
            if let format = node.string.flatMap(SheetDateFormat.init) { map.dateFormat = format } else {
                problem("date_format must be written with dd, mm and yyyy, e.g. \"dd/mm/yyyy\" or \"dd.mm.yyyy\"", node.range.start)
            }
        }
        if let node = table["list_separator"] {
            if let text = node.string, text.count == 1, let character = text.first, character != "\n" {
                map.listSeparator = character
            } else {
                problem("list_separator must be one character, e.g. \";\"", node.range.start)
            }
        }
        if let node = table["marac"] {
            if let text = node.string, !text.isEmpty { map.marac = text } else {
                problem("marac must be a MARAC id of marac.toml", node.range.start)
            }
        }
        if let node = table["columns"] {
            if let columns = node.table {
                for member in columns.members {
                    guard let field = member.node.string else {
                        problem("each column maps to a field name in quotes (or \"\" to leave the column out)", member.node.range.start)
                        continue
                    }
                    map.columns.append(Column(header: member.key, field: field, position: member.keyRange.start))
                }
            } else {
                problem("columns must be a table: [columns]", node.range.start)
            }
        }
        if let node = table["values"] {
            if let values = node.table {
                flattenValues(values, prefix: [], into: &map.values, problem: problem)
            } else {
                problem("values must be tables: [values.\"field\"]", node.range.start)
            }
        }
        if let node = table["defaults"] {
            if let defaults = node.table {
                flattenDefaults(defaults, prefix: [], into: &map.defaults)
            } else {
                problem("defaults must be a table: [defaults]", node.range.start)
            }
        }
        if !problems.isEmpty { throw ImportError(all: problems) }
        return map
    }

    /// `[values."referral.agency"]` or `[values.referral.agency]`: a table of wordings is a
    /// table of plain values; a table of tables goes one field name deeper.
    static func flattenValues(_ table: TOMLTable, prefix: [String], into out: inout [ValueMap], problem: (String, SourcePosition?) -> Void) {
        for member in table.members {
            let path = prefix + [member.key]
            guard let inner = member.node.table else {
                problem("under [values], each field is a table of the sheet's wordings: [values.\"field\"]", member.keyRange.start)
                continue
            }
            if inner.members.allSatisfy({ $0.node.table != nil }), !inner.isEmpty {
                flattenValues(inner, prefix: path, into: &out, problem: problem)
                continue
            }
            var entries: [String: TOMLValue] = [:]
            var positions: [String: SourcePosition] = [:]
            for entry in inner.members {
                switch entry.node.value {
                case .string, .boolean, .integer, .localDate, .array:
                    let key = fold(entry.key)
                    if entries[key] != nil {
                        problem("this wording is given twice for the same field (wordings are matched ignoring case and spaces)", entry.keyRange.start)
                    }
                    entries[key] = entry.node.value
                    positions[key] = entry.keyRange.start
                default:
                    problem("a wording maps to text, a number, true or false, or a date", entry.node.range.start)
                }
            }
            out.append(ValueMap(field: path.joined(separator: "."), position: member.keyRange.start, entries: entries, positions: positions))
        }
    }

    static func flattenDefaults(_ table: TOMLTable, prefix: [String], into out: inout [Default]) {
        for member in table.members {
            let path = prefix + [member.key]
            if let inner = member.node.table {
                flattenDefaults(inner, prefix: path, into: &out)
            } else {
                out.append(Default(field: path.joined(separator: "."), value: member.node.value, position: member.keyRange.start))
            }
        }
    }

    /// A wording or header as compared: trimmed, lower case, runs of spaces as one.
    public static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
