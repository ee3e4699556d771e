import Foundation
import MaracBase
import MaracRecords
import MaracRepository

/// `mfile import`: a spreadsheet's rows made into records through a map, planned row by row
/// and linted in memory; written (with `apply`) all or none, under the repository lock.
public enum ImportWorkflow {
    public struct Request: Sendable {
        public var kind: ImportMap.Kind
        public var sheet: URL
        /// The sheet and map as the user named them (for messages).
        public var sheetName: String
        public var map: URL
        public var mapName: String
        /// Write the records (otherwise a dry run).
        public var apply: Bool
        /// Write changed rows into their records too.
        public var update: Bool
        public var limits: ImportLimits

        public init(
            kind: ImportMap.Kind, sheet: URL, sheetName: String, map: URL, mapName: String, apply: Bool, update: Bool,
            limits: ImportLimits = .standard
        ) {
            self.kind = kind
            self.sheet = sheet
            self.sheetName = sheetName
            self.map = map
            self.mapName = mapName
            self.apply = apply
            self.update = update
            self.limits = limits
        }
    }

    public static func run(_ request: Request, root: URL) throws(ImportError) -> ImportReport {
        var timer = PhaseTimer()
        let map = try ImportMap.parse(try read(request.map, name: request.mapName, limit: ImportMap.maxBytes), file: request.mapName)
        let sheet = try CSVReader.read(
            try read(request.sheet, name: request.sheetName, limit: request.limits.maxFileBytes), file: request.sheetName,
            delimiter: map.delimiter, headerRows: map.headerRow, limits: request.limits)

        let lock: RepositoryLock?
        let known: KnownRecords
        do {
            lock = request.apply ? try RepositoryLock.acquire(root: root) : nil
            known = try KnownRecords.scan(root: root)
        } catch {
            throw ImportError(error.message, location: error.location)
        }
        timer.lap("read the map, the sheet and the repository")
        let fields = try SchemaFields.load(request.kind == .cases ? .case : .meeting, root: root)
        let header = sheet.rows.first { $0.number == map.headerRow }
        let resolved = try ResolvedMap.resolve(
            map, kind: request.kind, header: header, schema: fields, configuration: known.configuration,
            limits: request.limits)
        let headerCount = (header?.cells.lastIndex { !$0.text.allSatisfy(\.isWhitespace) } ?? -1) + 1
        let rows = sheet.rows.filter { $0.number > map.headerRow }

        let plan: ImportPlan
        switch request.kind {
        case .cases:
            let allocator = CaseIDAllocator(root: root)
            plan = try CasePlanner(
                resolved: resolved, known: known, schema: fields, update: request.update,
                allocate: { year, count throws(RepositoryError) in try allocator.next(year: year, count: count) }
            ).plan(rows, headerCount: headerCount)
        case .actions:
            plan = try ActionPlanner(resolved: resolved, known: known, schema: fields, update: request.update)
                .plan(rows, headerCount: headerCount)
        }

        timer.lap("plan the rows")
        var report = ImportReport(
            kind: request.kind, sheet: request.sheetName, map: request.mapName, encoding: sheet.encoding,
            delimiter: String(UnicodeScalar(sheet.delimiter)))
        report.update = request.update
        report.rows = plan.rows
        report.blankRows = sheet.blankRows
        report.files = plan.changes.map(\.path)
        do {
            report.lint = try ImportLint.newFindings(plan.changes, root: root).map { finding in
                ImportReport.LintFinding(rows: plan.rowsByFile[finding.file] ?? [], finding: finding)
            }
        } catch {
            throw ImportError(error.message, location: error.location)
        }
        timer.lap("lint the would-be records")
        if sheet.encoding == .windows1252 {
            report.warnings.append("\(request.sheetName) is not UTF-8 text; it was read as Windows-1252 (what Excel saves as plain \"CSV\"). Check accented letters in the records, or save the sheet as \"CSV UTF-8\" and import that")
        }
        if !resolved.unmentioned.isEmpty {
            report.warnings.append("the sheet's columns \(resolved.unmentioned.joined(separator: ", ")) are not in the map, so they are not imported (map a column's header to \"\" in [columns] to say so)")
        }
        if request.apply, !report.hasFindings, !plan.changes.isEmpty {
            try RecordBatch.write(plan.changes, root: root)
            report.applied = true
            timer.lap("write")
        }
        withExtendedLifetime(lock) {}
        return report
    }

    /// The column headers of a sheet (its first row), for a starting map.
    public static func headers(_ url: URL, name: String, limits: ImportLimits = .standard) throws(ImportError) -> [String] {
        let sheet = try CSVReader.read(try read(url, name: name, limit: limits.maxFileBytes), file: name, limits: limits)
        return sheet.rows.first?.cells.map { CellReader.trimmed($0.text) } ?? []
    }

    /// A file's bytes, refusing one larger than `limit` before reading it.
    static func read(_ url: URL, name: String, limit: Int) throws(ImportError) -> [UInt8] {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw ImportError("cannot be read (\(String(cString: strerror(errno))))", location: name) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ImportError("is not a file", location: name) }
        guard Int(info.st_size) <= limit else {
            throw ImportError("the file is larger than \(limit >> 20 > 0 ? "\(limit >> 20) MB" : "\(limit >> 10) KB"); \(limit == ImportMap.maxBytes ? "this is not a map" : "split the sheet into several files")", location: name)
        }
        do { return try FileSystem.read(url) } catch { throw ImportError(error.message, location: name) }
    }
}
