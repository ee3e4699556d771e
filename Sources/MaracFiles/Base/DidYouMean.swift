/// "Did you mean ...?": the valid choice closest to what was typed, for a misspelt field
/// name, agency id, MARAC id or choice of a list.
///
/// Only ever returns one of `choices`, so a message may show it; what was typed is never
/// shown. Case, spaces, hyphens and underscores do not count ("Transferred out" is
/// `transferred-out`); otherwise a choice is close when at most a third of its letters
/// (at least one) are wrong, missing, extra or swapped with the next.
public enum DidYouMean {
    public static func closest(to typed: String, among choices: [String]) -> String? {
        let key = normalised(typed)
        guard !key.isEmpty, key.count <= 64 else { return nil }
        var best: (choice: String, distance: Int)?
        for choice in choices {
            let candidate = normalised(choice)
            if candidate == key { return choice }
            let limit = max(1, min(candidate.count, key.count) / 3)
            guard abs(candidate.count - key.count) <= limit else { continue }
            let distance = editDistance(Array(key), Array(candidate))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (choice, distance) }
        }
        return best?.choice
    }

    static func normalised(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
    }

    /// Edits (insert, delete, replace, swap two neighbours) turning `a` into `b`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            before = previous
            previous = current
        }
        return previous[b.count]
    }
}
