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

/// A key as it is shown in messages: `'name'`, or quoted as a TOML basic string when it holds unusual characters.
func describeKey(_ key: String) -> String {
    let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
        byte >= 0x20 && byte != 0x27 && byte != 0x22 && byte != 0x5C && byte != 0x7F
    }
    return plain ? "'\(key)'" : TOMLEncoder.basicString(key)
}
