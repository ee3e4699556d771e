import MaracBase

/// One part of a (possibly dotted) key as written: its name and where it is written.
struct TOMLKeySegment {
    var name: String
    var range: SourceRange
}

/// A key as written: a plain key, or the segments of a dotted key.
struct TOMLKeyPath {
    /// The segments before the last one (empty for a plain key).
    var parents: [TOMLKeySegment] = []
    var last: TOMLKeySegment

    var count: Int { parents.count + 1 }

    /// The names of all segments, outermost first.
    var names: [String] { parents.map(\.name) + [last.name] }
}

/// A key as it is shown in messages: `'name'` when it is a plain field name, else a
/// placeholder (someone may have typed a person's name as a key; see `ShownID`).
func describeKey(_ key: String) -> String {
    ShownID.key(key)
}
