/// An ECMA-262 regular expression (with the `u` flag, as JSON Schema reads `pattern`) matched
/// in time proportional to the text's length times the pattern's size, whatever the pattern:
/// the pattern is compiled to a Thompson NFA and run as a Pike VM keeping one set of states
/// per position, so `^(a|aa)+$` or `(a+)+b` cannot make a record take exponential time.
///
/// Supported: literals, `.`, classes (`[a-z]`, `[^...]`, `\d \w \s` and their negations,
/// `\p{...}` / `\P{...}` for general categories), escapes (`\t \n \r \f \v \0 \cX \xHH \uHHHH
/// \u{H...}`), anchors `^ $`, word boundaries `\b \B`, groups (`( )`, `(?: )`, `(?<name> )`),
/// alternation, and greedy or lazy `* + ? {n} {n,} {n,m}`. Look-around and back-references
/// need backtracking, so a pattern using them is refused with the reason (`Failure`).
package struct LinearRegex: Sendable {
    /// Why a pattern is refused: what it uses, in a schema author's words.
    package struct Failure: Error, Sendable, Equatable {
        package var message: String
        init(_ message: String) { self.message = message }
    }

    /// The largest program a pattern may compile to (repetition counts are written out).
    static let maximumInstructions = 20_000

    private let program: [Instruction]
    private let sets: [ScalarSet]
    /// Every alternative starts with `^`: no new thread after the first position.
    private let anchoredAtStart: Bool
    /// Set when the pattern is `^` followed by literal text only (`^local_`): a prefix test.
    private let literalPrefix: [UInt32]?

    package init(_ pattern: String) throws(Failure) {
        var parser = RegexParser(Array(pattern.unicodeScalars))
        let node = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.emit(node)
        compiler.append(.match)
        program = compiler.program
        sets = compiler.sets
        anchoredAtStart = node.isAnchoredAtStart
        literalPrefix = node.literalPrefix
    }

    /// Whether the pattern matches anywhere in `text` (ECMA `pattern` semantics).
    package func matches(_ text: String) -> Bool {
        if let prefix = literalPrefix {
            var iterator = text.unicodeScalars.makeIterator()
            return prefix.allSatisfy { iterator.next()?.value == $0 }
        }
        var steps = 0
        return run(text, steps: &steps)
    }

    /// How many states matching `text` visits: at most the text's length plus one, times the
    /// program's size (what the tests check instead of timing).
    package func steps(_ text: String) -> (matched: Bool, steps: Int, bound: Int) {
        var steps = 0
        let matched = run(text, steps: &steps)
        return (matched, steps, (text.unicodeScalars.count + 1) * program.count)
    }

    private func run(_ text: String, steps: inout Int) -> Bool {
        var current = StateSet(capacity: program.count)
        var next = StateSet(capacity: program.count)
        var stack: [Int32] = []
        var iterator = text.unicodeScalars.makeIterator()
        var previous: Unicode.Scalar?
        var scalar = iterator.next()
        var first = true
        while true {
            if first || !anchoredAtStart {
                if addThread(0, to: &current, previous: previous, next: scalar, stack: &stack, steps: &steps) { return true }
            }
            first = false
            guard let here = scalar else { return false }
            if current.isEmpty, anchoredAtStart { return false }
            let following = iterator.next()
            next.clear()
            for index in 0..<current.count {
                let pc = Int(current.dense[index])
                let advances: Bool
                switch program[pc] {
                case .scalar(let value): advances = here.value == value
                case .set(let set): advances = sets[set].contains(here)
                default: advances = false
                }
                if advances, addThread(pc + 1, to: &next, previous: here, next: following, stack: &stack, steps: &steps) {
                    return true
                }
            }
            swap(&current, &next)
            previous = here
            scalar = following
        }
    }

    /// Adds `start` and every state reachable from it without reading a scalar; returns true
    /// when the match state is among them.
    private func addThread(
        _ start: Int, to set: inout StateSet, previous: Unicode.Scalar?, next: Unicode.Scalar?,
        stack: inout [Int32], steps: inout Int
    ) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(start))
        while let top = stack.popLast() {
            let pc = Int(top)
            guard set.insert(pc) else { continue }
            steps += 1
            switch program[pc] {
            case .match:
                return true
            case .jump(let target):
                stack.append(Int32(target))
            case .split(let first, let second):
                stack.append(Int32(second))
                stack.append(Int32(first))
            case .assertion(let assertion):
                if assertion.holds(previous: previous, next: next) { stack.append(Int32(pc + 1)) }
            case .scalar, .set:
                break
            }
        }
        return false
    }
}

