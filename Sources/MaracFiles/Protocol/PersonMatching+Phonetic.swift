
/// Tolerant name comparison for searching: a sound key per name word, a spacing-free form,
/// and a one-typo test, on top of `PersonMatching.normalise`.
///
/// The sound key is a Metaphone-lite of our own: the first letter's sound, then the consonant
/// sounds with vowels dropped and repeats collapsed; `ph`/`v` sound as `f`, `c`/`ck`/`q` as
/// `k` (but `ce`/`ci`/`cy` as `s`), `z` as `s`, `d` as `t`, `th` as `t`, `sh`/`ch` as `x`,
/// `dge`/`dgi` as `j`, `x` as `ks`; `h`, `w` and `y` are silent after the first letter,
/// `gh` is silent, a leading `kn`, `wr`, `ps` lose their first letter and `mac` is `mc`.
/// So "Catherine", "Katherine" and "Kathryn" share `KTRN`; "Stephen" and "Steven" `STFN`;
/// "Okafor" and "Okafur" `AKFR`.

extension PersonMatching {
    /// The sound key of one word of a normalised name (letters a-z only are heard).
    public static func phoneticKey<S: StringProtocol>(_ word: S) -> String {
        var s = word.utf8.filter { $0 >= 97 && $0 <= 122 }
        if s.isEmpty { return "" }
        func starts(_ prefix: String) -> Bool { s.starts(with: prefix.utf8) }
        if s.count > 4, starts("mac") { s.remove(at: 1) }
        if starts("kn") || starts("wr") || starts("ps") || starts("gn") { s.removeFirst() }
        if s.count <= 2 { return String(decoding: s.map { $0 - 32 }, as: UTF8.self) }
        let vowels: Set<UInt8> = Set("aeiouy".utf8)
        let soft: Set<UInt8> = Set("eiy".utf8)
        func at(_ i: Int) -> UInt8 { i < s.count ? s[i] : 0 }
        var out: [UInt8] = []
        func emit(_ code: String) {
            for c in code.utf8 where out.last != c { out.append(c) }
        }
        var i = 0
        while i < s.count {
            let c = s[i], next = at(i + 1)
            var skip = 0
            if i == 0, vowels.contains(c) {
                emit("A")
            } else if i == 0, c == UInt8(ascii: "h") || c == UInt8(ascii: "w") {
                emit(c == UInt8(ascii: "h") ? "H" : "W")
            } else {
                switch c {
                case UInt8(ascii: "b"): emit("B")
                case UInt8(ascii: "p"): if next == UInt8(ascii: "h") { emit("F"); skip = 1 } else { emit("P") }
                case UInt8(ascii: "c"):
                    if soft.contains(next) { emit("S") }
                    else if next == UInt8(ascii: "h") { emit("X"); skip = 1 }
                    else if next == UInt8(ascii: "k") { emit("K"); skip = 1 }
                    else { emit("K") }
                case UInt8(ascii: "d"):
                    if next == UInt8(ascii: "g"), soft.contains(at(i + 2)) { emit("J"); skip = 1 } else { emit("T") }
                case UInt8(ascii: "t"): emit("T"); if next == UInt8(ascii: "h") { skip = 1 }
                case UInt8(ascii: "g"):
                    if next == UInt8(ascii: "h") { skip = 1; if i == 0 { emit("K") } } else { emit("K") }
                case UInt8(ascii: "j"): emit("J")
                case UInt8(ascii: "k"), UInt8(ascii: "q"): emit("K")
                case UInt8(ascii: "l"): emit("L")
                case UInt8(ascii: "m"): emit("M")
                case UInt8(ascii: "n"): emit("N")
                case UInt8(ascii: "r"): emit("R")
                case UInt8(ascii: "s"):
                    if next == UInt8(ascii: "h") { emit("X"); skip = 1 }
                    else if next == UInt8(ascii: "c"), at(i + 2) == UInt8(ascii: "h") { emit("SK"); skip = 2 }
                    else { emit("S") }
                case UInt8(ascii: "f"), UInt8(ascii: "v"): emit("F")
                case UInt8(ascii: "x"): emit("KS")
                case UInt8(ascii: "z"): emit("S")
                default: break  // vowels, h, w, y after the first letter
                }
            }
            i += 1 + skip
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The sound keys of a normalised name's words, separated by one space.
    public static func phoneticKeys(_ normalised: String) -> String {
        normalised.split(separator: " ").map { phoneticKey($0) }.joined(separator: " ")
    }

    /// A normalised name without its spaces ("mc bride" = "mcbride"), for spacing-tolerant equality.
    public static func compact(_ normalised: String) -> String {
        normalised.replacingOccurrences(of: " ", with: "")
    }

    /// Whether two words differ by at most one typing slip (a letter added, dropped, changed,
    /// or two neighbours swapped); words shorter than four letters must be equal.
    public static func withinOneSlip<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
        withinOneSlip(Array(a.utf8), Array(b.utf8))
    }

    /// The same over UTF-8 bytes.
    package static func withinOneSlip<A: RandomAccessCollection<UInt8>, B: RandomAccessCollection<UInt8>>(_ a: A, _ b: B) -> Bool
    where A.Index == Int, B.Index == Int {
        let xc = a.count, yc = b.count
        if min(xc, yc) < 4 || abs(xc - yc) > 1 { return xc == yc && a.elementsEqual(b) }
        let x0 = a.startIndex, y0 = b.startIndex
        func x(_ i: Int) -> UInt8 { a[x0 + i] }
        func y(_ i: Int) -> UInt8 { b[y0 + i] }
        var i = 0
        while i < min(xc, yc), x(i) == y(i) { i += 1 }
        if i == xc && i == yc { return true }
        func tailsEqual(_ xi: Int, _ yi: Int) -> Bool {
            guard xc - xi == yc - yi else { return false }
            var p = xi, q = yi
            while p < xc { if x(p) != y(q) { return false }; p += 1; q += 1 }
            return true
        }
        if xc == yc {
            if tailsEqual(i + 1, i + 1) { return true }  // one changed
            return i + 1 < xc && x(i) == y(i + 1) && x(i + 1) == y(i) && tailsEqual(i + 2, i + 2)
        }
        return xc > yc ? tailsEqual(i + 1, i) : tailsEqual(i, i + 1)  // one added or dropped
    }
}
