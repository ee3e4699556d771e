import MaracBase

/// What an import found, row by row, and what it did: the dry run's report and `--apply`'s.
///
/// Rows name their number as the spreadsheet shows it, the column (by its header) and the
/// field; never a cell's value.
public struct ImportReport: Sendable {
    public enum Outcome: String, Sendable {
        /// A new record (a case file, or an action in its meeting file).
        case create
        /// The row differs from its record and `--update` writes the difference.
        case update
        /// The row differs from its record; without `--update` nothing is written.
        case changed
        /// The record already holds everything the row says.
        case unchanged
        /// The row cannot be imported (see its problems).
        case problem
    }

    /// A field whose value the row changes.
    public struct Change: Sendable {
        public var field: String
        public var column: String?
    }

    /// What is wrong with a row: the column and field concerned and what to do.
    public struct Problem: Error, Sendable {
        public var column: String?
        public var field: String?
        public var message: String
    }

    public struct Row: Sendable {
        public var number: Int
        public var outcome: Outcome
        public var caseID: String?
        /// Actions: the action's number within its meeting, and the meeting.
        public var actionID: Int?
        public var meeting: String?
        /// The record file written (or to be written).
        public var file: String?
        public var newFile = false
        public var changes: [Change] = []
        public var problems: [Problem] = []
    }

    /// A lint finding the imported records would have, with the rows that make that file.
    public struct LintFinding: Sendable {
        public var rows: [Int]
        public var finding: Diagnostic
    }

    public var kind: ImportMap.Kind
    /// The sheet and the map as the user named them.
    public var sheet: String
    public var map: String
    public var encoding: CSVEncoding
    public var delimiter: String
    /// Things to check that do not stop the import (the file's encoding, columns not imported).
    public var warnings: [String] = []
    public var rows: [Row] = []
    public var blankRows = 0
    public var lint: [LintFinding] = []
    /// Whether `--apply` wrote the records.
    public var applied = false
    public var update = false
    /// The files written (with `--apply`) or that would be.
    public var files: [String] = []

    /// Rows that cannot be imported, or lint errors: nothing can be written (exit status 1).
    public var hasFindings: Bool {
        rows.contains { $0.outcome == .problem } || lint.contains { $0.finding.severity == .error }
    }

    public func count(_ outcome: Outcome) -> Int { rows.filter { $0.outcome == outcome }.count }
}
