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

    /// Several problems as one error, in the order of their places in the file (line, then
    /// column; those without a line last).
    init(all problems: [ImportError]) {
        let sorted = problems.enumerated().sorted { a, b in
            let pa = a.element.place, pb = b.element.place
            return (pa.line, pa.column, a.offset) < (pb.line, pb.column, b.offset)
        }.map(\.element)
        self = sorted[0]
        others = Array(sorted.dropFirst())
    }

    /// The line and column of `location` (`file:line:col`), for ordering.
    var place: (line: Int, column: Int) {
        let parts = (location ?? "").split(separator: ":")
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            return (Int.max, Int.max)
        }
        return (line, column)
    }

    /// Every problem, one `LOCATION: error: MESSAGE` line each.
    public var reportLines: [String] { [reportLine] + others.map(\.reportLine) }

    public var description: String { reportLines.joined(separator: "\n") }
}
