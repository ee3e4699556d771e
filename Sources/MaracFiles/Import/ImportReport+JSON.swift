import MaracJSON
import MaracLint

extension ImportReport {
    /// The report for scripts (`--format json`).
    public var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let errors = lint.filter { $0.finding.severity == .error }.count
        return .object([
            ("kind", .string(kind.rawValue)),
            ("sheet", .string(sheet)),
            ("map", .string(map)),
            ("encoding", .string(encoding.rawValue)),
            ("delimiter", .string(delimiter)),
            ("applied", .bool(applied)),
            ("update", .bool(update)),
            ("summary", .object([
                ("rows", .integer(Int64(rows.count))),
                ("create", .integer(Int64(count(.create)))),
                ("update", .integer(Int64(count(.update)))),
                ("changed", .integer(Int64(count(.changed)))),
                ("unchanged", .integer(Int64(count(.unchanged)))),
                ("problem", .integer(Int64(count(.problem)))),
                ("blank", .integer(Int64(blankRows))),
                ("lint_errors", .integer(Int64(errors))),
                ("lint_warnings", .integer(Int64(lint.count - errors))),
            ])),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("rows", .array(rows.map { row in
                .object([
                    ("row", .integer(Int64(row.number))),
                    ("outcome", .string(row.outcome.rawValue)),
                    ("case", optional(row.caseID)),
                    ("action", row.actionID.map { .integer(Int64($0)) } ?? .null),
                    ("meeting", optional(row.meeting)),
                    ("file", optional(row.file)),
                    ("new_file", .bool(row.newFile)),
                    ("changes", .array(row.changes.map { .object([("field", .string($0.field)), ("column", optional($0.column))]) })),
                    ("problems", .array(row.problems.map {
                        .object([("column", optional($0.column)), ("field", optional($0.field)), ("message", .string($0.message))])
                    })),
                ])
            })),
            ("lint", .array(lint.map { item in
                guard case .object(let members) = item.finding.json else { return item.finding.json }
                return .object([("rows", .array(item.rows.map { .integer(Int64($0)) }))] + members)
            })),
            ("files", .array(files.map(JSONValue.string))),
        ])
    }
}
