import MaracBase

/// Finding what a path names, how it is written, and the lines of its section.
extension TOMLEditor {
    /// How a node is written in the document.
    enum Form {
        /// The document itself.
        case root
        /// A table opened by its own `[header]` or `[[header]]` (an array-of-tables entry).
        case header
        /// A table created by dotted keys (`a.b = 1` creates `a`).
        case dotted
        /// A table created only as a parent in a header (`[a.b]` creates `a`).
        case implicit
        /// An array of tables written as `[[header]]` entries.
        case arrayOfTables
        /// A value after `=`, or anything inside one (inline tables and arrays included).
        case inlineValue
    }

    /// One node on a path: the node, how it is written, and the member that holds it.
    struct Step {
        var node: TOMLNode
        var form: Form
        var member: TOMLTable.Member?
    }

    /// Follows `path` as far as it exists. `steps[i]` is the node after `i` components of
    /// `resolved`, which is `path` with the implicit last-entry indices filled in.
    func walk(_ path: [TOMLPathComponent], lastEntryForKeys: Bool) throws(TOMLEditError)
        -> (steps: [Step], resolved: [TOMLPathComponent]) {
        let origin = SourcePosition(line: 1, column: 1, offset: 0)
        var steps = [Step(node: TOMLNode(.table(table), range: SourceRange(start: origin, end: origin)), form: .root)]
        var resolved: [TOMLPathComponent] = []
        var i = 0
        while i < path.count {
            let current = steps[steps.count - 1]
            switch (path[i], current.node.value) {
            case (.key(let key), .table(let table)):
                guard let member = table[member: key] else { return (steps, resolved) }
                resolved.append(path[i])
                steps.append(Step(node: member.node, form: form(of: member.node, in: current.form), member: member))
                i += 1
            case (.key, .array(let items)) where lastEntryForKeys && current.form == .arrayOfTables:
                resolved.append(.index(items.count - 1))
                steps.append(Step(node: items[items.count - 1], form: .header, member: nil))
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else {
                    throw TOMLEditError(.notFound, path: Array(path[...i]).pathDescription,
                                        "there is no entry \(index): the array has \(items.count)")
                }
                resolved.append(path[i])
                let form: Form = current.form == .arrayOfTables ? .header : .inlineValue
                steps.append(Step(node: items[index], form: form, member: nil))
                i += 1
            case (.key, .array):
                throw TOMLEditError(.wrongKind, path: Array(path[..<i]).pathDescription,
                                    "this is an array: give the index of an entry before the key")
            case (.index, _):
                throw TOMLEditError(.wrongKind, path: Array(path[..<i]).pathDescription,
                                    "this is not an array, so it has no entries to index")
            case (.key, _):
                throw TOMLEditError(.wrongKind, path: Array(path[..<i]).pathDescription,
                                    "this holds a value, not a table, so it has no keys")
            }
        }
        return (steps, resolved)
    }

    /// How `node` is written, given how its parent is written.
    func form(of node: TOMLNode, in parent: Form) -> Form {
        if parent == .inlineValue { return .inlineValue }
        let start = node.range.start.offset
        switch node.value {
        case .table:
            guard start < bytes.count else { return .inlineValue }
            if bytes[start] == TOMLByte.openBracket { return .header }
            if bytes[start] == TOMLByte.openBrace { return .inlineValue }
            guard let s = statementIndex(containing: start) else { return .inlineValue }
            return statements[s].isHeader ? .implicit : .dotted
        case .array(let items):
            if let first = items.first, first.table != nil, first.range.start.offset < bytes.count,
               bytes[first.range.start.offset] == TOMLByte.openBracket,
               bytes[start] == TOMLByte.openBracket, statementIndex(containing: start).map({ statements[$0].isHeader }) == true {
                return .arrayOfTables
            }
            return .inlineValue
        default:
            return .inlineValue
        }
    }

    // MARK: statements

    /// The statement whose text holds `offset`.
    func statementIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = statements.count
        while low < high {
            let mid = (low + high) / 2
            if statements[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0, offset < statements[low - 1].end else { return nil }
        return low - 1
    }

    /// The header statement of a `[header]` table or `[[header]]` entry.
    func headerStatement(of node: TOMLNode) -> Int? {
        guard let s = statementIndex(containing: node.range.start.offset), statements[s].isHeader,
              statements[s].start == node.range.start.offset else { return nil }
        return s
    }

    /// The `key = value` statement that writes `member`.
    func keyValueStatement(of member: TOMLTable.Member) -> Int? {
        guard let s = statementIndex(containing: member.keyRange.start.offset), statements[s].kind == .keyValue,
              statements[s].keyStart == member.keyRange.start.offset else { return nil }
        return s
    }

    /// The last statement of the header `h`'s block: its section and the sections of the
    /// headers inside it, up to the next header that is not inside it.
    func blockLast(of h: Int) -> Int {
        let prefix = statements[h].keys
        var last = h
        var j = h + 1
        while j < statements.count {
            let s = statements[j]
            if s.isHeader && !(s.keys.count > prefix.count && Array(s.keys[..<prefix.count]) == prefix) { break }
            last = j
            j += 1
        }
        return last
    }

    /// The last statement that belongs to the array-of-tables entry with header `h`: the end of
    /// its block, or of a later section inside it written further down (after other tables),
    /// up to the header that opens a new entry of it or of an array it lies in.
    func scopeLast(of h: Int) -> Int {
        let keys = statements[h].keys
        var last = blockLast(of: h)
        var j = last + 1
        while j < statements.count {
            let s = statements[j]
            if s.isHeader {
                if s.kind == .arrayTable, s.keys.count <= keys.count, keys.starts(with: s.keys) { break }
                if s.keys.count > keys.count, s.keys.starts(with: keys) {
                    last = blockLast(of: j)
                    j = last + 1
                    continue
                }
            }
            j += 1
        }
        return last
    }

    /// The indentation of statement `s`'s line.
    func indentation(of s: Int) -> [UInt8] {
        Array(bytes[statements[s].lineStart..<statements[s].start])
    }

    /// The indentation for a new header inside `h`'s block: that of a header directly inside
    /// it, else `h`'s own.
    func childIndentation(of h: Int) -> [UInt8] {
        let depth = statements[h].keys.count
        for j in (h + 1)..<(blockLast(of: h) + 1) where statements[j].isHeader && statements[j].keys.count == depth + 1 {
            return indentation(of: j)
        }
        return indentation(of: h)
    }

    /// Where a new `key = value` line of the section opened by header `h` (nil: the top level)
    /// goes, and its indentation: after the section's last line, matching it.
    func lineInsertion(inSection h: Int?) -> (offset: Int, indent: [UInt8]) {
        var j = (h ?? -1) + 1
        var last: Int? = nil
        while j < statements.count && !statements[j].isHeader {
            last = j
            j += 1
        }
        if let last { return (statements[last].end, indentation(of: last)) }
        if let h { return (statements[h].end, indentation(of: h)) }
        if j < statements.count { return (statements[j].lineStart, []) }
        return (bytes.count, [])
    }

    /// Where a new section inside the table at `step` (the root or a `[header]` table) goes, and
    /// the indentation of its header.
    func sectionInsertion(in step: Step) -> (offset: Int, indent: [UInt8])? {
        if step.form == .root { return (bytes.count, []) }
        guard step.form == .header, let h = headerStatement(of: step.node) else { return nil }
        return (statements[blockLast(of: h)].end, childIndentation(of: h))
    }
}
