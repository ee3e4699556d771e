
/// The edits, returning a new editor over the edited bytes (for chains of edits).

extension TOMLEditor {
    /// Sets the value at `path`; see `setValue(_:at:)`.
    public func settingValue(_ value: TOMLValue, at path: [TOMLPathComponent]) throws(TOMLEditError) -> TOMLEditor {
        guard !path.isEmpty else {
            throw TOMLEditError(.wrongKind, path: path.pathDescription, "give the key of the value to set")
        }
        try checkDepth(of: value, at: path.count, path)
        let (steps, resolved) = try walk(path, lastEntryForKeys: false)
        var expected = TOMLValue.table(table)
        _ = TOMLTreeEdit.update(&expected, resolved[...] + path[resolved.count...]) { $0 = value }
        let description = path.pathDescription

        if resolved.count == path.count {
            let target = steps[steps.count - 1]
            guard target.form == .inlineValue else {
                throw TOMLEditError(.notALine, path: description,
                                    "this is a table written as a section; set the keys inside it instead")
            }
            if TOMLTreeEdit.equivalent(target.node.value, value) { return self }
            return try applying(valueText(value, replacing: target.node), in: target.node.range.bytes,
                                expecting: expected, path: path)
        }

        let rest = path[resolved.count...]
        let names = rest.compactMap(\.key)
        guard names.count == rest.count else {
            throw TOMLEditError(.notFound, path: description, "there is nothing at this path to index into")
        }
        let parentIndex = steps.count - 1
        let parent = steps[parentIndex]
        guard parent.node.table != nil else {
            throw TOMLEditError(.wrongKind, path: Array(path[..<resolved.count]).pathDescription,
                                "this is not a table, so keys can't be added to it")
        }
        switch parent.form {
        case .root, .header:
            if names.count == 1 {
                let section = parent.form == .root ? nil : headerStatement(of: parent.node)
                let (offset, indent) = lineInsertion(inSection: section)
                let text = lineBreaks(before: offset, blankLine: false) + lineText(names, value, indent: indent)
                return try applying(text, in: offset..<offset, expecting: expected, path: path)
            }
            return try insertSection(
                keys: headerKeys(resolved) + names.dropLast(), TOMLTable([names[names.count - 1]: value]),
                in: parent, expected: expected, path: path)
        case .implicit:
            return try insertSection(
                keys: headerKeys(resolved) + names.dropLast(), TOMLTable([names[names.count - 1]: value]),
                in: nearestSection(steps, below: parentIndex).step, expected: expected, path: path)
        case .dotted:
            let (sectionIndex, section) = nearestSection(steps, below: parentIndex)
            let prefix = resolved[sectionIndex...].compactMap(\.key)
            let header = section.form == .root ? nil : headerStatement(of: section.node)
            let (offset, indent) = lineInsertion(inSection: header)
            let text = lineBreaks(before: offset, blankLine: false) + lineText(prefix + names, value, indent: indent)
            return try applying(text, in: offset..<offset, expecting: expected, path: path)
        case .inlineValue:
            let range = parent.node.range.bytes
            guard range.count >= 2, bytes[range.lowerBound] == TOMLByte.openBrace else {
                throw TOMLEditError(.notALine, path: Array(path[..<resolved.count]).pathDescription,
                                    "this table is written with dotted keys inside an inline table; edit that line by hand")
            }
            var nested = value
            for name in names.dropFirst().reversed() { nested = .table(TOMLTable([name: nested])) }
            let member = TOMLEncoder.key(names[0]) + " = " + TOMLEncoder.inline(nested)
            var close = range.upperBound - 1
            while bytes[close - 1] == TOMLByte.space || bytes[close - 1] == TOMLByte.tab { close -= 1 }
            if close - 1 == range.lowerBound {
                // An empty `{}` or `{ }` gets `{ key = value }`; other spacing inside is kept.
                let spaced = bytes[range.lowerBound + 1] == TOMLByte.space
                let at = range.lowerBound + (spaced ? 2 : 1)
                return try applying(withLineEnds((spaced ? "" : " ") + member + " "), in: at..<at, expecting: expected, path: path)
            }
            return try applying(withLineEnds(", " + member), in: close..<close, expecting: expected, path: path)
        case .arrayOfTables:
            throw TOMLEditError(.wrongKind, path: description, "this is an array of tables: give the index of an entry")
        }
    }

