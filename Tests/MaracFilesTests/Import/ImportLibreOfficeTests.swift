import Foundation
import XCTest

/// Spreadsheets saved as CSV by real LibreOffice (`soffice --headless --convert-to csv`) from
/// a sheet the test builds (flat ODF, `.fods`): typed dates shown dd/mm/yyyy, numbers, a cell
/// with a line break, quotes and commas, a formula's value, accented names; as UTF-8 with
/// commas, and as Windows-1252 with semicolons.
final class ImportLibreOfficeTests: XCTestCase {
    enum Cell {
        case text(String)
        /// An ISO date, shown dd/mm/yyyy.
        case date(String)
        case number(Int)
        /// A formula and the value LibreOffice keeps for it.
        case formula(String, value: String)
        /// Paragraphs: a cell with line breaks.
        case lines([String])
    }

    /// The path of `soffice`; outside CI a missing LibreOffice skips with one line, in CI it fails.
    static func soffice() throws -> String {
        let path = programPath("soffice")
        try requireProgram(path != nil, "LibreOffice (soffice)", install: "apt-get install libreoffice-calc-nogui")
        return path!
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A flat ODF spreadsheet of `rows`.
    static func fods(_ rows: [[Cell]]) -> String {
        var body = ""
        for row in rows {
            body += "<table:table-row>"
            for cell in row {
                switch cell {
                case .text(let text):
                    body += "<table:table-cell office:value-type=\"string\"><text:p>\(escape(text))</text:p></table:table-cell>"
                case .date(let iso):
                    body += "<table:table-cell table:style-name=\"ukdate\" office:value-type=\"date\" office:date-value=\"\(iso)\"><text:p>\(iso)</text:p></table:table-cell>"
                case .number(let n):
                    body += "<table:table-cell office:value-type=\"float\" office:value=\"\(n)\"><text:p>\(n)</text:p></table:table-cell>"
                case .formula(let formula, let value):
                    body += "<table:table-cell table:formula=\"\(escape(formula))\" office:value-type=\"string\" office:string-value=\"\(escape(value))\"><text:p>\(escape(value))</text:p></table:table-cell>"
                case .lines(let lines):
                    body += "<table:table-cell office:value-type=\"string\">" + lines.map { "<text:p>\(escape($0))</text:p>" }.joined() + "</table:table-cell>"
                }
            }
            body += "</table:table-row>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
            <office:automatic-styles>
            <number:date-style style:name="dmy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
            <style:style style:name="ukdate" style:family="table-cell" style:data-style-name="dmy"/>
            </office:automatic-styles>
            <office:body><office:spreadsheet><table:table table:name="Cases">
            \(body)</table:table></office:spreadsheet></office:body></office:document>

            """
    }

    /// Converts `sheet` to CSV with LibreOffice's CSV filter `options`; returns the CSV's bytes.
    static func convert(_ sheet: URL, options: String, soffice: String, in folder: URL) throws -> Data {
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):\(options)", "--outdir", out.path, sheet.path,
        ]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            XCTFail("soffice did not finish converting within 180 s")
        }
        process.waitUntilExit()
        let csv = out.appendingPathComponent(sheet.deletingPathExtension().lastPathComponent + ".csv")
        guard let data = try? Data(contentsOf: csv) else {
            throw TestSetupError("soffice wrote no CSV (exit status \(process.terminationStatus))")
        }
        return data
    }

    func testSheetsSavedByLibreOfficeImportCleanly() throws {
        let soffice = try Self.soffice()
        let header = ImportFixtures.caseHeader + ["Address"]
        func row(_ ref: Cell, _ name: String, _ dob: String, _ perpetrator: String) -> [Cell] {
            let values = ImportFixtures.caseRow("", name: name, perpetrator: perpetrator)
            var cells: [Cell] = values.map { .text($0) }
            cells[0] = ref
            cells[1] = .date("2025-06-09")
            cells[4] = .date(dob)
            cells[11] = .number(16)
            cells[12] = .date("2025-06-07")
            cells[15] = .text("She said \"no\", then left; see notes")
            cells.append(.lines(["Flat 2", "61 Sample Street, Example Town"]))
            return cells
        }
        let sheet = Self.fods([
            header.map { .text($0) },
            row(.text("SB-1"), "Zoë Ní Bhriain", "1990-02-11", "Seán O'Driscoll"),
            row(.formula("of:=CONCATENATE(\"SB-\";\"2\")", value: "SB-2"), "Renée Dubois", "1987-12-31", "Jérôme Petit"),
        ])
        let folder = try makeTemporaryDirectory("mfile-libreoffice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("cases.fods")
        try Data(sheet.utf8).write(to: source)
        let map = ImportFixtures.caseMap.replacingOccurrences(of: "\"Notes\" = \"\"", with: "\"Notes\" = \"\"\n\"Address\" = \"victim.address\"")

        // UTF-8 with commas; Windows-1252 with semicolons (both with the UK date format shown).
        for (options, encoding, delimiter) in [("44,34,76,1,,2057,false,true,true", "UTF-8", ","), ("59,34,1,1,,2057,false,true,true", "Windows-1252", ";")] {
            let csv = try Self.convert(source, options: options, soffice: soffice, in: folder)
            let root = try ImportFixtures.demo(with: ["map.toml": map])
            defer { try? FileManager.default.removeItem(at: root) }
            try csv.write(to: root.appendingPathComponent("import/cases.csv"))
            let result = try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml", "--apply"], in: root)
            XCTAssertEqual(result.status, 0, "\(encoding): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("2 case rows (\(encoding), \"\(delimiter)\" between cells): 2 created"), result.stderr)
            let files = result.stdout.split(separator: "\n").compactMap { line in line.split(separator: "(").last.map { String($0.dropLast()) } }
            XCTAssertEqual(files.count, 2, result.stdout)
            let records = try files.map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }.joined()
            for expected in [
                "reference = \"SB-1\"", "reference = \"SB-2\"", "name = \"Zoë Ní Bhriain\"", "name = \"Seán O'Driscoll\"",
                "name = \"Renée Dubois\"", "name = \"Jérôme Petit\"", "dob = 1990-02-11", "dob = 1987-12-31",
                "received = 2025-06-09", "incident = 2025-06-07", "risk_score = 16",
                "address = \"\"\"\nFlat 2\n61 Sample Street, Example Town\"\"\"",
            ] {
                XCTAssertTrue(records.contains(expected), "\(encoding): \(expected)\n\(records)")
            }
            let lint = try ImportFixtures.mfile(["lint"], in: root)
            XCTAssertEqual(lint.status, 0, lint.stdout)
            let again = try ImportFixtures.mfile(["import", "cases", "import/cases.csv", "--map", "import/map.toml"], in: root)
            XCTAssertEqual(again.stdout.components(separatedBy: ": unchanged case").count - 1, 2, again.stdout)
        }
    }
}