/// One step of a compiled pattern.
enum Instruction: Sendable {
    /// Reads this scalar.
    case scalar(UInt32)
    /// Reads a scalar in the set at this index.
    case set(Int)
    /// Continues at both.
    case split(Int, Int)
    case jump(Int)
    /// Continues only where the assertion holds.
    case assertion(RegexAssertion)
    case match
}

/// The zero-width tests: `^`, `$`, `\b`, `\B`.
enum RegexAssertion: Sendable {
    case start, end, wordBoundary, notWordBoundary

    func holds(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
        switch self {
        case .start: return previous == nil
        case .end: return next == nil
        case .wordBoundary, .notWordBoundary:
            let before = previous.map(ScalarSet.word.contains) ?? false
            let after = next.map(ScalarSet.word.contains) ?? false
            return (before != after) == (self == .wordBoundary)
        }
    }
}

/// The states of the threads at one position: a sparse set, cleared in constant time.
private struct StateSet {
    var dense: [Int32]
    var sparse: [Int32]
    var count = 0

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        sparse = Array(repeating: 0, count: capacity)
    }

    var isEmpty: Bool { count == 0 }

    mutating func clear() { count = 0 }

    /// Inserts `pc`; false when it was already there.
    mutating func insert(_ pc: Int) -> Bool {
        let slot = Int(sparse[pc])
        if slot < count, dense[slot] == Int32(pc) { return false }
        sparse[pc] = Int32(count)
        dense[count] = Int32(pc)
        count += 1
        return true
    }
}

/// Turns a parsed pattern into instructions, writing counted repetitions out.
private struct RegexCompiler {
    var program: [Instruction] = []
    var sets: [ScalarSet] = []

    mutating func append(_ instruction: Instruction) {
        program.append(instruction)
    }

    mutating func emit(_ node: RegexNode) throws(LinearRegex.Failure) {
        guard program.count < LinearRegex.maximumInstructions else {
            throw LinearRegex.Failure("is too large once its repetition counts are written out (more than \(LinearRegex.maximumInstructions) steps); use smaller counts")
        }
        switch node {
        case .scalar(let value):
            append(.scalar(value))
        case .set(let set):
            sets.append(set)
            append(.set(sets.count - 1))
        case .assertion(let assertion):
            append(.assertion(assertion))
        case .sequence(let items):
            for item in items { try emit(item) }
        case .alternation(let options):
            var jumps: [Int] = []
            for (index, option) in options.enumerated() {
                if index < options.count - 1 {
                    let split = program.count
                    append(.split(split + 1, 0))
                    try emit(option)
                    jumps.append(program.count)
                    append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(option)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let item, let min, let max):
            for _ in 0..<min { try emit(item) }
            if let max {
                var exits: [Int] = []
                for _ in min..<max {
                    exits.append(program.count)
                    append(.split(program.count + 1, 0))
                    try emit(item)
                }
                for exit in exits { program[exit] = .split(exit + 1, program.count) }
            } else {
                let loop = program.count
                append(.split(loop + 1, 0))
                try emit(item)
                append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}

/// A parsed pattern.
indirect enum RegexNode: Sendable {
    case scalar(UInt32)
    case set(ScalarSet)
    case assertion(RegexAssertion)
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)

    /// The text after `^` when the pattern is `^` and literal scalars only.
    var literalPrefix: [UInt32]? {
        guard case .sequence(let items) = self, case .assertion(.start)? = items.first else { return nil }
        var prefix: [UInt32] = []
        for item in items.dropFirst() {
            guard case .scalar(let value) = item else { return nil }
            prefix.append(value)
        }
        return prefix
    }

    /// Whether every way through starts with `^`.
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(.start): return true
        case .sequence(let items): return items.first?.isAnchoredAtStart ?? false
        case .alternation(let options): return options.allSatisfy(\.isAnchoredAtStart)
        default: return false
        }
    }
}