    /// Removes the `key = value` line at `path`; see `removeKey(at:)`.
    public func removingKey(at path: [TOMLPathComponent]) throws(TOMLEditError) -> TOMLEditor {
        let description = path.pathDescription
        let (steps, resolved) = try walk(path, lastEntryForKeys: false)
        guard resolved.count == path.count, path.last?.key != nil, steps.count >= 2 else {
            throw TOMLEditError(.notFound, path: description, "there is no key here to remove")
        }
        let target = steps[steps.count - 1]
        let parent = steps[steps.count - 2]
        guard parent.form != .inlineValue else {
            throw TOMLEditError(.notALine, path: description,
                                "this key is inside an inline table or array, not on a line of its own; edit that value instead")
        }
        guard target.form == .inlineValue, let member = target.member, let s = keyValueStatement(of: member) else {
            throw TOMLEditError(.notALine, path: description,
                                "this is a table written as a section or with dotted keys, not a key = value line")
        }
        if statements[s].keyCount > 1, (parent.node.table?.count ?? 0) <= 1 {
            throw TOMLEditError(.notALine, path: description,
                                "this dotted key is all that defines its table; removing the line would remove the table too")
        }
        var expected = TOMLValue.table(table)
        _ = TOMLTreeEdit.update(&expected, resolved[...]) { $0 = nil }
        return try applying([], in: statements[s].lineStart..<statements[s].end, expecting: expected, path: path)
    }

    /// Appends a `[[path]]` entry; see `appendArrayTable(_:at:)`.
    public func appendingArrayTable(_ entry: TOMLTable, at path: [TOMLPathComponent]) throws(TOMLEditError) -> TOMLEditor {
        let description = path.pathDescription
        guard path.last?.key != nil else {
            throw TOMLEditError(.wrongKind, path: description, "give the key of the array of tables")
        }
        let (steps, resolved) = try walk(path, lastEntryForKeys: true)
        let entryNode = TOMLNode(.table(entry), range: .unknown)
        var expected = TOMLValue.table(table)
        let consumed = resolved.count - implicitIndices(resolved, path)
        let full = resolved + path[consumed...]
        _ = TOMLTreeEdit.update(&expected, full[...]) { value in
            if case .array(let items)? = value { value = .array(items + [entryNode]) } else { value = .array([entryNode]) }
        }
        let keys = headerKeys(full)
        try checkDepth(of: .table(entry), at: full.count + 1, path)

        if full.count == resolved.count {
            let target = steps[steps.count - 1]
            guard target.form == .arrayOfTables, let last = target.node.array?.last, let h = headerStatement(of: last) else {
                throw TOMLEditError(.wrongKind, path: description, "this key already holds something other than an array of tables")
            }
            let offset = statements[scopeLast(of: h)].end
            let text = lineBreaks(before: offset, blankLine: true) + sectionText(keys, entry, asEntry: true, indent: indentation(of: h))
            return try applying(text, in: offset..<offset, expecting: expected, path: path)
        }
        let parentIndex = steps.count - 1
        guard steps[parentIndex].node.table != nil, steps[parentIndex].form != .inlineValue else {
            throw TOMLEditError(.wrongKind, path: Array(full[..<resolved.count]).pathDescription,
                                "this is not a table written with headers, so it can't hold an array of tables")
        }
        let section = nearestSection(steps, below: parentIndex).step
        guard let (offset, indent) = sectionInsertion(in: section) else {
            throw TOMLEditError(.invalidResult, path: description, "the enclosing table's header was not found")
        }
        let text = lineBreaks(before: offset, blankLine: true) + sectionText(keys, entry, asEntry: true, indent: indent)
        return try applying(text, in: offset..<offset, expecting: expected, path: path)
    }

