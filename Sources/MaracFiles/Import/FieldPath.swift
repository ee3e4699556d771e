import MaracTOML

/// A place in a record that a column fills, as a map writes it: `victim.dob`,
/// `perpetrator[2].name`, `referral.agency`, `action.due`. An entry of a list of tables
/// (`perpetrator`, `child`, `referral`) is counted from 1; without `[n]` it is the first.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public struct Segment: Sendable, Hashable {
        public var name: String
        /// 1-based entry of a list of tables, once resolved against the schema.
        public var index: Int?
    }

    public var segments: [Segment]

    /// The most entries of one list a map may address (`child[12].name`).
    static let maxIndex = 20

    public init(segments: [Segment]) { self.segments = segments }

    /// Parses `a.b[2].c`; `nil` when it is not written that way.
    public init?(_ text: String) {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var index: Int?
            if let open = part.firstIndex(of: "["), part.hasSuffix("]") {
                name = part[..<open]
                let digits = part[part.index(after: open)..<part.index(before: part.endIndex)]
                guard let number = Int(digits), (1...Self.maxIndex).contains(number), digits.allSatisfy(\.isNumber) else { return nil }
                index = number
            }
            guard !name.isEmpty, name.utf8.count <= 64,
                name.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 })
            else { return nil }
            segments.append(Segment(name: String(name), index: index))
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
    }

    /// `perpetrator[2].name`, as lint names fields.
    public var description: String {
        segments.map { $0.name + ($0.index.map { "[\($0)]" } ?? "") }.joined(separator: ".")
    }

    /// The path into a TOML document (entries 0-based).
    public var tomlPath: [TOMLPathComponent] {
        segments.flatMap { segment -> [TOMLPathComponent] in
            [.key(segment.name)] + (segment.index.map { [.index($0 - 1)] } ?? [])
        }
    }

    /// The path without its first `count` segments.
    func dropping(_ count: Int) -> FieldPath { FieldPath(segments: Array(segments.dropFirst(count))) }

    var first: String { segments[0].name }
}

/// What a field holds, read from the record schema, and so how a cell is read into it.
public enum FieldKind: Sendable, Equatable {
    case text
    case date
    case integer
    case boolean
    /// One of the schema's `enum` values.
    case choice([String])
    /// A list (cells split at the map's `list_separator`): of text, or of choices.
    case list(choices: [String]?)
    /// An `[[agency]]` id of marac.toml (a cell may also give the agency's name).
    case agency
    /// A `[[marac]]` id of marac.toml (a cell may also give the MARAC's name).
    case marac

    /// How the template and messages describe it.
    public var summary: String {
        switch self {
        case .text: "text"
        case .date: "date"
        case .integer: "whole number"
        case .boolean: "yes/no"
        case .choice(let values): values.joined(separator: " | ")
        case .list(let choices): choices.map { "list of: " + $0.joined(separator: " | ") } ?? "list"
        case .agency: "agency id of marac.toml"
        case .marac: "MARAC id of marac.toml"
        }
    }
}
