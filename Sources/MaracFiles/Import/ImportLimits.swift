/// The bounds on what `mfile import` reads, so a damaged or hostile spreadsheet gets a clear
/// error instead of exhausting memory.
public struct ImportLimits: Sendable {
    /// The largest spreadsheet file read (64 MB: far above a year of cases).
    public var maxFileBytes: Int
    /// The most rows below the header (a records repository grows to 100,000 cases).
    public var maxRows: Int
    /// The most cells in one row.
    public var maxColumns: Int
    /// The largest cell (64 KB: a long action note fits; a pasted document does not).
    public var maxCellBytes: Int

    public init(maxFileBytes: Int = 64 << 20, maxRows: Int = 100_000, maxColumns: Int = 512, maxCellBytes: Int = 64 << 10) {
        self.maxFileBytes = maxFileBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCellBytes = maxCellBytes
    }

    public static let standard = ImportLimits()
}
