/// Collects the tables of one document while it is parsed, and enforces TOML's rules on
/// where tables may be defined and extended.
///
/// Tables live in an arena and refer to each other by index, so nested tables are extended
/// in place; `finish()` turns the arena into `TOMLTable`s.
struct TOMLDocumentBuilder {
    enum Content {
        case value(TOMLValue)
        case table(Int)
        case tableArray(Int)
    }

    struct Entry {
        var key: String
        var keyRange: SourceRange
        /// The value's range, or the first `[[header]]` of an array of tables.
        var range: SourceRange
        var content: Content
    }

    struct Table {
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        var range: SourceRange
        var depth: Int
        var definedByHeader = false
        /// The section whose dotted keys created or extended this table, or -1.
        var dottedSection = -1
        var dottedLine = 0

        private static let indexThreshold = 8

        func find(_ key: String) -> Int? {
            if entries.count <= Self.indexThreshold {
                for i in entries.indices where entries[i].key == key { return i }
                return nil
            }
            return index[key]
        }

        mutating func append(_ entry: Entry) {
            entries.append(entry)
            if entries.count == Self.indexThreshold + 1 {
                for (i, existing) in entries.enumerated() { index[existing.key] = i }
            } else if entries.count > Self.indexThreshold {
                index[entry.key] = entries.count - 1
            }
        }
    }

    /// The state saved while an inline table is being read.
    struct InlineScope {
        var table: Int
        var outerSection: Int
    }

    private var tables: [Table]
    private var tableArrays: [[Int]] = []
    /// The table that `key = value` lines currently go into.
    private(set) var current = 0
    /// Identifies the current `[header]` section or inline table, for the dotted-key rules.
    private var section = 0
    private var sectionCount = 0

    init() {
        let origin = SourcePosition(line: 1, column: 1, offset: 0)
        tables = [Table(range: SourceRange(start: origin, end: origin), depth: 0)]
    }

    func depth(of table: Int) -> Int { tables[table].depth }

    // MARK: key = value

    /// Adds `keys = value` to `table`, creating the tables a dotted key names.
    mutating func insert(_ keys: [TOMLKeySegment], _ node: TOMLNode, into table: Int) throws(TOMLError) {
        var target = table
        for segment in keys.dropLast() { target = try descendDotted(target, segment) }
        let last = keys[keys.count - 1]
        if let i = tables[target].find(last.name) {
            let entry = tables[target].entries[i]
            let name = describeKey(last.name)
            switch entry.content {
            case .value:
                throw fail("the key \(name) is defined twice (first at line \(entry.range.start.line))", last.range)
            case .table(let child):
                throw fail("the key \(name) is already a table (defined at line \(tables[child].range.start.line)); it can't also hold a value", last.range)
            case .tableArray:
                throw fail("the key \(name) is already an array of tables (defined at line \(entry.range.start.line)); it can't also hold a value", last.range)
            }
        }
        tables[target].append(Entry(key: last.name, keyRange: last.range, range: node.range, content: .value(node.value)))
    }

    private mutating func descendDotted(_ parent: Int, _ segment: TOMLKeySegment) throws(TOMLError) -> Int {
        let name = describeKey(segment.name)
        guard let i = tables[parent].find(segment.name) else {
            let child = try newTable(in: parent, segment, range: segment.range)
            tables[child].dottedSection = section
            tables[child].dottedLine = segment.range.start.line
            return child
        }
        let entry = tables[parent].entries[i]
        switch entry.content {
        case .table(let child):
            let table = tables[child]
            if table.definedByHeader {
                throw fail("the table \(name) has its own [header] at line \(table.range.start.line): add this key under that header instead", segment.range)
            }
            if table.dottedSection >= 0 && table.dottedSection != section {
                throw fail("the table \(name) was already defined at line \(table.dottedLine); dotted keys can't add to it from here", segment.range)
            }
            if table.dottedSection < 0 {
                tables[child].dottedSection = section
                tables[child].dottedLine = segment.range.start.line
            }
            return child
        case .tableArray:
            throw fail("the key \(name) is an array of tables (defined at line \(entry.range.start.line)); dotted keys can't add to it", segment.range)
        case .value(let value):
            throw valueInTheWay(name, value, entry, segment)
        }
    }

    // MARK: [table] and [[array of tables]]

    /// Starts the section of a `[table]` header.
    mutating func openTable(_ keys: [TOMLKeySegment], header: SourceRange) throws(TOMLError) {
        startSection()
        var parent = 0
        for segment in keys.dropLast() { parent = try descendHeader(parent, segment) }
        let last = keys[keys.count - 1]
        guard let i = tables[parent].find(last.name) else {
            let child = try newTable(in: parent, last, range: header)
            tables[child].definedByHeader = true
            current = child
            return
        }
        let entry = tables[parent].entries[i]
        switch entry.content {
        case .table(let child):
            let table = tables[child]
            if table.definedByHeader {
                throw fail("this table was already defined at line \(table.range.start.line)", header)
            }
            if table.dottedSection >= 0 {
                throw fail("this table was already defined by dotted keys at line \(table.dottedLine)", header)
            }
            tables[child].definedByHeader = true
            tables[child].range = header
            tables[parent].entries[i].keyRange = last.range
            current = child
        case .tableArray:
            throw fail("\(describeKey(last.name)) is already an array of tables (defined at line \(entry.range.start.line)): write [[...]] to add an entry to it", header)
        case .value(let value):
            throw valueInTheWay(describeKey(last.name), value, entry, last)
        }
    }

