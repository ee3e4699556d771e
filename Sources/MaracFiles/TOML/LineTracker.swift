import MaracBase

/// Turns byte offsets on the parser's current line into line and column positions,
/// counting columns incrementally so long lines cost linear time.
struct LineTracker {
    private(set) var line = 1
    private(set) var lineStart: Int
    private var cachedOffset: Int
    private var cachedColumn = 1

    init(firstLineStart: Int) {
        lineStart = firstLineStart
        cachedOffset = firstLineStart
    }

    /// Records that a new line begins at `offset`.
    @inline(__always)
    mutating func newLine(at offset: Int) {
        line += 1
        lineStart = offset
        cachedOffset = offset
        cachedColumn = 1
    }

    /// The position of `offset`, which must lie on the current line.
    @inline(__always)
    mutating func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        if offset < cachedOffset {
            cachedOffset = lineStart
            cachedColumn = 1
        }
        var column = cachedColumn
        var i = cachedOffset
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cachedOffset = offset
        cachedColumn = column
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// The position of any offset, found by counting from the start of the text.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, firstLineStart: Int) -> SourcePosition {
        var line = 1
        var lineStart = firstLineStart
        let limit = min(offset, bytes.count)
        var i = 0
        while i < limit {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        i = lineStart
        while i < limit {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}
