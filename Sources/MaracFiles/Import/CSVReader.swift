/// One cell as read from the file.
public struct CSVCell: Sendable, Equatable {
    /// The cell's text (line breaks inside it as `\n`); empty when the cell is oversize.
    public var text: String
    /// The cell held more than `ImportLimits.maxCellBytes`; its text was not kept.
    public var isOversize: Bool

    public init(_ text: String, isOversize: Bool = false) {
        self.text = text
        self.isOversize = isOversize
    }
}

/// One spreadsheet row: its number as the spreadsheet shows it (the first row is 1) and cells.
public struct CSVRow: Sendable {
    public var number: Int
    /// The file line the row starts on (rows with line breaks in a cell span several lines).
    public var line: Int
    public var cells: [CSVCell]

    /// Every cell empty (a blank row, or one holding only delimiters).
    public var isBlank: Bool { cells.allSatisfy { $0.text.allSatisfy(\.isWhitespace) && !$0.isOversize } }
}

/// A CSV file as read: its rows, the delimiter used and the encoding found.
public struct CSVSheet: Sendable {
    /// The rows holding something (blank rows are counted, not kept).
    public var rows: [CSVRow]
    /// Blank rows below the header rows (a sheet's "used range" can run far below its data).
    public var blankRows: Int
    public var delimiter: UInt8
    public var encoding: CSVEncoding
}

/// Reads CSV as Excel and LibreOffice write it: `,` or `;` between cells (found from the first
/// row, or Excel's `sep=;` first line), cells in double quotes holding delimiters, quotes
/// (doubled) and line breaks, rows ending in CR LF, LF or CR. Every size is bounded
/// (`ImportLimits`): too many rows or cells is an error naming the row; an oversize cell is
/// marked and its text dropped, so the row can be reported. Blank rows, and empty cells past
/// the column limit, are counted but not kept (spreadsheets often save far past their data).
public enum CSVReader {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// Reads a file's bytes. `delimiter` overrides detection; `headerRows` (the rows down to
    /// the header) are read on top of `limits.maxRows`.
    public static func read(
        _ bytes: [UInt8], file: String, delimiter: UInt8? = nil, headerRows: Int = 1, limits: ImportLimits = .standard
    ) throws(ImportError) -> CSVSheet {
        guard bytes.count <= limits.maxFileBytes else {
            throw ImportError("the file is larger than \(limits.maxFileBytes >> 20) MB; split the sheet into several files", location: file)
        }
        let (text, encoding) = try CSVEncoding.decode(bytes, file: file)
        var start = 0
        var chosen = delimiter
        if let (hint, end) = separatorHint(text) {
            chosen = chosen ?? hint
            start = end
        }
        let found = chosen ?? detectDelimiter(text, from: start, headerRow: headerRows)
        var parser = Parser(bytes: text, delimiter: found, limits: limits, headerRows: headerRows, file: file)
        let rows = try parser.parse(from: start)
        return CSVSheet(rows: rows, blankRows: parser.blankRows, delimiter: found, encoding: encoding)
    }

