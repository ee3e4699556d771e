import Foundation
import MaracBase
import MaracJSON
import MaracRecords
import MaracRepository
import MaracTOML

/// Plans an actions sheet: each row is one action, filed in the meeting it was agreed at (by
/// meeting date and MARAC) under the hearing of its case (by the case's reference). A missing
/// meeting file is created, a missing hearing added. An action is found again by its
/// `reference` when the map gives one, else by its text.
struct ActionPlanner {
    let resolved: ResolvedMap
    let known: KnownRecords
    let schema: SchemaFields
    let update: Bool

    /// A meeting file being planned: its bytes as read (none when new) and the edits so far.
    struct MeetingWork {
        var file: String
        var original: [UInt8]?
        var editor: TOMLEditor
        var nextActionID: Int
        var touched = false
    }

    func plan(_ rows: [CSVRow], headerCount: Int) throws(ImportError) -> ImportPlan {
        var plan = ImportPlan()
        let byReference = known.casesByReference
        var works: [String: Result<MeetingWork, ImportReport.Problem>] = [:]
        var order: [String] = []
        var firstRow: [String: Int] = [:]
        let defaultMarac = resolved.defaults.first { $0.field.target == .meeting && $0.field.path.description == "marac" }?.value.stringValue
            ?? resolved.marac
        let column = resolved.header

        for row in rows {
            var values = RowValues(row, resolved, headerCount: headerCount)
            var report = ImportReport.Row(number: row.number, outcome: .problem)
            func require(_ present: Bool, _ target: MappedField.Target, _ name: String, _ field: String, _ what: String) {
                if !present, !values.problems.contains(where: { $0.field == field }) {
                    values.problems.append(RowValues.missing(field, column: column(target, name), what))
                }
            }
            var date: LocalDate?
            if case .localDate(let value)? = values.value(.meeting, "date")?.value { date = value }
            require(date != nil, .meeting, "date", "meeting.date", "every action needs the date of the meeting that agreed it")
            let marac = values.value(.meeting, "marac")?.value.stringValue ?? defaultMarac
            let reference = values.value(.caseReference, "reference")?.value.stringValue
            require(reference != nil, .caseReference, "reference", "case.reference", "every action needs its case's reference")
            let actionReference = values.value(.action, "reference")?.value.stringValue
            let text = values.value(.action, "text")?.value.stringValue
            require(actionReference != nil || text != nil, .action, "text", "action.text", "every action needs its text")
            var caseID: String?
            if let reference {
                let found = byReference[reference] ?? []
                if found.count > 1 {
                    values.problems.append(ImportReport.Problem(
                        column: column(.caseReference, "reference"), field: "case.reference",
                        message: "\(found.count) case files carry this reference (\(found.compactMap(\.id).joined(separator: ", "))); keep it in one of them"))
                } else if let record = found.first {
                    caseID = record.id
                } else {
                    values.problems.append(ImportReport.Problem(
                        column: column(.caseReference, "reference"), field: "case.reference",
                        message: "no case in cases/ has this reference; import the cases sheet first ('mfile import cases')"))
                }
            }
            report.caseID = caseID
            guard values.problems.isEmpty, let date, let marac, let caseID else {
                report.problems = values.problems
                plan.note(report)
                continue
            }
            let meetingID = "\(date)-\(marac)"
            report.meeting = meetingID
            if works[meetingID] == nil {
                works[meetingID] = load(date: date, marac: marac)
                order.append(meetingID)
            }
            var work: MeetingWork
            switch works[meetingID]! {
            case .failure(let problem):
                report.problems = [problem]
                plan.note(report)
                continue
            case .success(let found):
                work = found
            }
            report.file = work.file
            report.newFile = work.original == nil

            let key = actionReference.map { "reference:" + $0 } ?? "text:" + ImportMap.fold(text ?? "")
            let seen = "\(meetingID)\u{0}\(caseID)\u{0}\(key)"
            if let earlier = firstRow[seen] {
                report.problems = [ImportReport.Problem(
                    column: column(.action, actionReference != nil ? "reference" : "text"),
                    field: actionReference != nil ? "action.reference" : "action.text",
                    message: "the same action as row \(earlier) (same meeting, case and \(actionReference != nil ? "reference" : "text")); each action is one row")]
                plan.note(report)
                continue
            }
            firstRow[seen] = row.number

            let hearings = work.editor.table["hearing"]?.array ?? []
            let hearingIndex = hearings.firstIndex { $0.table?["case"]?.string == caseID }
            let actions = hearingIndex.flatMap { hearings[$0].table?["action"]?.array } ?? []
            let actionIndex = actions.firstIndex { node in
                guard let action = node.table else { return false }
                if let actionReference { return action["reference"]?.string == actionReference }
                return action["text"]?.string.map(ImportMap.fold) == ImportMap.fold(text ?? "")
            }
            if let hearingIndex, let actionIndex, let existing = actions[actionIndex].table {
                report.actionID = existing["id"]?.integer.map { Int($0) }
                compare(values, hearing: hearingIndex, action: actionIndex, in: &work, existing: existing,
                        hearingTable: hearings[hearingIndex].table ?? TOMLTable(), report: &report)
            } else {
                report.actionID = work.nextActionID
                create(values, caseID: caseID, hearing: hearingIndex, in: &work, report: &report)
            }
            works[meetingID] = .success(work)
            plan.note(report)
        }
        for meetingID in order {
            guard case .success(let work)? = works[meetingID], work.touched else { continue }
            plan.changes.append(FileChange(path: work.file, bytes: work.editor.bytes, original: work.original))
        }
        return plan
    }

