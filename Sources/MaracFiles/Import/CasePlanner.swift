import Foundation
import MaracBase
import MaracJSON
import MaracRecords
import MaracRepository
import MaracTOML

/// Plans a cases sheet: each row is one case, found again by the sheet's own reference
/// (kept in the case's `reference`). A new reference makes a new case file with an allocated
/// id; a known one is compared field by field with its case file.
struct CasePlanner {
    let resolved: ResolvedMap
    let known: KnownRecords
    let schema: SchemaFields
    let update: Bool
    /// The next ids for a year (`CaseIDAllocator`).
    let allocate: (_ year: Int, _ count: Int) throws(RepositoryError) -> [String]

    struct PendingCase {
        var reportIndex: Int
        var table: TOMLTable
        var year: Int
    }

    func plan(_ rows: [CSVRow], headerCount: Int) throws(ImportError) -> ImportPlan {
        var plan = ImportPlan()
        let byReference = known.casesByReference
        let referenceColumn = resolved.header(.case, "reference")
        var firstRow: [String: Int] = [:]
        var pending: [PendingCase] = []

        for row in rows {
            var values = RowValues(row, resolved, headerCount: headerCount)
            var report = ImportReport.Row(number: row.number, outcome: .problem)
            var existing: [KnownRecords.ReferencedCase] = []
            if let reference = values.value(.case, "reference")?.value.stringValue {
                if let earlier = firstRow[reference] {
                    values.problems.insert(ImportReport.Problem(
                        column: referenceColumn, field: "reference",
                        message: "the same reference as row \(earlier); each case is one row of the sheet"), at: 0)
                } else {
                    firstRow[reference] = row.number
                }
                existing = byReference[reference] ?? []
                if existing.count > 1 {
                    values.problems.append(ImportReport.Problem(
                        column: referenceColumn, field: "reference",
                        message: "\(existing.count) case files carry this reference (\(existing.compactMap(\.id).joined(separator: ", "))); keep it in one of them"))
                }
            } else if !values.problems.contains(where: { $0.field == "reference" }) {
                values.problems.insert(RowValues.missing("reference", column: referenceColumn, "every row needs the sheet's case reference"), at: 0)
            }
            guard values.problems.isEmpty else {
                report.problems = values.problems
                plan.note(report)
                continue
            }
            if let record = existing.first {
                report.caseID = record.id
                report.file = record.file
                compare(values, with: record, report: &report, plan: &plan)
                continue
            }
            var table = TOMLTable()
            for value in values.values where value.field.target == .case {
                RecordTable.set(value.value, at: value.field.path.segments[...], in: &table)
            }
            for item in resolved.defaults where item.field.target == .case {
                if RecordTable.value(at: item.field.path.tomlPath, in: table) == nil {
                    RecordTable.set(item.value, at: item.field.path.segments[...], in: &table)
                }
            }
            if table["marac"] == nil, let marac = resolved.marac {
                RecordTable.set(.string(marac), at: [FieldPath.Segment(name: "marac")], in: &table)
            }
            for gap in RecordTable.gaps(in: table) {
                report.problems.append(ImportReport.Problem(
                    column: nil, field: gap,
                    message: "\(gap) is empty while a later entry is not; fill the sheet's columns for the first one first"))
            }
            guard case .localDate(let received)? = RecordTable.value(at: ["referral", 0, "received"], in: table) else {
                let column = resolved.header(.case, "referral[1].received")
                report.problems.append(RowValues.missing("referral[1].received", column: column, "a new case needs the date its referral arrived (its file goes under that year)"))
                plan.note(report)
                continue
            }
            guard report.problems.isEmpty else {
                plan.note(report)
                continue
            }
            report.outcome = .create
            report.newFile = true
            pending.append(PendingCase(reportIndex: plan.rows.count, table: table, year: received.year))
            plan.rows.append(report)
        }

        for year in Set(pending.map(\.year)).sorted() {
            let group = pending.filter { $0.year == year }
            let ids: [String]
            do { ids = try allocate(year, group.count) } catch { throw ImportError(error.message, location: error.location) }
            for (item, id) in zip(group, ids) {
                var table = item.table
                RecordTable.set(.string(id), at: [FieldPath.Segment(name: "id")], in: &table)
                let file = "\(Repository.casesFolder)/\(year)/\(id).toml"
                let text = TOMLEncoder.encode(RecordTable.ordered(table, by: schema.document, schema))
                plan.changes.append(FileChange(path: file, bytes: Array(text.utf8), original: nil))
                plan.rows[item.reportIndex].caseID = id
                plan.rows[item.reportIndex].file = file
                plan.rowsByFile[file, default: []].append(plan.rows[item.reportIndex].number)
            }
        }
        return plan
    }

    /// An existing case: unchanged, changed (reported), or updated through the editor.
    func compare(_ values: RowValues, with record: KnownRecords.ReferencedCase, report: inout ImportReport.Row, plan: inout ImportPlan) {
        let differing = values.values.filter { value in
            guard value.field.target == .case, value.field.path.description != "reference" else { return false }
            guard let current = RecordTable.value(at: value.field.path.tomlPath, in: record.table) else { return true }
            return !RecordTable.same(current, value.value)
        }
        report.changes = differing.map { ImportReport.Change(field: $0.field.name, column: $0.column) }
        guard !differing.isEmpty else {
            report.outcome = .unchanged
            plan.note(report)
            return
        }
        guard update else {
            report.outcome = .changed
            plan.note(report)
            return
        }
        do {
            let original = try FileSystem.read(known.root.appendingPathComponent(record.file))
            let editor = try TOMLEditor(bytes: original)
            let edited = try RecordEdit.apply(differing, to: editor, schema: schema) { name in
                schema.document["properties"]?[name]?["items"] ?? .null
            }
            report.outcome = .update
            plan.changes.append(FileChange(path: record.file, bytes: edited.bytes, original: original))
        } catch let error as RecordEditFailure {
            report.outcome = .problem
            report.problems.append(ImportReport.Problem(
                column: nil, field: nil, message: "the case file cannot be changed here (\(error.message)); change it by hand"))
        } catch {
            report.outcome = .problem
            report.problems.append(ImportReport.Problem(
                column: nil, field: nil, message: "the case file cannot be read as TOML; correct it (see 'mfile lint') and import again"))
        }
        plan.note(report)
    }
}

extension TOMLValue {
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
}
