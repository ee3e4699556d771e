/// A small backtracking matcher for the ECMA-262 regular expressions schemas use in practice:
/// literals, `.`, classes (`[a-z]`, `[^...]`, `\d \w \s` and their negations), anchors `^ $`,
/// groups `( )` and `(?: )`, alternation `|`, and greedy `* + ? {n} {n,} {n,m}`.
///
/// `SchemaPattern` uses it instead of NSRegularExpression whenever it can read a pattern (it
/// is many times faster on the short field values records hold) and falls back to
/// NSRegularExpression for anything else (lookaround, back-references, `\b`, lazy
/// quantifiers, Unicode properties). `init` returns `nil` for such patterns.
struct SimpleRegex: Sendable {
    indirect enum Node: Sendable {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        case start
        case end
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    let root: Node
    /// Set when the pattern is `^` followed by literal text only: a plain prefix test.
    private let literalPrefix: [Unicode.Scalar]?
    private let anchoredAtStart: Bool

    init?(_ pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.atEnd else { return nil }
        root = node
        if case .sequence(let items) = node, case .start = items.first {
            anchoredAtStart = true
            let rest = items.dropFirst()
            let literals = rest.compactMap { item -> Unicode.Scalar? in
                if case .scalar(let s) = item { return s }
                return nil
            }
            literalPrefix = literals.count == rest.count ? literals : nil
        } else {
            anchoredAtStart = false
            literalPrefix = nil
        }
    }

    /// Whether the pattern matches anywhere in `text` (ECMA `pattern` semantics).
    func matches(_ text: String) -> Bool {
        if let prefix = literalPrefix {
            var iterator = text.unicodeScalars.makeIterator()
            for expected in prefix {
                guard iterator.next() == expected else { return false }
            }
            return true
        }
        let scalars = Array(text.unicodeScalars)
        let starts = anchoredAtStart ? 0...0 : 0...scalars.count
        for start in starts {
            if Self.match(root, scalars, start, { _ in true }) { return true }
        }
        return false
    }

    private static func match(
        _ node: Node, _ text: [Unicode.Scalar], _ index: Int, _ next: (Int) -> Bool
    ) -> Bool {
        switch node {
        case .scalar(let expected):
            return index < text.count && text[index] == expected && next(index + 1)
        case .set(let set):
            return index < text.count && set.contains(text[index]) && next(index + 1)
        case .start:
            return index == 0 && next(index)
        case .end:
            return index == text.count && next(index)
        case .sequence(let items):
            return matchSequence(items[...], text, index, next)
        case .alternation(let options):
            return options.contains { match($0, text, index, next) }
        case .repetition(let item, let min, let max):
            return matchRepetition(item, min: min, max: max, count: 0, text, index, next)
        }
    }

    private static func matchSequence(
        _ items: ArraySlice<Node>, _ text: [Unicode.Scalar], _ index: Int, _ next: (Int) -> Bool
    ) -> Bool {
        guard let first = items.first else { return next(index) }
        return match(first, text, index) { matchSequence(items.dropFirst(), text, $0, next) }
    }

    /// Greedy: as many as allowed first, then fewer. A repetition that matched nothing stops.
    private static func matchRepetition(
        _ item: Node, min: Int, max: Int?, count: Int, _ text: [Unicode.Scalar], _ index: Int,
        _ next: (Int) -> Bool
    ) -> Bool {
        if max.map({ count < $0 }) ?? true {
            let more = match(item, text, index) { after in
                guard after != index || count < min else { return false }
                return matchRepetition(item, min: min, max: max, count: count + 1, text, after, next)
            }
            if more { return true }
        }
        return count >= min && next(index)
    }

    /// A set of scalars: ranges, optionally negated.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var negated = false

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return ranges.contains { $0.contains(value) } != negated
        }

