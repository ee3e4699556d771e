
/// The document an edit is meant to produce, worked out on the decoded tree alone, and the
/// comparison the editor uses to check its text edits against it.

enum TOMLTreeEdit {
    /// Applies `change` to the value at `path` (nil when absent; setting nil removes it),
    /// creating missing tables on the way. False when the path leads through a non-container.
    static func update(
        _ value: inout TOMLValue, _ path: ArraySlice<TOMLPathComponent>, _ change: (inout TOMLValue?) -> Void
    ) -> Bool {
        guard let first = path.first else { return false }
        let rest = path.dropFirst()
        switch (first, value) {
        case (.key(let key), .table(var table)):
            var child = table[key]?.value
            if rest.isEmpty {
                change(&child)
            } else {
                var inner = child ?? .table(TOMLTable())
                guard update(&inner, rest, change) else { return false }
                child = inner
            }
            if let child {
                if !table.setNode(TOMLNode(child, range: .unknown), forKey: key) {
                    table[member: key] = TOMLTable.Member(key: key, keyRange: .unknown, node: TOMLNode(child, range: .unknown))
                }
            } else {
                table[member: key] = nil
            }
            value = .table(table)
            return true
        case (.index(let index), .array(var items)):
            guard items.indices.contains(index) else { return false }
            var child: TOMLValue? = items[index].value
            if rest.isEmpty {
                change(&child)
            } else {
                guard update(&child!, rest, change) else { return false }
            }
            if let child { items[index].value = child } else { items.remove(at: index) }
            value = .array(items)
            return true
        default:
            return false
        }
    }

    /// Whether two documents hold the same data: tables compared by key (in any order), arrays
    /// in order, scalars by kind and value (as the toml-test tagged JSON writes them).
    static func equivalent(_ a: TOMLValue, _ b: TOMLValue) -> Bool {
        switch (a, b) {
        case (.table(let x), .table(let y)):
            guard x.count == y.count else { return false }
            for member in x.members {
                guard let other = y[member.key], equivalent(member.node.value, other.value) else { return false }
            }
            return true
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !equivalent(p.value, q.value) { return false }
            return true
        case (.table, _), (.array, _), (_, .table), (_, .array):
            return false
        default:
            return a.kindName == b.kindName && a.canonicalText == b.canonicalText
        }
    }
}
