/// A pattern (as `RegexParser` reads it) compiled to a position automaton (Glushkov) and run on
/// every position at once, one bit per position in a 64-bit word: time linear in the text, no
/// allocation per match. Only "does it match" is answered, which is all `pattern` asks, and
/// the answer is `LinearRegex`'s (lazy and greedy repetitions match the same texts).
///
/// Built for patterns of at most 64 character positions once counted repetitions are written
/// out (`[0-9]{4}` is four), with `^` only at the start and `$` only at the end and no `\b`;
/// `init` returns nil for any other pattern, which `LinearRegex` then matches.
final class RegexAutomaton: @unchecked Sendable {
    /// Per position: the positions that may come next.
    private let follow: UnsafeMutableBufferPointer<UInt64>
    /// Per ASCII scalar: the positions it matches.
    private let ascii: UnsafeMutableBufferPointer<UInt64>
    /// Per position: the scalars it matches (for scalars outside ASCII).
    private let sets: [ScalarSet]
    private let first: UInt64
    private let last: UInt64
    private let nullable: Bool
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    static let maximumPositions = 64

    convenience init?(pattern: String) {
        var parser = RegexParser(Array(pattern.unicodeScalars))
        guard let root = try? parser.parse() else { return nil }
        self.init(root)
    }

    init?(_ root: RegexNode) {
        var items: [RegexNode]
        if case .sequence(let sequence) = root { items = sequence } else { items = [root] }
        anchoredStart = { if case .assertion(.start)? = items.first { true } else { false } }()
        if anchoredStart { items.removeFirst() }
        anchoredEnd = { if case .assertion(.end)? = items.last { true } else { false } }()
        if anchoredEnd { items.removeLast() }

        var builder = Builder()
        guard let shape = builder.add(.sequence(items)) else { return nil }
        first = shape.first
        last = shape.last
        nullable = shape.nullable
        sets = builder.sets
        follow = .allocate(capacity: max(1, builder.follow.count))
        _ = follow.initialize(from: builder.follow)
        ascii = .allocate(capacity: 128)
        ascii.initialize(repeating: 0)
        for (position, set) in builder.sets.enumerated() {
            for scalar in 0..<128 where set.contains(Unicode.Scalar(UInt8(scalar))) {
                ascii[scalar] |= 1 << UInt64(position)
            }
        }
    }

    deinit {
        follow.deallocate()
        ascii.deallocate()
    }

    /// Whether the pattern matches anywhere in `text` (ECMA `pattern` semantics).
    func matches(_ text: String) -> Bool {
        if nullable, !anchoredEnd { return true }
        var active: UInt64 = 0
        var atStart = true
        for scalar in text.unicodeScalars {
            var next: UInt64 = 0
            var bits = active
            while bits != 0 {
                next |= follow[bits.trailingZeroBitCount]
                bits &= bits &- 1
            }
            if atStart || !anchoredStart { next |= first }
            atStart = false
            active = next & positions(matching: scalar)
            if active == 0, anchoredStart { return false }
            if !anchoredEnd, active & last != 0 { return true }
        }
        return active & last != 0 || (nullable && (atStart || !anchoredStart))
    }

    @inline(__always)
    private func positions(matching scalar: Unicode.Scalar) -> UInt64 {
        if scalar.value < 128 { return ascii[Int(scalar.value)] }
        var matching: UInt64 = 0
        for (position, set) in sets.enumerated() where set.contains(scalar) { matching |= 1 << UInt64(position) }
        return matching
    }

    /// The first and last positions of a part of the pattern, and whether it can match nothing.
    private struct Shape {
        var first: UInt64 = 0
        var last: UInt64 = 0
        var nullable = true
    }

    /// Numbers the character positions and links each to the positions that may follow it.
    private struct Builder {
        var sets: [ScalarSet] = []
        var follow: [UInt64] = []

        mutating func add(_ node: RegexNode) -> Shape? {
            switch node {
            case .scalar(let value):
                return atom(ScalarSet(ranges: [value...value]))
            case .set(let set):
                return atom(set)
            case .assertion:
                return nil
            case .sequence(let items):
                var shape = Shape()
                for item in items {
                    guard let next = add(item) else { return nil }
                    shape = concatenate(shape, next)
                }
                return shape
            case .alternation(let options):
                var shape = Shape(first: 0, last: 0, nullable: false)
                for option in options {
                    guard let next = add(option) else { return nil }
                    shape.first |= next.first
                    shape.last |= next.last
                    shape.nullable = shape.nullable || next.nullable
                }
                return shape
            case .repetition(let item, let min, let max):
                var shape = Shape()
                for _ in 0..<min {
                    guard let copy = add(item) else { return nil }
                    shape = concatenate(shape, copy)
                }
                if let max {
                    for _ in min..<max {
                        guard var copy = add(item) else { return nil }
                        copy.nullable = true
                        shape = concatenate(shape, copy)
                    }
                } else {
                    guard var copy = add(item) else { return nil }
                    link(copy.last, to: copy.first)
                    copy.nullable = true
                    shape = concatenate(shape, copy)
                }
                return shape
            }
        }

        private mutating func atom(_ set: ScalarSet) -> Shape? {
            guard sets.count < RegexAutomaton.maximumPositions else { return nil }
            let bit: UInt64 = 1 << UInt64(sets.count)
            sets.append(set)
            follow.append(0)
            return Shape(first: bit, last: bit, nullable: false)
        }

        private mutating func concatenate(_ a: Shape, _ b: Shape) -> Shape {
            link(a.last, to: b.first)
            return Shape(
                first: a.first | (a.nullable ? b.first : 0),
                last: b.last | (b.nullable ? a.last : 0),
                nullable: a.nullable && b.nullable)
        }

        private mutating func link(_ from: UInt64, to next: UInt64) {
            var bits = from
            while bits != 0 {
                follow[bits.trailingZeroBitCount] |= next
                bits &= bits &- 1
            }
        }
    }
}