    /// The meeting file of this date and MARAC: read, or started when there is none.
    func load(date: LocalDate, marac: String) -> Result<MeetingWork, ImportReport.Problem> {
        let existing = known.meetings.filter { $0.marac == marac && $0.date == date }
        if existing.count > 1 {
            return .failure(ImportReport.Problem(
                column: nil, field: "meeting.date",
                message: "\(existing.count) meeting files hold this meeting (\(existing.map(\.file).joined(separator: ", "))); keep one"))
        }
        let file = existing.first?.file ?? "\(Repository.meetingsFolder)/\(date.year)/\(date)-\(marac).toml"
        let url = known.root.appendingPathComponent(file)
        var original: [UInt8]?
        let text: [UInt8]
        if existing.isEmpty {
            if FileManager.default.fileExists(atPath: url.path) {
                return .failure(ImportReport.Problem(
                    column: nil, field: "meeting.date",
                    message: "\(file) exists but cannot be read as a meeting; correct it (see 'mfile lint') and import again"))
            }
            text = Array(Self.newMeetingText(date: date, marac: marac).utf8)
        } else {
            guard let bytes = try? FileSystem.read(url) else {
                return .failure(ImportReport.Problem(column: nil, field: "meeting.date", message: "\(file) cannot be read"))
            }
            original = bytes
            text = bytes
        }
        guard let editor = try? TOMLEditor(bytes: text) else {
            return .failure(ImportReport.Problem(
                column: nil, field: "meeting.date",
                message: "\(file) is not valid TOML; correct it (see 'mfile lint') and import again"))
        }
        var highest = 0
        for hearing in editor.table["hearing"]?.array ?? [] {
            for action in hearing.table?["action"]?.array ?? [] {
                highest = max(highest, Int(action.table?["id"]?.integer ?? 0))
            }
        }
        return .success(MeetingWork(file: file, original: original, editor: editor, nextActionID: highest + 1))
    }

    /// A meeting file started for actions of a meeting mfile has no record of.
    static func newMeetingText(date: LocalDate, marac: String) -> String {
        """
        # Started by 'mfile import actions' for the actions agreed at this meeting. Add what the
        # records of the meeting show: chair, agenda_circulated, minutes_approved, attendance.
        marac = "\(marac)"
        date = \(date)
        kind = "scheduled"

        """
    }