    /// Starts the section of an `[[array of tables]]` header: a new table appended to the array.
    mutating func appendArrayTable(_ keys: [TOMLKeySegment], header: SourceRange) throws(TOMLError) {
        startSection()
        var parent = 0
        for segment in keys.dropLast() { parent = try descendHeader(parent, segment) }
        let last = keys[keys.count - 1]
        guard let i = tables[parent].find(last.name) else {
            let child = try newTable(in: parent, last, range: header, asArray: true)
            tables[child].definedByHeader = true
            current = child
            return
        }
        let entry = tables[parent].entries[i]
        switch entry.content {
        case .tableArray(let array):
            let child = try makeTable(depth: tables[parent].depth + 1, range: header, at: last)
            tables[child].definedByHeader = true
            tableArrays[array].append(child)
            current = child
        case .table(let child):
            throw fail("\(describeKey(last.name)) is already a table (defined at line \(tables[child].range.start.line)), so it can't also be an array of tables", header)
        case .value(let value):
            throw valueInTheWay(describeKey(last.name), value, entry, last)
        }
    }

    private mutating func descendHeader(_ parent: Int, _ segment: TOMLKeySegment) throws(TOMLError) -> Int {
        guard let i = tables[parent].find(segment.name) else {
            return try newTable(in: parent, segment, range: segment.range)
        }
        let entry = tables[parent].entries[i]
        switch entry.content {
        case .table(let child): return child
        case .tableArray(let array): return tableArrays[array][tableArrays[array].count - 1]
        case .value(let value): throw valueInTheWay(describeKey(segment.name), value, entry, segment)
        }
    }

    private mutating func startSection() {
        sectionCount += 1
        section = sectionCount
    }

    // MARK: inline tables

    /// Starts an inline table `{ ... }` whose keys go into `scope.table`.
    mutating func beginInlineTable(depth: Int, at position: SourcePosition) -> InlineScope {
        let scope = InlineScope(table: tables.count, outerSection: section)
        tables.append(Table(range: SourceRange(start: position, end: position), depth: depth))
        sectionCount += 1
        section = sectionCount
        return scope
    }

    /// Finishes an inline table: it becomes a value, closed to further keys.
    mutating func endInlineTable(_ scope: InlineScope) -> TOMLTable {
        let table = build(scope.table)
        tables.removeSubrange(scope.table...)
        section = scope.outerSection
        return table
    }

    // MARK: building

    private mutating func newTable(
        in parent: Int, _ segment: TOMLKeySegment, range: SourceRange, asArray: Bool = false
    ) throws(TOMLError) -> Int {
        let child = try makeTable(depth: tables[parent].depth + 1, range: range, at: segment)
        let content: Content
        if asArray {
            tableArrays.append([child])
            content = .tableArray(tableArrays.count - 1)
        } else {
            content = .table(child)
        }
        tables[parent].append(Entry(key: segment.name, keyRange: segment.range, range: range, content: content))
        return child
    }

    private mutating func makeTable(depth: Int, range: SourceRange, at segment: TOMLKeySegment) throws(TOMLError) -> Int {
        if depth > TOMLDecoder.maximumDepth {
            throw fail("tables are nested too deeply: at most \(TOMLDecoder.maximumDepth) levels are allowed", segment.range)
        }
        tables.append(Table(range: range, depth: depth))
        return tables.count - 1
    }

    /// The document's root table.
    func finish() -> TOMLTable { build(0) }

    private func build(_ index: Int) -> TOMLTable {
        let entries = tables[index].entries
        var members: [TOMLTable.Member] = []
        members.reserveCapacity(entries.count)
        for entry in entries {
            let node: TOMLNode
            switch entry.content {
            case .value(let value):
                node = TOMLNode(value, range: entry.range)
            case .table(let child):
                node = TOMLNode(.table(build(child)), range: tables[child].range)
            case .tableArray(let array):
                let items = tableArrays[array].map { TOMLNode(.table(build($0)), range: tables[$0].range) }
                node = TOMLNode(.array(items), range: entry.range)
            }
            members.append(TOMLTable.Member(key: entry.key, keyRange: entry.keyRange, node: node))
        }
        return TOMLTable(uniqueMembers: members)
    }

    // MARK: errors

    private func valueInTheWay(_ name: String, _ value: TOMLValue, _ entry: Entry, _ segment: TOMLKeySegment) -> TOMLError {
        let line = entry.range.start.line
        switch value {
        case .table:
            return fail("the key \(name) already holds an inline table (at line \(line)), which can't be extended", segment.range)
        case .array:
            return fail("the key \(name) already holds an array (at line \(line)); it can't be extended with [[...]] or used as a table", segment.range)
        default:
            return fail("the key \(name) already holds a value (at line \(line)), so it can't also be a table", segment.range)
        }
    }

    private func fail(_ message: String, _ range: SourceRange) -> TOMLError {
        TOMLError(message, at: range.start)
    }
}
