/// The scalars one step of a pattern reads: ranges and general categories, optionally negated.
struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var categories: [Unicode.GeneralCategory] = []
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = ranges.contains { $0.contains(value) }
        if !found, !categories.isEmpty { found = categories.contains(scalar.properties.generalCategory) }
        return found != negated
    }

    /// Adds every scalar of `other` (which must not be negated).
    mutating func add(_ other: ScalarSet) {
        ranges += other.ranges
        categories += other.categories
    }

    var inverted: ScalarSet { ScalarSet(ranges: ranges, categories: categories, negated: !negated) }

    /// ECMA's `\d`: ASCII digits only.
    static let digit = ScalarSet(ranges: [48...57])
    /// ECMA's `\w`: ASCII letters, digits and `_` only.
    static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122])
    /// ECMA's `\s`: white space and line terminators.
    static let space = ScalarSet(ranges: [
        9...13, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// `.`: anything but a line terminator.
    static let dot = ScalarSet(ranges: [10...10, 13...13, 0x2028...0x2029], negated: true)

    /// `\p{NAME}`: a general category by its long or short name (`Letter`, `L`, `Lu`,
    /// `Decimal_Number`, `digit`, ...), or `Any` / `ASCII`; `nil` for other properties.
    static func property(_ name: String) -> ScalarSet? {
        var key = String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
        for prefix in ["generalcategory=", "gc="] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        switch key {
        case "any": return ScalarSet(ranges: [0...0x10FFFF])
        case "ascii": return ScalarSet(ranges: [0...0x7F])
        default: break
        }
        guard let categories = categoryNames[key] else { return nil }
        return ScalarSet(categories: categories)
    }

    private static let letters: [Unicode.GeneralCategory] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
    ]
    private static let marks: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
    private static let numbers: [Unicode.GeneralCategory] = [.decimalNumber, .letterNumber, .otherNumber]
    private static let punctuation: [Unicode.GeneralCategory] = [
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation,
    ]
    private static let symbols: [Unicode.GeneralCategory] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
    private static let separators: [Unicode.GeneralCategory] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
    private static let others: [Unicode.GeneralCategory] = [.control, .format, .surrogate, .privateUse, .unassigned]

    /// General category names and aliases (UCD PropertyValueAliases), loosely matched.
    private static let categoryNames: [String: [Unicode.GeneralCategory]] = {
        var names: [String: [Unicode.GeneralCategory]] = [:]
        func name(_ aliases: [String], _ categories: [Unicode.GeneralCategory]) {
            for alias in aliases { names[alias] = categories }
        }
        name(["l", "letter"], letters)
        name(["lc", "casedletter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter])
        name(["lu", "uppercaseletter"], [.uppercaseLetter])
        name(["ll", "lowercaseletter"], [.lowercaseLetter])
        name(["lt", "titlecaseletter"], [.titlecaseLetter])
        name(["lm", "modifierletter"], [.modifierLetter])
        name(["lo", "otherletter"], [.otherLetter])
        name(["m", "mark", "combiningmark"], marks)
        name(["mn", "nonspacingmark"], [.nonspacingMark])
        name(["mc", "spacingmark"], [.spacingMark])
        name(["me", "enclosingmark"], [.enclosingMark])
        name(["n", "number"], numbers)
        name(["nd", "decimalnumber", "digit"], [.decimalNumber])
        name(["nl", "letternumber"], [.letterNumber])
        name(["no", "othernumber"], [.otherNumber])
        name(["p", "punctuation", "punct"], punctuation)
        name(["pc", "connectorpunctuation"], [.connectorPunctuation])
        name(["pd", "dashpunctuation"], [.dashPunctuation])
        name(["ps", "openpunctuation"], [.openPunctuation])
        name(["pe", "closepunctuation"], [.closePunctuation])
        name(["pi", "initialpunctuation"], [.initialPunctuation])
        name(["pf", "finalpunctuation"], [.finalPunctuation])
        name(["po", "otherpunctuation"], [.otherPunctuation])
        name(["s", "symbol"], symbols)
        name(["sm", "mathsymbol"], [.mathSymbol])
        name(["sc", "currencysymbol"], [.currencySymbol])
        name(["sk", "modifiersymbol"], [.modifierSymbol])
        name(["so", "othersymbol"], [.otherSymbol])
        name(["z", "separator"], separators)
        name(["zs", "spaceseparator"], [.spaceSeparator])
        name(["zl", "lineseparator"], [.lineSeparator])
        name(["zp", "paragraphseparator"], [.paragraphSeparator])
        name(["c", "other"], others)
        name(["cc", "control", "cntrl"], [.control])
        name(["cf", "format"], [.format])
        name(["cs", "surrogate"], [.surrogate])
        name(["co", "privateuse"], [.privateUse])
        name(["cn", "unassigned"], [.unassigned])
        return names
    }()
}