    /// An existing action: unchanged, changed (reported), or updated through the editor.
    func compare(
        _ values: RowValues, hearing: Int, action: Int, in work: inout MeetingWork, existing: TOMLTable,
        hearingTable: TOMLTable, report: inout ImportReport.Row
    ) {
        func differs(_ value: RowValues.Value, in table: TOMLTable) -> Bool {
            guard let current = RecordTable.value(at: value.field.path.tomlPath, in: table) else { return true }
            return !RecordTable.same(current, value.value)
        }
        // The field the action was found by is the same already (text: ignoring case and spacing).
        let key = values.value(.action, "reference") != nil ? "reference" : "text"
        let actionChanges = values.values.filter {
            $0.field.target == .action && $0.field.path.description != key && differs($0, in: existing)
        }
        let hearingChanges = values.values.filter { $0.field.target == .hearing && differs($0, in: hearingTable) }
        report.changes = (hearingChanges + actionChanges).map { ImportReport.Change(field: $0.field.name, column: $0.column) }
        guard !report.changes.isEmpty else {
            report.outcome = .unchanged
            return
        }
        guard update else {
            report.outcome = .changed
            return
        }
        do {
            var editor = try RecordEdit.apply(actionChanges, to: work.editor, under: ["hearing", .index(hearing), "action", .index(action)], schema: schema) { _ in .null }
            editor = try RecordEdit.apply(hearingChanges, to: editor, under: ["hearing", .index(hearing)], schema: schema) { _ in .null }
            work.editor = editor
            work.touched = true
            report.outcome = .update
        } catch {
            report.outcome = .problem
            report.problems.append(ImportReport.Problem(
                column: nil, field: nil, message: "the meeting file cannot be changed here (\(error.message)); change it by hand"))
        }
    }

    /// A new action, under its case's hearing (added when the meeting has none for the case).
    func create(_ values: RowValues, caseID: String, hearing: Int?, in work: inout MeetingWork, report: inout ImportReport.Row) {
        var action = TOMLTable()
        RecordTable.set(.integer(Int64(work.nextActionID)), at: [FieldPath.Segment(name: "id")], in: &action)
        fill(&action, values, .action)
        let actionSchema = schema.object(at: ["hearing", "action"]) ?? .null
        action = RecordTable.ordered(action, by: actionSchema, schema)
        do {
            if let hearing {
                work.editor = try work.editor.appendingArrayTable(action, at: ["hearing", .index(hearing), "action"])
            } else {
                var entry = TOMLTable()
                RecordTable.set(.string(caseID), at: [FieldPath.Segment(name: "case")], in: &entry)
                fill(&entry, values, .hearing)
                entry = RecordTable.ordered(entry, by: schema.object(at: ["hearing"]) ?? .null, schema)
                entry[member: "action"] = TOMLTable.Member(
                    key: "action", keyRange: .unknown, node: TOMLNode(.array([TOMLNode(.table(action), range: .unknown)]), range: .unknown))
                work.editor = try work.editor.appendingArrayTable(entry, at: ["hearing"])
            }
            work.nextActionID += 1
            work.touched = true
            report.outcome = .create
        } catch {
            report.outcome = .problem
            report.problems.append(ImportReport.Problem(
                column: nil, field: nil, message: "the meeting file cannot be changed here (\(error.description)); add the action by hand"))
        }
    }

    /// The row's values for `target`, then the map's defaults where the row gives none.
    func fill(_ table: inout TOMLTable, _ values: RowValues, _ target: MappedField.Target) {
        for value in values.values where value.field.target == target {
            RecordTable.set(value.value, at: value.field.path.segments[...], in: &table)
        }
        for item in resolved.defaults where item.field.target == target {
            if RecordTable.value(at: item.field.path.tomlPath, in: table) == nil {
                RecordTable.set(item.value, at: item.field.path.segments[...], in: &table)
            }
        }
    }
}
