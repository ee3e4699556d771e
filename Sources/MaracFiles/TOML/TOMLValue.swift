import MaracBase

/// A TOML value with its TOML kind kept (the four date/time kinds stay distinct).
public indirect enum TOMLValue: Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case offsetDateTime(OffsetDateTime)
    case localDateTime(LocalDateTime)
    case localDate(LocalDate)
    case localTime(LocalTime)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The kind's name as users and the toml-test suite know it ("string", "date-local", ...).
    public var kindName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "bool"
        case .offsetDateTime: "datetime"
        case .localDateTime: "datetime-local"
        case .localDate: "date-local"
        case .localTime: "time-local"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A value and where it is written in the source.
///
/// `range` covers the value's own text for scalars, inline arrays and inline tables; the
/// `[header]` for a table opened by a header (the first `[[header]]` for an array of tables,
/// each entry's own header for its table); the key that created it for an implicit table.
public struct TOMLNode: Sendable {
    public var value: TOMLValue
    public var range: SourceRange

    public init(_ value: TOMLValue, range: SourceRange) {
        self.value = value
        self.range = range
    }

    public var string: String? { if case .string(let s) = value { s } else { nil } }
    public var integer: Int64? { if case .integer(let i) = value { i } else { nil } }
    public var float: Double? { if case .float(let d) = value { d } else { nil } }
    public var boolean: Bool? { if case .boolean(let b) = value { b } else { nil } }
    public var localDate: LocalDate? { if case .localDate(let d) = value { d } else { nil } }
    public var array: [TOMLNode]? { if case .array(let a) = value { a } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = value { t } else { nil } }
}

/// A TOML table: its keys in source order, each with the key's position and its value.
public struct TOMLTable: Sendable {
    /// One `key = value` of the table (or a sub-table / array of tables it holds).
    public struct Member: Sendable {
        public var key: String
        /// Where the key is written (the last key segment of a dotted key or header).
        public var keyRange: SourceRange
        public var node: TOMLNode

        public init(key: String, keyRange: SourceRange, node: TOMLNode) {
            self.key = key
            self.keyRange = keyRange
            self.node = node
        }
    }

    /// Members in the order they first appear in the source.
    public private(set) var members: [Member] = []
    /// Built once a table grows past a handful of keys; small tables are scanned.
    private var index: [String: Int]? = nil
    static let indexThreshold = 12

    public init() {}

    public init(members: [Member]) {
        for member in members { self[member: member.key] = member }
    }

    /// A table of members whose keys are known to be distinct, as the decoder builds them, with
    /// the key index it kept (present exactly when there are more than `indexThreshold` members).
    init(uniqueMembers: [Member], index: [String: Int]?) {
        members = uniqueMembers
        self.index = index
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// The position in `members` of `key`, if present.
    public func indexOf(_ key: String) -> Int? {
        if let index { return index[key] }
        for i in members.indices where members[i].key == key { return i }
        return nil
    }

    /// The node stored under `key`.
    public subscript(key: String) -> TOMLNode? {
        guard let i = indexOf(key) else { return nil }
        return members[i].node
    }

    /// The member stored under `key`; setting replaces it in place or appends it; `nil` removes it.
    public subscript(member key: String) -> Member? {
        get { indexOf(key).map { members[$0] } }
        set {
            if let i = indexOf(key) {
                if let newValue {
                    members[i] = newValue
                } else {
                    members.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                members.append(newValue)
                if index != nil {
                    index![newValue.key] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// Replaces the node of an existing member, keeping its key position.
    public mutating func setNode(_ node: TOMLNode, forKey key: String) -> Bool {
        guard let i = indexOf(key) else { return false }
        members[i].node = node
        return true
    }

    /// Follows a path of keys through nested tables (not into arrays).
    public func node(at path: [String]) -> TOMLNode? {
        guard let first = path.first, let node = self[first] else { return nil }
        if path.count == 1 { return node }
        return node.table?.node(at: Array(path.dropFirst()))
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(members.count)
        for (i, member) in members.enumerated() { built[member.key] = i }
        index = built
    }
}