    /// Removes entry `index` of an array of tables; see `removeArrayTableEntry(at:index:)`.
    public func removingArrayTableEntry(at path: [TOMLPathComponent], index: Int) throws(TOMLEditError) -> TOMLEditor {
        let description = path.pathDescription
        let (steps, resolved) = try walk(path, lastEntryForKeys: true)
        guard resolved.count - implicitIndices(resolved, path) == path.count else {
            throw TOMLEditError(.notFound, path: description, "there is no array of tables here")
        }
        let target = steps[steps.count - 1]
        guard target.form == .arrayOfTables, let items = target.node.array else {
            throw TOMLEditError(.wrongKind, path: description, "this is not an array of tables written with [[headers]]")
        }
        guard items.indices.contains(index), let h = headerStatement(of: items[index]) else {
            throw TOMLEditError(.notFound, path: description, "there is no entry \(index): the array has \(items.count)")
        }
        guard scopeLast(of: h) == blockLast(of: h) else {
            throw TOMLEditError(.notALine, path: description,
                                "entry \(index) has sub-tables written further down the file, after other tables; move them under its [[header]] first")
        }
        var start = statements[h].lineStart
        let end = blankLinesEnd(from: statements[blockLast(of: h)].end)
        if end == bytes.count { start = blankLinesStart(before: start) }

        var expected = TOMLValue.table(table)
        _ = TOMLTreeEdit.update(&expected, resolved[...]) { value in
            guard case .array(var entries)? = value else { return }
            entries.remove(at: index)
            value = entries.isEmpty ? nil : .array(entries)
        }
        pruneEmptyImplicitTables(&expected, steps: steps, resolved: resolved)
        return try applying([], in: start..<end, expecting: expected, path: path)
    }

    // MARK: helpers

    /// Refuses a value that would nest deeper than the decoder accepts. `length` is the length
    /// of its path (each key and index counted: a little stricter than the decoder).
    func checkDepth(of value: TOMLValue, at length: Int, _ path: [TOMLPathComponent]) throws(TOMLEditError) {
        func height(_ value: TOMLValue) -> Int {
            switch value {
            case .table(let table): 1 + table.members.reduce(0) { max($0, height($1.node.value)) }
            case .array(let items): 1 + items.reduce(0) { max($0, height($1.value)) }
            default: 0
            }
        }
        if length - 1 + height(value) > TOMLDecoder.maximumDepth {
            throw TOMLEditError(.tooDeep, path: path.pathDescription,
                                "this would nest tables and arrays more than \(TOMLDecoder.maximumDepth) levels deep")
        }
    }

    /// Adds a new `[keys]` section holding `content` at the end of `section`'s block.
    func insertSection(
        keys: [String], _ content: TOMLTable, in section: Step, expected: TOMLValue, path: [TOMLPathComponent]
    ) throws(TOMLEditError) -> TOMLEditor {
        guard let (offset, indent) = sectionInsertion(in: section) else {
            throw TOMLEditError(.invalidResult, path: path.pathDescription, "the enclosing table's header was not found")
        }
        let text = lineBreaks(before: offset, blankLine: true) + sectionText(keys, content, asEntry: false, indent: indent)
        return try applying(text, in: offset..<offset, expecting: expected, path: path)
    }

    /// The keys of a path, as a header writes them (entries' indices left out).
    func headerKeys<C: Collection>(_ path: C) -> [String] where C.Element == TOMLPathComponent {
        path.compactMap(\.key)
    }

    /// How many indices `walk` added to `path` to reach last entries.
    func implicitIndices(_ resolved: [TOMLPathComponent], _ path: [TOMLPathComponent]) -> Int {
        var added = 0
        var j = 0
        for component in resolved {
            if j < path.count, path[j] == component { j += 1 } else { added += 1 }
        }
        return added
    }

    /// The nearest step at or above `index` that is the root or a `[header]` table, and its index.
    func nearestSection(_ steps: [Step], below index: Int) -> (index: Int, step: Step) {
        var i = index
        while i > 0, steps[i].form != .header { i -= 1 }
        return (i, steps[i])
    }

    /// Tables that existed only as header parents vanish when their last section goes.
    func pruneEmptyImplicitTables(_ expected: inout TOMLValue, steps: [Step], resolved: [TOMLPathComponent]) {
        var i = steps.count - 1
        while i > 0 {
            defer { i -= 1 }
            guard steps[i].form == .implicit || steps[i].form == .arrayOfTables else { continue }
            var isEmpty = false
            _ = TOMLTreeEdit.update(&expected, resolved[..<i]) { value in
                switch value {
                case .table(let t)? where t.isEmpty && steps[i].form == .implicit: isEmpty = true
                case nil: isEmpty = true
                default: break
                }
                if isEmpty { value = nil }
            }
            if !isEmpty { return }
        }
    }
}
