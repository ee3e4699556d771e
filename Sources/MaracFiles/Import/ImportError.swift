import MaracBase

/// Why an import cannot go ahead at all (exit status 2): the spreadsheet or the map cannot be
/// read, a limit is exceeded, the records are locked. Problems in single rows are not errors
/// but findings in the report (`ImportReport`).
///
/// Messages name files, rows, columns (by their header) and fields, never a cell's value.
public struct ImportError: UserFacingError, CustomStringConvertible {
    public var message: String
    public var location: String?
    /// Further problems found at the same time (a map with several mistakes), each its own line.
    public var others: [ImportError] = []

    public init(_ message: String, location: String? = nil) {
        self.message = message
        self.location = location
    }

    /// Several problems as one error (the first leads).
    init(all problems: [ImportError]) {
        self = problems[0]
        others = Array(problems.dropFirst())
    }

    /// Every problem, one `LOCATION: error: MESSAGE` line each.
    public var reportLines: [String] { [reportLine] + others.map(\.reportLine) }

    public var description: String { reportLines.joined(separator: "\n") }
}
