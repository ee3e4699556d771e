import MaracTOML

/// One row's values, read through the map: each field once (text from several columns joined
/// with a space), with the column it came from, and every problem found in its cells.
struct RowValues: Sendable {
    struct Value: Sendable {
        var field: MappedField
        var value: TOMLValue
        var column: String
    }

    var number: Int
    var values: [Value] = []
    var problems: [ImportReport.Problem] = []

    init(_ row: CSVRow, _ resolved: ResolvedMap, headerCount: Int) {
        number = row.number
        for column in resolved.columns {
            let cell = column.index < row.cells.count ? row.cells[column.index] : CSVCell("")
            switch resolved.reader.read(cell, as: column.field, wordings: resolved.wordings[column.field]) {
            case .failure(let problem):
                problems.append(ImportReport.Problem(
                    column: column.header, field: column.field.name,
                    message: problem.message(field: column.field.mapName, map: resolved.map.file)))
            case .success(nil):
                continue
            case .success(let value?):
                if let i = values.firstIndex(where: { $0.field == column.field }) {
                    if case .string(let earlier) = values[i].value, case .string(let more) = value {
                        values[i].value = .string(earlier + " " + more)
                        values[i].column += "\", \"" + column.header
                    }
                } else {
                    values.append(Value(field: column.field, value: value, column: column.header))
                }
            }
        }
        if row.cells.count > headerCount, row.cells[headerCount...].contains(where: { !$0.text.allSatisfy(\.isWhitespace) || $0.isOversize }) {
            problems.append(ImportReport.Problem(
                column: nil, field: nil,
                message: "the row has cells to the right of the last column with a header; give that column a header, or clear the cells"))
        }
    }

    /// The value of a field, if the row gives one.
    func value(_ target: MappedField.Target, _ name: String) -> Value? {
        values.first { $0.field.target == target && $0.field.path.description == name }
    }

    /// The problem for a field the row must give but leaves empty.
    static func missing(_ field: String, column: String?, _ what: String) -> ImportReport.Problem {
        ImportReport.Problem(
            column: column, field: field,
            message: column == nil ? "no column of the map fills \(field); \(what)" : "the cell is empty; \(what)")
    }
}
