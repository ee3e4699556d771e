/// A place in a source text: 1-based line and column (column counts Unicode scalars),
/// and the 0-based byte offset into the UTF-8 text.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.offset < b.offset }

    /// `line:column`, the form every diagnostic uses.
    public var description: String { "\(line):\(column)" }
}

/// A span of source text: `start` inclusive, `end` exclusive (byte offsets `start.offset..<end.offset`).
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The byte offsets covered.
    public var bytes: Range<Int> { start.offset..<end.offset }

    public var description: String { start.description }
}

extension SourceRange {
    /// The range of a value made in memory, not read from a file.
    public static let none = SourceRange(start: SourcePosition(line: 0, column: 0, offset: 0), end: SourcePosition(line: 0, column: 0, offset: 0))
}
