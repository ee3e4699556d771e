/// Reads an ECMA-262 pattern (`u` flag) into a `RegexNode`, refusing what a linear-time
/// matcher cannot run (look-around, back-references) and what ECMA-262 does not allow.
struct RegexParser {
    let pattern: [Unicode.Scalar]
    var position = 0

    /// The largest repetition count accepted.
    static let maximumCount = 1000

    init(_ pattern: [Unicode.Scalar]) { self.pattern = pattern }

    mutating func parse() throws(LinearRegex.Failure) -> RegexNode {
        let node = try parseAlternation(depth: 0)
        guard position == pattern.count else { throw invalid("a ')' without its '('") }
        return node
    }

    private var peek: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < pattern.count ? pattern[position + offset] : nil
    }

    private func invalid(_ what: String) -> LinearRegex.Failure {
        LinearRegex.Failure("is not a valid regular expression (\(what), at character \(min(position, pattern.count) + 1))")
    }

    private mutating func parseAlternation(depth: Int) throws(LinearRegex.Failure) -> RegexNode {
        guard depth < 100 else { throw LinearRegex.Failure("nests groups more than 100 deep") }
        var options: [RegexNode] = []
        while true {
            options.append(try parseSequence(depth: depth))
            guard peek == "|" else { break }
            position += 1
        }
        return options.count == 1 ? options[0] : .alternation(options)
    }

    private mutating func parseSequence(depth: Int) throws(LinearRegex.Failure) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            let atom = try parseAtom(depth: depth)
            items.append(try parseQuantifier(atom))
        }
        return .sequence(items)
    }

    private mutating func parseAtom(depth: Int) throws(LinearRegex.Failure) -> RegexNode {
        let scalar = pattern[position]
        position += 1
        switch scalar {
        case "^": return .assertion(.start)
        case "$": return .assertion(.end)
        case ".": return .set(.dot)
        case "(": return try parseGroup(depth: depth)
        case "[": return .set(try parseClass())
        case "\\": return try parseEscape()
        case "*", "+", "?": throw invalid("a repetition with nothing to repeat")
        case "{": throw invalid("a '{' that is not a repetition count (write \\{ for the character)")
        case "}", "]": throw invalid("a lone '\(scalar)' (write \\\(scalar) for the character)")
        default: return .scalar(scalar.value)
        }
    }

    private mutating func parseGroup(depth: Int) throws(LinearRegex.Failure) -> RegexNode {
        if peek == "?" {
            switch (peek(1), peek(2)) {
            case (":", _):
                position += 2
            case ("=", _), ("!", _), ("<", "="), ("<", "!"):
                throw LinearRegex.Failure("uses a look-ahead or look-behind ((?= (?! (?<= (?<!), which needs backtracking that can take unbounded time; mfile runs patterns in linear time, so write it without")
            case ("<", _):
                position += 2
                while let scalar = peek, scalar != ">" {
                    guard scalar.properties.isAlphabetic || scalar == "_" || scalar == "$" || ("0"..."9").contains(scalar) else {
                        throw invalid("a group name that is not a name")
                    }
                    position += 1
                }
                guard peek == ">" else { throw invalid("a group name without its '>'") }
                position += 1
            default:
                throw invalid("an unknown group kind after '(?'")
            }
        }
        let inner = try parseAlternation(depth: depth + 1)
        guard peek == ")" else { throw invalid("a '(' without its ')'") }
        position += 1
        return inner
    }

    private mutating func parseQuantifier(_ atom: RegexNode) throws(LinearRegex.Failure) -> RegexNode {
        guard let scalar = peek else { return atom }
        var min = 0
        var max: Int?
        switch scalar {
        case "*": position += 1
        case "+": position += 1; min = 1
        case "?": position += 1; max = 1
        case "{":
            position += 1
            guard let low = try parseNumber() else { throw invalid("a '{' that is not a repetition count") }
            min = low
            max = low
            if peek == "," {
                position += 1
                max = peek == "}" ? nil : try parseNumber()
                if max == nil, peek != "}" { throw invalid("a repetition count that is not a number") }
            }
            guard peek == "}" else { throw invalid("a repetition count without its '}'") }
            position += 1
            if let max, max < min { throw invalid("a repetition count {n,m} with m below n") }
        default:
            return atom
        }
        if case .assertion = atom { throw invalid("a repetition of an anchor") }
        // A lazy repetition matches the same texts as a greedy one.
        if peek == "?" { position += 1 }
        return .repetition(atom, min: min, max: max)
    }

    private mutating func parseNumber() throws(LinearRegex.Failure) -> Int? {
        var value: Int?
        while let scalar = peek, ("0"..."9").contains(scalar) {
            value = (value ?? 0) * 10 + Int(scalar.value - 48)
            guard value! <= Self.maximumCount else {
                throw LinearRegex.Failure("has a repetition count above \(Self.maximumCount)")
            }
            position += 1
        }
        return value
    }

    private mutating func parseClass() throws(LinearRegex.Failure) -> ScalarSet {
        var set = ScalarSet()
        if peek == "^" {
            set.negated = true
            position += 1
        }
        while peek != nil, peek != "]" {
            let low = try parseClassAtom()
            if peek == "-", let after = peek(1), after != "]" {
                position += 1
                let high = try parseClassAtom()
                guard case .scalar(let lowValue) = low, case .scalar(let highValue) = high else {
                    throw invalid("a class range with a class such as \\d at one end")
                }
                guard lowValue <= highValue else { throw invalid("a class range in the wrong order") }
                set.ranges.append(lowValue...highValue)
            } else {
                switch low {
                case .scalar(let value): set.ranges.append(value...value)
                case .set(let inner):
                    guard !inner.negated else {
                        throw LinearRegex.Failure("uses a negated class escape (\\D, \\W, \\S, \\P) inside [ ]; write the class the other way round")
                    }
                    set.add(inner)
                default: throw invalid("an anchor inside [ ]")
                }
            }
        }
        guard peek == "]" else { throw invalid("a '[' without its ']'") }
        position += 1
        return set
    }

    private mutating func parseClassAtom() throws(LinearRegex.Failure) -> RegexNode {
        let scalar = pattern[position]
        position += 1
        guard scalar == "\\" else { return .scalar(scalar.value) }
        switch peek {
        case "b": position += 1; return .scalar(8)
        case "-": position += 1; return .scalar(45)
        default: return try parseEscape(inClass: true)
        }
    }

    /// After a backslash.
    private mutating func parseEscape(inClass: Bool = false) throws(LinearRegex.Failure) -> RegexNode {
        guard let scalar = peek else { throw invalid("a '\\' at the end") }
        position += 1
        switch scalar {
        case "d": return .set(.digit)
        case "D": return .set(ScalarSet.digit.inverted)
        case "w": return .set(.word)
        case "W": return .set(ScalarSet.word.inverted)
        case "s": return .set(.space)
        case "S": return .set(ScalarSet.space.inverted)
        case "p", "P":
            guard peek == "{" else { throw invalid("\\\(scalar) without {NAME}") }
            position += 1
            var name = ""
            while let next = peek, next != "}" {
                name.unicodeScalars.append(next)
                position += 1
            }
            guard peek == "}" else { throw invalid("\\\(scalar){ without its '}'") }
            position += 1
            guard let set = ScalarSet.property(name) else {
                throw LinearRegex.Failure("uses a Unicode property mfile does not know (\\\(scalar){...}); use a general category such as \\p{Letter} or \\p{Nd}")
            }
            return .set(scalar == "P" ? set.inverted : set)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "t": return .scalar(9)
        case "n": return .scalar(10)
        case "v": return .scalar(11)
        case "f": return .scalar(12)
        case "r": return .scalar(13)
        case "c":
            guard let letter = peek, letter.isASCII, letter.properties.isAlphabetic else {
                throw invalid("\\c without a letter")
            }
            position += 1
            return .scalar(letter.value % 32)
        case "0":
            if let next = peek, ("0"..."9").contains(next) { throw invalid("an octal escape") }
            return .scalar(0)
        case "1"..."9", "k":
            throw LinearRegex.Failure("uses a back-reference (\\1, \\k<name>), which needs backtracking that can take unbounded time; mfile runs patterns in linear time, so write it without")
        case "x":
            guard let value = hexDigits(count: 2) else { throw invalid("\\x without two hex digits") }
            return .scalar(value)
        case "u":
            return .scalar(try unicodeEscape())
        default:
            // Only syntax characters and '/' may be escaped to stand for themselves.
            if "^$\\.*+?()[]{}|/".unicodeScalars.contains(scalar) { return .scalar(scalar.value) }
            throw invalid("an unknown escape \\\(scalar.isASCII && scalar.properties.isAlphabetic ? String(scalar) : "")")
        }
    }

    /// `\uHHHH` (a surrogate pair of two such escapes read as one scalar) or `\u{H...}`.
    private mutating func unicodeEscape() throws(LinearRegex.Failure) -> UInt32 {
        if peek == "{" {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = peek, scalar != "}" {
                guard let digit = hexValue(scalar) else {
                    throw invalid("\\u{ with something other than hex digits")
                }
                value = value &* 16 &+ digit
                digits += 1
                guard value <= 0x10FFFF, digits <= 8 else { throw invalid("\\u{...} beyond the last Unicode code point") }
                position += 1
            }
            guard peek == "}", digits > 0 else { throw invalid("\\u{ without its '}'") }
            position += 1
            return value
        }
        guard let high = hexDigits(count: 4) else { throw invalid("\\u without four hex digits") }
        if (0xD800...0xDBFF).contains(high), peek == "\\", peek(1) == "u" {
            let saved = position
            position += 2
            if let low = hexDigits(count: 4), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            position = saved
        }
        return high
    }

    private mutating func hexDigits(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let scalar = peek(offset), let digit = hexValue(scalar) else { return nil }
            value = value * 16 + digit
        }
        position += count
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }
}
