/// How well a written name matches a search, best first.
///
/// - `exact`: the same name once case, spacing, diacritics, hyphens and apostrophes are
///   folded ("sarah jane OKAFOR" = "Sarah-Jane Okafor"), or the same first and last words
///   (a middle name on one side only);
/// - `alias`: the same, with one of the person's aliases;
/// - `swapped`: the same words in another order ("Okafor Sarah-Jane");
/// - `phonetic`: first and last words (in either order) that sound alike
///   (`PersonMatching.phoneticKey`, when the key has two sounds or more, so "Lew" and "Lily"
///   are not alike) or differ by one typing slip ("Hartly", "Okafro");
/// - `word`: a one-word search equal to, sounding like, or one slip from a word of the name.
public enum NameMatch: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case exact, alias, swapped, phonetic, word

    public static func < (a: NameMatch, b: NameMatch) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .exact: "exact"
        case .alias: "alias"
        case .swapped: "swapped"
        case .phonetic: "sounds alike"
        case .word: "one word"
        }
    }
}

/// A search, normalised once.
public struct NameQuery: Sendable {
    public var normalised: String
    var compact: String
    var words: [String]
    var keys: [String]

    public init(_ text: String) {
        normalised = PersonMatching.normalise(text)
        compact = PersonMatching.compact(normalised)
        words = normalised.split(separator: " ").map(String.init)
        keys = words.map { PersonMatching.phoneticKey($0) }
    }

    public var isEmpty: Bool { words.isEmpty }

    /// How `name` matches this search, if it does.
    public func match(_ name: IndexedName) -> NameMatch? {
        // Cheap first test: no shared word sound and no shared first letter means no match.
        let nameWords = name.normalised.split(separator: " ")
        if nameWords.isEmpty { return nil }
        if PersonMatching.compact(name.normalised) == compact { return name.isAlias ? .alias : .exact }
        let nameKeys = name.phonetic.split(separator: " ")
        if words.count == 1 {
            let w = words[0], k = keys[0]
            let hit = nameWords.indices.contains { i in
                nameWords[i] == w || (k.count >= 2 && i < nameKeys.count && nameKeys[i] == k) || PersonMatching.withinOneSlip(nameWords[i], w)
            }
            return hit ? .word : nil
        }
        guard nameWords.count >= 2 else { return nil }
        let qf = words[0], ql = words[words.count - 1], nf = nameWords[0], nl = nameWords[nameWords.count - 1]
        if qf == nf && ql == nl { return name.isAlias ? .alias : .exact }
        if (qf == nl && ql == nf) || words.sorted() == nameWords.map(String.init).sorted() { return .swapped }
        guard nameKeys.count == nameWords.count else { return nil }
        let kf = keys[0], kl = keys[keys.count - 1], mf = nameKeys[0], ml = nameKeys[nameKeys.count - 1]
        func alike(_ q: String, _ qk: String, _ n: Substring, _ nk: Substring) -> Bool {
            (qk == nk && qk.count >= 2) || PersonMatching.withinOneSlip(q, n)
        }
        if alike(qf, kf, nf, mf) && alike(ql, kl, nl, ml) { return .phonetic }
        if alike(qf, kf, nl, ml) && alike(ql, kl, nf, mf) { return .phonetic }
        return nil
    }
}

extension NameQuery {
    /// A stored name as a search (its forms are already worked out).
    init(indexed name: IndexedName) {
        normalised = name.normalised
        compact = PersonMatching.compact(normalised)
        words = normalised.split(separator: " ").map(String.init)
        keys = name.phonetic.split(separator: " ").map(String.init)
        if keys.count != words.count { keys = words.map { PersonMatching.phoneticKey($0) } }
    }
}
