import MaracBase

/// Collects the tables of one document while it is parsed, and enforces TOML's rules on
/// where tables may be defined and extended.
///
/// Tables live in an arena and refer to each other by index, so nested tables are extended
/// in place; `finish()` turns the arena into `TOMLTable`s without copying members.
struct TOMLDocumentBuilder {
    /// What a member holds: a finished value, or a table (or array of tables) still in the arena.
    enum Slot {
        case value
        case table(Int)
        case tableArray(Int)
    }

    struct Table {
        /// Members as they will appear; a table's node is filled in by `build`.
        var members: [TOMLTable.Member] = []
        var slots: [Slot] = []
        var index: [String: Int]? = nil
        var range: SourceRange
        var depth: Int
        var definedByHeader = false
        /// The section whose dotted keys created or extended this table, or -1.
        var dottedSection = -1
        var dottedLine = 0

        init(range: SourceRange, depth: Int) {
            self.range = range
            self.depth = depth
        }

        mutating func append(_ member: consuming TOMLTable.Member, _ slot: Slot) {
            if members.isEmpty {
                members.reserveCapacity(8)
                slots.reserveCapacity(8)
            }
            if index != nil { index![member.key] = members.count }
            members.append(member)
            slots.append(slot)
            if index == nil, members.count > TOMLTable.indexThreshold {
                var built = [String: Int](minimumCapacity: members.count * 2)
                for (i, existing) in members.enumerated() { built[existing.key] = i }
                index = built
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
    /// Stands in for a table's node until `build` fills it in.
    private let placeholder = TOMLValue.boolean(false)

    init() {
        let origin = SourcePosition(line: 1, column: 1, offset: 0)
        tables = [Table(range: SourceRange(start: origin, end: origin), depth: 0)]
    }

    func depth(of table: Int) -> Int { tables[table].depth }

    /// The position of `key` among the members of `table` (read in place: no copy of the table).
    private func find(_ key: String, in table: Int) -> Int? {
        if tables[table].index != nil { return tables[table].index![key] }
        for i in 0..<tables[table].members.count where tables[table].members[i].key == key { return i }
        return nil
    }

    // MARK: key = value

    /// Adds `key = value` to `table`, creating the tables a dotted key names.
    mutating func insert(_ key: consuming TOMLKeyPath, _ node: consuming TOMLNode, into table: Int) throws(TOMLError) {
        var target = table
        for segment in key.parents { target = try descendDotted(target, segment) }
        try insert(last: key.last, node, into: target)
    }

    /// Adds `key = value` to `table` for a key of one segment.
    mutating func insert(last: consuming TOMLKeySegment, _ node: consuming TOMLNode, into target: Int) throws(TOMLError) {
        if let i = find(last.name, in: target) {
            let name = describeKey(last.name)
            let line = tables[target].members[i].node.range.start.line
            switch tables[target].slots[i] {
            case .value:
                throw fail("the key \(name) is defined twice (first at line \(line))", last.range)
            case .table(let child):
                throw fail("the key \(name) is already a table (defined at line \(tables[child].range.start.line)); it can't also hold a value", last.range)
            case .tableArray:
                throw fail("the key \(name) is already an array of tables (defined at line \(line)); it can't also hold a value", last.range)
            }
        }
        tables[target].append(TOMLTable.Member(key: last.name, keyRange: last.range, node: node), .value)
    }

    private mutating func descendDotted(_ parent: Int, _ segment: TOMLKeySegment) throws(TOMLError) -> Int {
        guard let i = find(segment.name, in: parent) else {
            let child = try newTable(in: parent, segment, range: segment.range)
            tables[child].dottedSection = section
            tables[child].dottedLine = segment.range.start.line
            return child
        }
        let name = describeKey(segment.name)
        switch tables[parent].slots[i] {
        case .table(let child):
            if tables[child].definedByHeader {
                throw fail("the table \(name) has its own [header] at line \(tables[child].range.start.line): add this key under that header instead", segment.range)
            }
            let dottedSection = tables[child].dottedSection
            if dottedSection >= 0 && dottedSection != section {
                throw fail("the table \(name) was already defined at line \(tables[child].dottedLine); dotted keys can't add to it from here", segment.range)
            }
            if dottedSection < 0 {
                tables[child].dottedSection = section
                tables[child].dottedLine = segment.range.start.line
            }
            return child
        case .tableArray:
            let line = tables[parent].members[i].node.range.start.line
            throw fail("the key \(name) is an array of tables (defined at line \(line)); dotted keys can't add to it", segment.range)
        case .value:
            throw valueInTheWay(tables[parent].members[i], segment)
        }
    }

    // MARK: [table] and [[array of tables]]

    /// Starts the section of a `[table]` header.
    mutating func openTable(_ key: TOMLKeyPath, header: SourceRange) throws(TOMLError) {
        startSection()
        var parent = 0
        for segment in key.parents { parent = try descendHeader(parent, segment) }
        let last = key.last
        guard let i = find(last.name, in: parent) else {
            let child = try newTable(in: parent, last, range: header)
            tables[child].definedByHeader = true
            current = child
            return
        }
        switch tables[parent].slots[i] {
        case .table(let child):
            if tables[child].definedByHeader {
                throw fail("this table was already defined at line \(tables[child].range.start.line): a [table] is written once; for a list of several (one for each person, referral or action), write every header with two brackets, [[...]]", header)
            }
            if tables[child].dottedSection >= 0 {
                throw fail("this table was already defined by dotted keys at line \(tables[child].dottedLine)", header)
            }
            tables[child].definedByHeader = true
            tables[child].range = header
            tables[parent].members[i].keyRange = last.range
            current = child
        case .tableArray:
            let line = tables[parent].members[i].node.range.start.line
            throw fail("\(describeKey(last.name)) is already an array of tables (defined at line \(line)): write [[...]] to add an entry to it", header)
        case .value:
            throw valueInTheWay(tables[parent].members[i], last)
        }
    }

    /// Starts the section of an `[[array of tables]]` header: a new table appended to the array.
    mutating func appendArrayTable(_ key: TOMLKeyPath, header: SourceRange) throws(TOMLError) {
        startSection()
        var parent = 0
        for segment in key.parents { parent = try descendHeader(parent, segment) }
        let last = key.last
        guard let i = find(last.name, in: parent) else {
            let child = try newTable(in: parent, last, range: header, asArray: true)
            tables[child].definedByHeader = true
            current = child
            return
        }
        switch tables[parent].slots[i] {
        case .tableArray(let array):
            let child = try makeTable(depth: tables[parent].depth + 1, range: header, at: last)
            tables[child].definedByHeader = true
            tableArrays[array].append(child)
            current = child
        case .table(let child):
            throw fail("\(describeKey(last.name)) is already a table (defined at line \(tables[child].range.start.line)), so it can't also be an array of tables: for a list, write every header for it with two brackets, [[...]], the one at line \(tables[child].range.start.line) too", header)
        case .value:
            throw valueInTheWay(tables[parent].members[i], last)
        }
    }

    private mutating func descendHeader(_ parent: Int, _ segment: TOMLKeySegment) throws(TOMLError) -> Int {
        guard let i = find(segment.name, in: parent) else {
            return try newTable(in: parent, segment, range: segment.range)
        }
        switch tables[parent].slots[i] {
        case .table(let child): return child
        case .tableArray(let array): return tableArrays[array][tableArrays[array].count - 1]
        case .value: throw valueInTheWay(tables[parent].members[i], segment)
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
        startSection()
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
        let slot: Slot
        if asArray {
            tableArrays.append([child])
            slot = .tableArray(tableArrays.count - 1)
        } else {
            slot = .table(child)
        }
        let member = TOMLTable.Member(key: segment.name, keyRange: segment.range, node: TOMLNode(placeholder, range: range))
        tables[parent].append(member, slot)
        return child
    }

    private mutating func makeTable(depth: Int, range: SourceRange, at segment: TOMLKeySegment) throws(TOMLError) -> Int {
        if depth > TOMLDecoder.maximumDepth {
            throw fail("tables are nested too deeply: at most \(TOMLDecoder.maximumDepth) levels are allowed", segment.range)
        }
        tables.append(Table(range: range, depth: depth))
        return tables.count - 1
    }

    /// The document's root table; the builder is spent afterwards.
    mutating func finish() -> TOMLTable { build(0) }

    /// Moves a table's members out of the arena, filling in its nested tables.
    private mutating func build(_ index: Int) -> TOMLTable {
        var members: [TOMLTable.Member] = []
        swap(&members, &tables[index].members)
        let slots = tables[index].slots
        for i in slots.indices {
            switch slots[i] {
            case .value:
                continue
            case .table(let child):
                members[i].node = TOMLNode(.table(build(child)), range: tables[child].range)
            case .tableArray(let array):
                var items: [TOMLNode] = []
                items.reserveCapacity(tableArrays[array].count)
                for child in tableArrays[array] {
                    items.append(TOMLNode(.table(build(child)), range: tables[child].range))
                }
                members[i].node.value = .array(items)
            }
        }
        return TOMLTable(uniqueMembers: members, index: tables[index].index)
    }

    // MARK: errors

    private func valueInTheWay(_ member: TOMLTable.Member, _ segment: TOMLKeySegment) -> TOMLError {
        let name = describeKey(segment.name)
        let line = member.node.range.start.line
        switch member.node.value {
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
