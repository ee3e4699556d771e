extension ImportReport {
    /// One line a row (and a line a problem), then the lint findings: for standard output.
    public var rowLines: [String] {
        var lines: [String] = []
        for row in rows {
            let what = subject(row)
            switch row.outcome {
            case .create:
                lines.append("row \(row.number): create \(what) (\(row.file ?? "")\(row.newFile && kind == .actions ? ", a new meeting file" : ""))")
            case .update:
                lines.append("row \(row.number): update \(what): \(changeList(row))")
            case .changed:
                lines.append("row \(row.number): changed \(what): \(changeList(row)); not written without --update")
            case .unchanged:
                lines.append("row \(row.number): unchanged \(what)")
            case .problem:
                for problem in row.problems {
                    var place: [String] = []
                    if let column = problem.column { place.append("column \"\(column)\"") }
                    if let field = problem.field { place.append(problem.column == nil ? field : "(\(field))") }
                    lines.append("row \(row.number): problem: " + (place.isEmpty ? "" : place.joined(separator: " ") + ": ") + problem.message)
                }
            }
        }
        for item in lint {
            let rows = item.rows.isEmpty ? "" : (item.rows.count == 1 ? "row \(item.rows[0])" : "rows \(item.rows.map(String.init).joined(separator: ", "))") + ": "
            lines.append("\(rows)lint: \(item.finding.line)")
        }
        return lines
    }

    /// The summary and what happened (or what to do next): for standard error.
    public var summaryLines: [String] {
        var lines = warnings.map { "warning: \($0)" }
        var counts = [applied ? "\(count(.create)) created" : "\(count(.create)) to create"]
        if update { counts.append(applied ? "\(count(.update)) updated" : "\(count(.update)) to update") }
        counts.append("\(count(.unchanged)) unchanged")
        if !update || count(.changed) > 0 { counts.append("\(count(.changed)) changed (written only with --update)") }
        counts.append("\(count(.problem)) with problems")
        let errors = lint.filter { $0.finding.severity == .error }.count
        let noun = kind == .cases ? "case" : "action"
        var line = "\(sheet): \(plural(rows.count, "\(noun) row")) (\(encoding.rawValue), \"\(delimiter)\" between cells): \(counts.joined(separator: ", "))"
        if blankRows > 0 { line += "; \(plural(blankRows, "blank row")) skipped" }
        line += "; lint: \(plural(errors, "error")), \(plural(lint.count - errors, "warning"))"
        lines.append(line)
        if applied {
            lines.append("wrote \(plural(files.count, "file")); nothing else was changed. Check with 'mfile lint', then commit.")
        } else if hasFindings {
            lines.append("nothing was written: correct the rows with problems (in the sheet, or in \(map)) and the lint errors, then run again")
        } else if files.isEmpty {
            lines.append("nothing to write: every row is already in the records\(count(.changed) > 0 ? " or differs only where --update would write" : "")")
        } else {
            lines.append("dry run: nothing was written; run again with --apply to write \(plural(files.count, "file"))")
        }
        return lines
    }

    func subject(_ row: Row) -> String {
        switch kind {
        case .cases:
            return "case \(row.caseID ?? "")"
        case .actions:
            return "action \(row.actionID.map(String.init) ?? "") of case \(row.caseID ?? "") at meeting \(row.meeting ?? "")"
        }
    }

    func changeList(_ row: Row) -> String {
        row.changes.map { change in change.field + (change.column.map { " (column \"\($0)\")" } ?? "") }.joined(separator: ", ")
    }

    func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