        static let digit = ScalarSet(ranges: [48...57])
        static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122])
        static let space = ScalarSet(ranges: [
            9...13, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
            0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
        ])
        /// `.`: anything but a line terminator.
        static let dot = ScalarSet(ranges: [10...10, 13...13, 0x2028...0x2029], negated: true)
    }

    private struct Parser {
        let pattern: [Unicode.Scalar]
        var position = 0

        init(_ pattern: [Unicode.Scalar]) { self.pattern = pattern }

        var atEnd: Bool { position == pattern.count }
        var peek: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

        mutating func parseAlternation() -> Node? {
            var options: [Node] = []
            while true {
                guard let sequence = parseSequence() else { return nil }
                options.append(sequence)
                guard peek == "|" else { break }
                position += 1
            }
            return options.count == 1 ? options[0] : .alternation(options)
        }

        mutating func parseSequence() -> Node? {
            var items: [Node] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                guard let atom = parseAtom() else { return nil }
                guard let quantified = parseQuantifier(atom) else { return nil }
                items.append(quantified)
            }
            return .sequence(items)
        }

        mutating func parseAtom() -> Node? {
            guard let scalar = peek else { return nil }
            position += 1
            switch scalar {
            case "^": return .start
            case "$": return .end
            case ".": return .set(.dot)
            case "(":
                if peek == "?" {
                    guard position + 1 < pattern.count, pattern[position + 1] == ":" else { return nil }
                    position += 2
                }
                guard let inner = parseAlternation(), peek == ")" else { return nil }
                position += 1
                return inner
            case "[": return parseClass()
            case "\\": return parseEscape(inClass: false)
            case "*", "+", "?", "{", "}", ")", "]": return nil
            default: return .scalar(scalar)
            }
        }

        mutating func parseQuantifier(_ atom: Node) -> Node? {
            guard let scalar = peek else { return atom }
            var min = 0
            var max: Int?
            switch scalar {
            case "*": position += 1
            case "+": position += 1; min = 1
            case "?": position += 1; max = 1
            case "{":
                position += 1
                guard let low = parseNumber() else { return nil }
                min = low
                max = low
                if peek == "," {
                    position += 1
                    max = peek == "}" ? nil : parseNumber()
                    if max == nil, peek != "}" { return nil }
                }
                guard peek == "}" else { return nil }
                position += 1
                if let max, max < min { return nil }
            default:
                return atom
            }
            if case .start = atom { return nil }
            if case .end = atom { return nil }
            // An unbounded repetition of something holding an unbounded repetition can backtrack
            // exponentially ("(a+)+"): left to the full engine.
            if max == nil, Self.containsUnboundedRepetition(atom) { return nil }
            // Lazy and doubled quantifiers are left to the full engine.
            if let next = peek, next == "?" || next == "*" || next == "+" || next == "{" { return nil }
            return .repetition(atom, min: min, max: max)
        }

        static func containsUnboundedRepetition(_ node: Node) -> Bool {
            switch node {
            case .repetition(let item, _, let max): return max == nil || containsUnboundedRepetition(item)
            case .sequence(let items), .alternation(let items): return items.contains(where: containsUnboundedRepetition)
            default: return false
            }
        }

        mutating func parseNumber() -> Int? {
            var value: Int?
            while let scalar = peek, let digit = Int(String(scalar)), scalar.isASCII {
                value = (value ?? 0) * 10 + digit
                guard value! < 10_000 else { return nil }
                position += 1
            }
            return value
        }

        mutating func parseClass() -> Node? {
            var set = ScalarSet()
            if peek == "^" {
                set.negated = true
                position += 1
            }
            while let scalar = peek, scalar != "]" {
                position += 1
                var low: UInt32
                if scalar == "\\" {
                    guard let escaped = parseEscape(inClass: true) else { return nil }
                    switch escaped {
                    case .scalar(let s): low = s.value
                    case .set(let inner):
                        guard !inner.negated else { return nil }
                        set.ranges += inner.ranges
                        continue
                    default: return nil
                    }
                } else {
                    low = scalar.value
                }
                if peek == "-", position + 1 < pattern.count, pattern[position + 1] != "]" {
                    position += 1
                    guard let upperScalar = peek else { return nil }
                    position += 1
                    var high: UInt32
                    if upperScalar == "\\" {
                        guard case .scalar(let s)? = parseEscape(inClass: true) else { return nil }
                        high = s.value
                    } else {
                        high = upperScalar.value
                    }
                    guard low <= high else { return nil }
                    set.ranges.append(low...high)
                } else {
                    set.ranges.append(low...low)
                }
            }
            guard peek == "]" else { return nil }
            position += 1
            return .set(set)
        }

        /// After a backslash.
        mutating func parseEscape(inClass: Bool) -> Node? {
            guard let scalar = peek else { return nil }
            position += 1
            switch scalar {
            case "d": return .set(.digit)
            case "w": return .set(.word)
            case "s": return .set(.space)
            case "D": return inClass ? nil : .set(ScalarSet(ranges: ScalarSet.digit.ranges, negated: true))
            case "W": return inClass ? nil : .set(ScalarSet(ranges: ScalarSet.word.ranges, negated: true))
            case "S": return inClass ? nil : .set(ScalarSet(ranges: ScalarSet.space.ranges, negated: true))
            case "n": return .scalar("\n")
            case "t": return .scalar("\t")
            case "r": return .scalar("\r")
            case "f": return .scalar("\u{0C}")
            case "v": return .scalar("\u{0B}")
            default:
                // Escaped punctuation stands for itself; letters and digits have meanings
                // (\b, \1, \p{..}, \u....) this matcher leaves to the full engine.
                if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) {
                    return .scalar(scalar)
                }
                return nil
            }
        }
    }
}
