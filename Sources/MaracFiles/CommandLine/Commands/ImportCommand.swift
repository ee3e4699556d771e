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
        details: """
            Reads CSV as Excel and LibreOffice save it (UTF-8 with or without byte order mark,
            or Windows-1252 with a warning; "," or ";" between cells; quoted cells with line
            breaks). Each row is reported: create, unchanged, changed, or its problems, each
            with the column and field, never a cell's value; then the lint findings the new
            records would have. --apply writes every row or none, under the records' lock.
            A row finds its case again by the sheet's own reference (kept in the case's
            reference field), so importing a later export adds only the new rows; a changed row
            is reported, and written only with --update (an emptied cell never removes a field).
            --template writes a starting map instead, listing FILE.csv's header row when given.
            Exit status: 0 done (or a clean dry run), 1 rows with problems or lint errors
            (nothing written), 2 usage, unreadable sheet or map, locked records.
            """,
        subcommands: [
            leaf(.cases, summary: "one case a row: a new case file with an allocated id for each new reference"),
            leaf(.actions, summary: "one action a row, under its case's hearing in the meeting of its date (started when missing)"),
        ])

    static func leaf(_ kind: ImportMap.Kind, summary: String) -> Command {
        Command(
            name: kind.rawValue, summary: summary,
            positionals: [PositionalSpec("FILE.csv", kind: .path, .optional)],
            options: [
                OptionSpec("--map", value: "MAP.toml", kind: .path, help: "which column fills which field, the sheet's wordings, the date format"),
                OptionSpec("--apply", help: "write the records (all rows or none); without it nothing is written"),
                OptionSpec("--update", help: "also write the changes of rows whose record differs (through the format-preserving editor)"),
                .format(["text", "json"], help: "text (default): one line a row; json"),
                OptionSpec("--template", help: "write a commented starting map instead (listing FILE.csv's columns, when given)"),
                OptionSpec("--output", value: "PATH", kind: .path, help: "with --template: the new map file (default: standard output)"),
            ],
            constraints: [
                .notTogether(["--template", "--map"]), .notTogether(["--template", "--apply"]),
                .notTogether(["--template", "--update"]), .notTogether(["--template", "--format"]),
                .requires("--output", "--template"),
            ],
            examples: [
                "mfile import \(kind.rawValue) examples/import/\(kind.rawValue).csv --map examples/import/\(kind.rawValue)-map.toml",
                "mfile import \(kind.rawValue) examples/import/\(kind.rawValue).csv --template --output my-map.toml",
            ],
            run: { context in try run(context, kind: kind) })
    }

    static func run(_ context: CommandContext, kind: ImportMap.Kind) throws -> ExitStatus {
        let arguments = context.arguments
        if arguments.flag("--template") { return try template(context, kind: kind) }
        guard let sheet = arguments.positional.first else {
            throw UsageError("give the spreadsheet: 'mfile import \(kind.rawValue) FILE.csv --map MAP.toml'")
        }
        guard let map = arguments.value("--map") else {
            throw UsageError("give the map with --map MAP.toml (start one with 'mfile import \(kind.rawValue) \(sheet) --template --output MAP.toml')")
        }
        let request = ImportWorkflow.Request(
            kind: kind, sheet: context.url(sheet), sheetName: sheet, map: context.url(map), mapName: map,
            apply: arguments.flag("--apply"), update: arguments.flag("--update"))
        let root = try context.repositoryRoot()
        return reporting(context) { () throws(ImportError) -> ExitStatus in
            let report = try ImportWorkflow.run(request, root: root)
            if context.format == "json" {
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
        let root = try? context.repositoryRoot()
        let configuration = root.flatMap { try? ConfigurationFile.load(root: $0) }
        return reporting(context) { () throws(ImportError) -> ExitStatus in
            let headers = try arguments.positional.first.map { sheet throws(ImportError) in
                try ImportWorkflow.headers(context.url(sheet), name: sheet)
            }
            let text = try ImportMapTemplate.text(kind: kind, headers: headers, root: root, configuration: configuration)
            guard let output = arguments.value("--output") else {
                context.console.write(text)
                return .ok
            }
            do throws(RepositoryError) { try AtomicWrite.write(text, to: context.url(output), mode: .createNew) } catch {
                throw ImportError(error.message)
            }
            context.console.printError("wrote \(output); fill in the fields, then try it with 'mfile import \(kind.rawValue) SHEET.csv --map \(output)'")
            return .ok
        }
    }

    /// Runs `body`, printing each of an import error's lines (exit status 2).
    static func reporting(_ context: CommandContext, _ body: () throws(ImportError) -> ExitStatus) -> ExitStatus {
        do {
            return try body()
        } catch {
            for line in error.reportLines { context.console.printError("mfile import \(context.arguments.subcommand ?? ""): \(line)") }
            return error.exitStatus
        }
    }
}
