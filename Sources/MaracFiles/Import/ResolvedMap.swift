import MaracBase
import MaracRecords
import MaracTOML

/// A map checked against one sheet's header row, the record schema and marac.toml: each
/// mapped column's place in the row and its field, the wordings and defaults made the
/// fields' kinds. Every mistake is found at once and reported at its line in the map.
struct ResolvedMap: Sendable {
    struct Column: Sendable {
        /// 0-based position in the row.
        var index: Int
        var header: String
        var field: MappedField
    }

    var map: ImportMap
    var kind: ImportMap.Kind
    var columns: [Column]
    /// The columns of the sheet with a header the map does not mention (not imported), by
    /// their letters as the spreadsheet shows them.
    var unmentioned: [String]
    var wordings: [MappedField: [String: TOMLValue]]
    var defaults: [(field: MappedField, value: TOMLValue)]
    /// The MARAC every row belongs to unless a column says otherwise (the map's, or the only one).
    var marac: String?
    var reader: CellReader

    /// The header of the column filling `name` of `target`, if one does.
    func header(_ target: MappedField.Target, _ name: String) -> String? {
        columns.first { $0.field.target == target && $0.field.path.description == name }?.header
    }

    /// A column's letters as spreadsheets show them: A for the first, Z, AA, AB ...
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let digit = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + digit))) + out
            n = (n - 1) / 26
        }
        return out
    }

    static func resolve(
        _ map: ImportMap, kind: ImportMap.Kind, header: CSVRow?, schema: SchemaFields, configuration: Configuration,
        limits: ImportLimits
    ) throws(ImportError) -> ResolvedMap {
        var problems: [ImportError] = []
        func problem(_ message: String, _ position: SourcePosition?) {
            problems.append(ImportError(message, location: position.map { "\(map.file):\($0)" } ?? map.file))
        }
        if let declared = map.kind, declared != kind {
            problem("this map is for \(declared.rawValue); use it with 'mfile import \(declared.rawValue)'", nil)
        }
        guard let header else {
            throw ImportError("the sheet has no row \(map.headerRow) to read the column headers from; check header_row in \(map.file)")
        }
        let headers = header.cells.map { CellReader.trimmed($0.text) }
        let reader = CellReader(dateFormat: map.dateFormat, listSeparator: map.listSeparator, configuration: configuration, maxCellBytes: limits.maxCellBytes)
        let schemaName = kind == .cases ? "case" : "meeting"

        var columns: [Column] = []
        var mentioned = Set<Int>()
        var seenFields: [MappedField: Column] = [:]
        for column in map.columns {
            let wanted = ImportMap.fold(column.header)
            let matches = headers.indices.filter { ImportMap.fold(headers[$0]) == wanted }
            guard !matches.isEmpty else {
                // The sheet's own headers are not listed: with a wrong header_row they would be a person's details.
                problem("row \(map.headerRow) of the sheet (header_row) has no column headed like this (case and spaces aside); check the spelling against the sheet, and header_row", column.position)
                continue
            }
            guard matches.count == 1 else {
                problem("the sheet has \(matches.count) columns with this header; rename them so each is different", column.position)
                continue
            }
            mentioned.insert(matches[0])
            if column.field.isEmpty { continue }
            switch schema.mappedField(column.field, kind: kind) {
            case .failure(let reason):
                problem("\(reason.message) (the \(schemaName) schema)", column.position)
            case .success(let field):
                if let earlier = seenFields[field], field.kind != .text {
                    problem("\(field.name) is also filled by column \"\(earlier.header)\"; only text fields can take several columns (joined with a space)", column.position)
                    continue
                }
                let resolved = Column(index: matches[0], header: column.header, field: field)
                seenFields[field] = seenFields[field] ?? resolved
                columns.append(resolved)
            }
        }
        let fields = Set(columns.map(\.field))
        func has(_ target: MappedField.Target, _ name: String) -> Bool {
            fields.contains { $0.target == target && $0.path.description == name }
        }
        switch kind {
        case .cases:
            if !has(.case, "reference") {
                problem("map the column holding the sheet's own case reference to \"reference\": it is how a row finds its case when the sheet is imported again", nil)
            }
        case .actions:
            if !has(.meeting, "date") { problem("map the column holding the meeting date to \"meeting.date\"", nil) }
            if !has(.caseReference, "reference") { problem("map the column holding the case reference to \"case.reference\"", nil) }
            if !has(.action, "text"), !has(.action, "reference") {
                problem("map the action's text to \"action.text\" (or its reference to \"action.reference\"): it is how a row finds its action again", nil)
            }
        }

        var wordings: [MappedField: [String: TOMLValue]] = [:]
        for values in map.values {
            switch schema.mappedField(values.field, kind: kind) {
            case .failure(let reason):
                problem("\(reason.message) (the \(schemaName) schema)", values.position)
            case .success(let field):
                var converted: [String: TOMLValue] = [:]
                for (wording, value) in values.entries {
                    guard let made = reader.conform(value, to: field.kind) else {
                        problem("this wording's value is not a \(field.kind.summary) for \(field.name)", values.positions[wording])
                        continue
                    }
                    converted[wording] = made
                }
                wordings[field, default: [:]].merge(converted) { $1 }
            }
        }

        var defaults: [(field: MappedField, value: TOMLValue)] = []
        for item in map.defaults {
            switch schema.mappedField(item.field, kind: kind) {
            case .failure(let reason):
                problem("\(reason.message) (the \(schemaName) schema)", item.position)
            case .success(let field):
                guard field.target != .caseReference, !(field.target == .meeting && field.path.description == "date") else {
                    problem("\(field.name) comes from the sheet; it cannot have a default", item.position)
                    continue
                }
                guard let value = reader.conform(item.value, to: field.kind) else {
                    problem("the default for \(field.name) must be a \(field.kind.summary)", item.position)
                    continue
                }
                defaults.append((field, value))
            }
        }

        var marac = map.marac
        if let given = marac, configuration.marac(given) == nil {
            problem("marac names no MARAC of marac.toml (\(configuration.maracs.map(\.id).joined(separator: ", ")))", nil)
        }
        if marac == nil, configuration.maracs.count == 1 { marac = configuration.maracs[0].id }
        let maracMapped = has(.case, "marac") || has(.meeting, "marac")
            || defaults.contains { ($0.field.target == .case || $0.field.target == .meeting) && $0.field.path.description == "marac" }
        if marac == nil, !maracMapped {
            problem("marac.toml has \(configuration.maracs.count) MARACs; say which with marac = \"ID\" in the map, or map a column to \(kind == .cases ? "marac" : "meeting.marac")", nil)
        }
        if !problems.isEmpty { throw ImportError(all: problems) }

        let unmentioned = headers.indices.filter { !mentioned.contains($0) && !headers[$0].isEmpty }.map(Self.letters)
        return ResolvedMap(
            map: map, kind: kind, columns: columns, unmentioned: unmentioned, wordings: wordings, defaults: defaults,
            marac: marac, reader: reader)
    }
}
