import MaracBase
import MaracTOML

/// How record values are written on the papers.
package enum PaperText {
    /// Minutes after midnight as `HH:MM`.
    static func clock(minutes: Int) -> String {
        twoDigits((minutes / 60) % 24) + ":" + twoDigits(minutes % 60)
    }

    /// `HH:MM` as minutes after midnight, or `nil` if it is not a valid time of day.
    package static func minutes(clock text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A date as `Thursday 19 November 2026`, fixed English names so output never depends
    /// on the machine's locale.
    static func longDate(_ date: LocalDate) -> String {
        "\(date.weekday) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// Record text made safe to place next to other text: bidirectional controls a value
    /// opens (such as U+202E RIGHT-TO-LEFT OVERRIDE) are closed at its end and the value is
    /// isolated, so it cannot reorder the rest of the line or the table row. The characters
    /// themselves are kept: the paper shows what the record holds.
    package static func isolated(_ text: String) -> String {
        let openers: Set<UInt32> = [0x202A, 0x202B, 0x202D, 0x202E]
        let isolateOpeners: Set<UInt32> = [0x2066, 0x2067, 0x2068]
        guard text.unicodeScalars.contains(where: { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        else { return text }
        var embeddings = 0, isolates = 0, strayIsolateClosers = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case let v where openers.contains(v): embeddings += 1
            case 0x202C: embeddings = max(0, embeddings - 1)
            case let v where isolateOpeners.contains(v): isolates += 1
            case 0x2069: if isolates > 0 { isolates -= 1 } else { strayIsolateClosers += 1 }
            default: break
            }
        }
        let fsi = "\u{2068}", pdi = "\u{2069}", pdf = "\u{202C}"
        return String(repeating: fsi, count: strayIsolateClosers + 1) + text
            + String(repeating: pdf, count: embeddings) + String(repeating: pdi, count: isolates + 1)
    }
}
