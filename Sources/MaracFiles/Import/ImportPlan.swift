import Foundation
import MaracJSON
import MaracTOML

/// What an import would do: each row's outcome, the files to write, and which rows make each file.
struct ImportPlan: Sendable {
    var rows: [ImportReport.Row] = []
    var changes: [FileChange] = []
    var rowsByFile: [String: [Int]] = [:]

    mutating func note(_ row: ImportReport.Row) {
        rows.append(row)
        if let file = row.file, row.outcome != .problem, row.outcome != .unchanged, row.outcome != .changed {
            rowsByFile[file, default: []].append(row.number)
        }
    }
}

/// Writing a row's changed values into an existing record through the format-preserving
/// editor: values set in place; entries of a list the record does not have yet (a second
/// perpetrator) appended as new `[[tables]]`.
enum RecordEdit {
    static func apply(_ values: [RowValues.Value], to editor: TOMLEditor, under prefix: [TOMLPathComponent] = [], schema: SchemaFields, entrySchema: (String) -> JSONValue) throws(RecordEditFailure) -> TOMLEditor {
        var editor = editor
        var newEntries: [String: [Int: TOMLTable]] = [:]
        for value in values {
            let segments = value.field.path.segments
            if let index = segments[0].index, segments.count > 1 {
                let existing = RecordTable.value(at: prefix + [.key(segments[0].name)], in: editor.table)
                let count = { if case .array(let items)? = existing { items.count } else { 0 } }()
                if index > count {
                    var entry = newEntries[segments[0].name]?[index] ?? TOMLTable()
                    RecordTable.set(value.value, at: segments.dropFirst(), in: &entry)
                    newEntries[segments[0].name, default: [:]][index] = entry
                    continue
                }
            }
            do {
                editor = try editor.settingValue(value.value, at: prefix + value.field.path.tomlPath)
            } catch {
                throw RecordEditFailure(message: error.description)
            }
        }
        for name in newEntries.keys.sorted() {
            for (index, entry) in newEntries[name]!.sorted(by: { $0.key < $1.key }) {
                let existing = RecordTable.value(at: prefix + [.key(name)], in: editor.table)
                let count = { if case .array(let items)? = existing { items.count } else { 0 } }()
                guard index == count + 1 else {
                    throw RecordEditFailure(message: "\(name)[\(index)]: the record has \(count) \(name) entries, so this cannot be the next one")
                }
                do {
                    editor = try editor.appendingArrayTable(RecordTable.ordered(entry, by: entrySchema(name), schema), at: prefix + [.key(name)])
                } catch {
                    throw RecordEditFailure(message: error.description)
                }
            }
        }
        return editor
    }
}

/// Why the editor could not make a row's change (paths and reasons, never values).
struct RecordEditFailure: Error, Sendable {
    var message: String
}
