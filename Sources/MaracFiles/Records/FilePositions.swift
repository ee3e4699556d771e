import MaracBase

/// Where a table and the fields messages point at are written in its file (`Fields`: one
/// position each, `nil` when not written), kept out of line behind one reference. Only the
/// checks of a file's own text (lint) read them; a record rebuilt from the index has none, so
/// there it costs one empty reference.
@dynamicMemberLookup
public struct FilePositions<Fields: Sendable & Equatable>: Sendable, Equatable {
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let box: Box?

    /// The positions read from a file.
    public init(_ fields: Fields) { box = Box(fields) }

    /// No positions: a record not read from its file.
    public init() { box = nil }

    /// The positions, `nil` for a record not read from its file.
    public var fields: Fields? { box?.fields }

    public subscript(dynamicMember path: KeyPath<Fields, SourcePosition?>) -> SourcePosition? {
        box?.fields[keyPath: path]
    }

    public static func == (a: FilePositions, b: FilePositions) -> Bool { a.fields == b.fields }
}

/// Where a table starts, for a record part messages point at only as a whole.
public struct TableStart: Sendable, Equatable {
    public var start: SourcePosition?
}
