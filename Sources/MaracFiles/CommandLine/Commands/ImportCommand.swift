import Foundation
import MaracBase
import MaracImport
import MaracJSON
import MaracRepository

/// `mfile import cases|actions FILE.csv --map MAP.toml`: a spreadsheet's rows into records.
enum ImportCommand {
    static let command = Command(
        name: "import",
        summary: "bring a spreadsheet's cases or actions (CSV) into the records through a map; a dry run unless --apply",
        usage: "import cases|actions FILE.csv --map MAP.toml [--apply] [--update] [--format text|json] | import --template cases|actions [FILE.csv] [--output MAP.toml]",
        options: [
            OptionSpec("--map", value: "MAP.toml", help: "which column fills which field, the sheet's wordings, the date format"),
            OptionSpec("--apply", help: "write the records (all rows or none); without it nothing is written"),
            OptionSpec("--update", help: "also write the changes of rows whose record differs (through the format-preserving editor)"),
            OptionSpec("--format", value: "FORMAT", help: "text (default): one line a row; json"),
            OptionSpec("--template", help: "write a commented starting map (listing FILE.csv's columns, when given)"),
            OptionSpec("--output", value: "PATH", help: "with --template: the map file to write (default: standard output)"),
        ],
        details: """
            Reads CSV as Excel and LibreOffice save it (UTF-8 with or without byte order mark,
            or Windows-1252 with a warning; "," or ";" between cells; quoted cells with line
            breaks). Each row is reported: create, unchanged, changed, or its problems, each
            with the column and field, never a cell's value; then the lint findings the new
            records would have. --apply writes every row or none, under the records' lock.
            A row finds its case again by the sheet's own reference (kept in the case's
            reference field), so importing a later export adds only the new rows; a changed row
            is reported, and written only with --update.
            cases: one case a row, a new case file with an allocated id for each new reference.
            actions: one action a row, filed under its case's hearing in the meeting of its
            date (the meeting file is started when there is none).
            Example: mfile import --template cases cases.csv --output cases-map.toml
                     mfile import cases cases.csv --map cases-map.toml
                     mfile import cases cases.csv --map cases-map.toml --apply
            Exit status: 0 done (or a clean dry run), 1 rows with problems or lint errors
            (nothing written), 2 usage, unreadable sheet or map, locked records.
            """,
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let positional = arguments.positional
        guard let first = positional.first, let kind = ImportMap.Kind(rawValue: first) else {
            throw UsageError("say what the sheet holds: 'import cases FILE.csv --map MAP.toml' or 'import actions FILE.csv --map MAP.toml'")
        }
        if arguments.flag("--template") { return try template(context, kind: kind) }
        for option in ["--output"] where arguments.value(option) != nil {
            throw UsageError("\(option) is used with --template only")
        }
        guard positional.count == 2 else { throw UsageError("give one spreadsheet: 'import \(kind.rawValue) FILE.csv --map MAP.toml'") }
        guard let map = arguments.value("--map") else {
            throw UsageError("give the map with --map MAP.toml (start one with 'mfile import --template \(kind.rawValue) \(positional[1]) --output MAP.toml')")
        }
        let format = try context.format(["text", "json"])
        let root = try context.repositoryRoot()
        let request = ImportWorkflow.Request(
            kind: kind, sheet: url(positional[1], context), sheetName: positional[1], map: url(map, context), mapName: map,
            apply: arguments.flag("--apply"), update: arguments.flag("--update"))
        return reporting(context) { () throws(ImportError) -> ExitStatus in
            let report = try ImportWorkflow.run(request, root: root)
            if format == "json" {
                context.console.print(JSONWriter.write(report.json, pretty: true))
            } else {
                context.console.write(report.rowLines.map { $0 + "\n" }.joined())
                for line in report.summaryLines { context.console.printError(line) }
            }
            return report.hasFindings ? .findings : .ok
        }
    }

    /// `--template`: the starting map, to standard output or a new file.
    static func template(_ context: CommandContext, kind: ImportMap.Kind) throws -> ExitStatus {
        let arguments = context.arguments
        for option in ["--map", "--format"] where arguments.value(option) != nil { throw UsageError("\(option) is not used with --template") }
        for flag in ["--apply", "--update"] where arguments.flag(flag) { throw UsageError("\(flag) is not used with --template") }
        guard arguments.positional.count <= 2 else { throw UsageError("--template takes at most one spreadsheet, to list its columns") }
        let root = try? context.repositoryRoot()
        let configuration = root.flatMap { _ in try? ProtocolCommandSupport.configuration(context) }
        return reporting(context) { () throws(ImportError) -> ExitStatus in
            var headers: [String]?
            if arguments.positional.count == 2 {
                headers = try ImportWorkflow.headers(url(arguments.positional[1], context), name: arguments.positional[1])
            }
            let text = try ImportMapTemplate.text(kind: kind, headers: headers, root: root, configuration: configuration)
            if let output = arguments.value("--output") {
                do throws(RepositoryError) { try AtomicWrite.write(text, to: url(output, context), mode: .createNew) } catch {
                    throw ImportError(error.message)
                }
                context.console.printError("wrote \(output); fill in the fields, then check it with 'mfile import \(kind.rawValue) SHEET.csv --map \(output)'")
            } else {
                context.console.write(text)
            }
            return .ok
        }
    }

    static func url(_ path: String, _ context: CommandContext) -> URL {
        URL(fileURLWithPath: path, relativeTo: context.workingDirectory).standardizedFileURL
    }

    /// Runs `body`, printing an import error's every line (exit status 2).
    static func reporting(_ context: CommandContext, _ body: () throws(ImportError) -> ExitStatus) -> ExitStatus {
        do {
            return try body()
        } catch {
            for line in error.reportLines { context.console.printError("mfile import: \(line)") }
            return error.exitStatus
        }
    }
}