    /// Excel's `sep=;` first line: the delimiter and where the rows start.
    static func separatorHint(_ bytes: [UInt8]) -> (UInt8, Int)? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= 5, bytes.prefix(4).map({ $0 | 0x20 }) == prefix else { return nil }
        let delimiter = bytes[4]
        guard delimiter != quote, delimiter != lineFeed, delimiter != carriageReturn, delimiter < 0x80 else { return nil }
        var end = 5
        if end < bytes.count, bytes[end] == carriageReturn { end += 1 }
        if end < bytes.count, bytes[end] == lineFeed { end += 1 }
        guard end == bytes.count || bytes[end - 1] == lineFeed || bytes[end - 1] == carriageReturn else { return nil }
        return (delimiter, end)
    }

    /// `;` when the header row has more semicolons than commas outside quotes, else `,`.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int, headerRow: Int = 1) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false, row = 1
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == lineFeed || byte == carriageReturn {
                    if row >= headerRow { break }
                    if byte == carriageReturn, i + 1 < bytes.count, bytes[i + 1] == lineFeed { i += 1 }
                    row += 1
                    commas = 0
                    semicolons = 0
                }
                if byte == UInt8(ascii: ",") { commas += 1 }
                if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The state machine over the bytes.
    struct Parser {
        let bytes: [UInt8]
        let delimiter: UInt8
        let limits: ImportLimits
        let headerRows: Int
        let file: String

        var rows: [CSVRow] = []
        var cells: [CSVCell] = []
        var cell: [UInt8] = []
        var oversize = false
        /// The current cell has begun (text, or an opening quote).
        var started = false
        var line = 1
        var rowLine = 1
        /// The spreadsheet's number of the row being read.
        var rowNumber = 1
        var blankRows = 0

        init(bytes: [UInt8], delimiter: UInt8, limits: ImportLimits, headerRows: Int, file: String) {
            self.bytes = bytes
            self.delimiter = delimiter
            self.limits = limits
            self.headerRows = headerRows
            self.file = file
        }

        mutating func parse(from start: Int) throws(ImportError) -> [CSVRow] {
            var i = start
            var inQuotes = false
            var quoteLine = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if inQuotes {
                    if byte == quote {
                        if i + 1 < count, bytes[i + 1] == quote {
                            append(quote)
                            i += 2
                            continue
                        }
                        inQuotes = false
                    } else if byte == carriageReturn {
                        // CR LF or a lone CR inside a cell: one line break, kept as LF.
                        if i + 1 < count, bytes[i + 1] == lineFeed { i += 1 }
                        append(lineFeed)
                        line += 1
                    } else {
                        if byte == lineFeed { line += 1 }
                        append(byte)
                    }
                    i += 1
                    continue
                }
                switch byte {
                case quote where !started:
                    inQuotes = true
                    started = true
                    quoteLine = line
                case delimiter:
                    try endCell()
                case lineFeed, carriageReturn:
                    if byte == carriageReturn, i + 1 < count, bytes[i + 1] == lineFeed { i += 1 }
                    try endCell()
                    try endRow()
                    line += 1
                    rowLine = line
                default:
                    append(byte)
                }
                i += 1
            }
            if inQuotes {
                throw ImportError(
                    "row \(rowNumber): a cell opened with a double quote (\") is never closed; the file is cut short, or a quote is missing in the sheet",
                    location: "\(file):\(quoteLine)")
            }
            if started || !cells.isEmpty {
                try endCell()
                try endRow()
            }
            return rows
        }

        mutating func append(_ byte: UInt8) {
            started = true
            if oversize { return }
            if cell.count >= limits.maxCellBytes {
                oversize = true
                cell = []
                return
            }
            cell.append(byte)
        }

        mutating func endCell() throws(ImportError) {
            guard cells.count < limits.maxColumns else {
                if !oversize, cell.allSatisfy({ $0 == 0x20 }) {
                    cell.removeAll(keepingCapacity: true)
                    started = false
                    return
                }
                throw ImportError(
                    "row \(rowNumber) has more than \(limits.maxColumns) cells; remove the empty columns at the right of the sheet, or split it",
                    location: "\(file):\(rowLine)")
            }
            cells.append(CSVCell(oversize ? "" : String(decoding: cell, as: UTF8.self), isOversize: oversize))
            cell.removeAll(keepingCapacity: true)
            oversize = false
            started = false
        }

        mutating func endRow() throws(ImportError) {
            defer {
                cells = []
                rowNumber += 1
            }
            let row = CSVRow(number: rowNumber, line: rowLine, cells: cells)
            if row.isBlank {
                if rowNumber > headerRows { blankRows += 1 }
                return
            }
            guard rows.count < limits.maxRows + headerRows else {
                throw ImportError(
                    "the sheet has more than \(limits.maxRows) rows below its header; import it in parts of at most \(limits.maxRows) rows",
                    location: file)
            }
            rows.append(row)
        }
    }
}
