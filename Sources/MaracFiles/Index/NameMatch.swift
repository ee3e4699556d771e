import MaracProtocol

/// How well a written name matches a search, best first.
///
/// - `reference`: the search is the case's reference in earlier records (`reference`, as
///   `mfile import` keeps it), compared ignoring case, spaces and hyphens; the hit is the victim;
/// - `exact`: the same name once case, spacing, diacritics, hyphens and apostrophes are
///   folded ("sarah jane OKAFOR" = "Sarah-Jane Okafor" = "SarahJane Okafor"), or the same
///   first and last words (a middle name on one side only);
/// - `alias`: the same, with one of the person's aliases;
/// - `swapped`: the same words in another order ("Okafor Sarah-Jane");
/// - `phonetic`: first and last words (in either order) that sound alike
///   (`PersonMatching.phoneticKey`, when the key has two sounds or more, so "Lew" and "Lily"
///   are not alike) or differ by one typing slip ("Hartly", "Okafro");
/// - `word`: a one-word search equal to, sounding like, or one slip from a word of the name.
public enum NameMatch: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case reference, exact, alias, swapped, phonetic, word

    public static func < (a: NameMatch, b: NameMatch) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .reference: "reference"
        case .exact: "exact"
        case .alias: "alias"
        case .swapped: "swapped"
        case .phonetic: "sounds alike"
        case .word: "one word"
        }
    }
}

/// A search, normalised once, matched against stored names as bytes (no strings are made
/// while scanning the index).
public struct NameQuery: Sendable {
    public var normalised: String
    let compact: [UInt8]
    let words: [[UInt8]]
    let keys: [[UInt8]]
    let sortedWords: [[UInt8]]

    public init(_ text: String) {
        self.init(normalised: PersonMatching.normalise(text), phonetic: nil)
    }

    /// A stored name as a search (its forms are already worked out).
    init(indexed name: IndexedName) {
        self.init(normalised: name.normalised, phonetic: name.phonetic)
    }

    private init(normalised: String, phonetic: String?) {
        self.normalised = normalised
        let split = normalised.split(separator: " ")
        words = split.map { Array($0.utf8) }
        compact = words.flatMap { $0 }
        let stored = phonetic.map { $0.split(separator: " ").map { Array($0.utf8) } }
        keys = stored?.count == words.count ? stored! : split.map { Array(PersonMatching.phoneticKey($0).utf8) }
        sortedWords = words.sorted { $0.lexicographicallyPrecedes($1) }
    }

    public var isEmpty: Bool { words.isEmpty }

    /// A case reference as `find` compares it: normalised as names are, without spaces.
    public static func referenceKey(_ reference: String) -> String {
        PersonMatching.normalise(reference).replacingOccurrences(of: " ", with: "")
    }

    /// Whether this search is the reference whose key (`referenceKey`) is `key`.
    func matchesReference(_ key: UnsafeRawBufferPointer) -> Bool {
        !compact.isEmpty && key.elementsEqual(compact)
    }

    /// How `name` matches this search, if it does.
    public func match(_ name: IndexedName) -> NameMatch? {
        var n = name.normalised, k = name.phonetic
        return n.withUTF8 { nb in
            k.withUTF8 { kb in match(normalised: UnsafeRawBufferPointer(nb), phonetic: UnsafeRawBufferPointer(kb), isAlias: name.isAlias) }
        }
    }

    /// How a stored name (its normalised and sound-key forms as bytes) matches this search.
    func match(normalised n: UnsafeRawBufferPointer, phonetic k: UnsafeRawBufferPointer, isAlias: Bool) -> NameMatch? {
        guard !n.isEmpty, !words.isEmpty else { return nil }
        let nameWords = Words(n), nameKeys = Words(k)
        if compactEquals(n) { return isAlias ? .alias : .exact }
        if words.count == 1 {
            let w = words[0], key = keys[0]
            var i = 0, hit = false
            nameWords.forEach { word in
                if !hit, Self.equal(w, word) || (key.count >= 2 && nameKeys.count == nameWords.count && Self.equal(key, nameKeys.word(i)))
                    || Self.withinOneSlip(w, word) { hit = true }
                i += 1
            }
            return hit ? .word : nil
        }
        guard nameWords.count >= 2 else { return nil }
        let qf = words[0], ql = words[words.count - 1]
        let nf = nameWords.first, nl = nameWords.last
        if Self.equal(qf, nf) && Self.equal(ql, nl) { return isAlias ? .alias : .exact }
        if Self.equal(qf, nl) && Self.equal(ql, nf) { return .swapped }
        if nameWords.count == words.count, words.count > 2, sameWords(nameWords) { return .swapped }
        guard nameKeys.count == nameWords.count else { return nil }
        let kf = keys[0], kl = keys[keys.count - 1], mf = nameKeys.first, ml = nameKeys.last
        func alike(_ q: [UInt8], _ qk: [UInt8], _ w: UnsafeRawBufferPointer, _ wk: UnsafeRawBufferPointer) -> Bool {
            (qk.count >= 2 && Self.equal(qk, wk)) || Self.withinOneSlip(q, w)
        }
        if alike(qf, kf, nf, mf) && alike(ql, kl, nl, ml) { return .phonetic }
        if alike(qf, kf, nl, ml) && alike(ql, kl, nf, mf) { return .phonetic }
        return nil
    }

    /// The stored name without its spaces equals the search without its spaces.
    private func compactEquals(_ n: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        for byte in n where byte != 0x20 {
            guard i < compact.count, compact[i] == byte else { return false }
            i += 1
        }
        return i == compact.count
    }

    /// The same words in any order.
    private func sameWords(_ name: Words) -> Bool {
        var list: [UnsafeRawBufferPointer] = []
        name.forEach { list.append($0) }
        list.sort { $0.lexicographicallyPrecedes($1) }
        return zip(list, sortedWords).allSatisfy { Self.equal($1, $0) }
    }

    /// `PersonMatching.withinOneSlip`, asked only about words that could be: their lengths
    /// differ by one at most, and a slip (one letter changed, added, dropped, or two swapped)
    /// leaves the first letter in place or happens within the first two letters, so one of
    /// the first two letters of each word lines up with one of the other's. Most words of a
    /// scan are turned away by these tests alone.
    @inline(__always)
    static func withinOneSlip(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        if a.count >= 2, b.count >= 2, a[0] != b[0], a[1] != b[1], a[0] != b[1], a[1] != b[0] { return false }
        return PersonMatching.withinOneSlip(a, b)
    }

    static func equal(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && a.withUnsafeBytes { $0.elementsEqual(b) }
    }
}

/// The space-separated words of a stored form, without copying.
struct Words {
    let bytes: UnsafeRawBufferPointer
    let count: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        var n = bytes.isEmpty ? 0 : 1
        for byte in bytes where byte == 0x20 { n += 1 }
        count = n
    }

    var first: UnsafeRawBufferPointer {
        let end = bytes.firstIndex(of: 0x20) ?? bytes.count
        return UnsafeRawBufferPointer(rebasing: bytes[0..<end])
    }

    var last: UnsafeRawBufferPointer {
        let start = (bytes.lastIndex(of: 0x20).map { $0 + 1 }) ?? 0
        return UnsafeRawBufferPointer(rebasing: bytes[start...])
    }

    func word(_ n: Int) -> UnsafeRawBufferPointer {
        var i = 0, result = UnsafeRawBufferPointer(rebasing: bytes[0..<0])
        forEach { if i == n { result = $0 }; i += 1 }
        return result
    }

    func forEach(_ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
            body(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
            start = i + 1
        }
    }
}
