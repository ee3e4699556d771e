import Foundation
import MaracRecords

/// Whether two records name the same person: by normalised name (the name or any alias) and,
/// when both records give one, the same date of birth.
///
/// Names are compared after folding case and diacritics ("Zoë" = "Zoe"), treating hyphens as
/// spaces ("Sarah-Jane" = "Sarah Jane"), dropping apostrophes and full stops ("O'Neil" =
/// "ONeil") and collapsing spaces. Two names also match when their first and last words agree,
/// so that a middle name written on one form only ("Lewis James Hartley") still matches.
public enum PersonMatching {
    /// The comparable form of a name: lower case, no diacritics, words separated by one space.
    public static func normalise(_ name: String) -> String {
        if let ascii = normaliseASCII(name) { return ascii }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var text = ""
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "_", ",":
                text.unicodeScalars.append(" ")
            case "'", "\u{2018}", "\u{2019}", "`", ".", "\u{02BC}":
                continue
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// The same for a name written in ASCII only (the common case), without Foundation's
    /// folding: lower case, hyphens, underscores and commas as spaces, apostrophes, backticks
    /// and full stops dropped, spaces collapsed. `nil` for any other name.
    private static func normaliseASCII(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: " "), 0x09...0x0D:
                pendingSpace = !out.isEmpty
            case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."):
                continue
            default:
                if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
                out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every normalised form of a person's name and aliases.
    public static func names(of person: Person) -> [String] {
        ([person.name].compactMap { $0 } + person.aliases).map(normalise).filter { !$0.isEmpty }
    }

    /// Whether two normalised names agree: equal, or equal first and last words.
    static func namesAgree(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let wa = a.split(separator: " "), wb = b.split(separator: " ")
        guard wa.count >= 2, wb.count >= 2 else { return false }
        return wa.first == wb.first && wa.last == wb.last
    }

    /// Whether `a` and `b` are the same person.
    public static func samePerson(_ a: Person, _ b: Person) -> Bool {
        if let da = a.dob, let db = b.dob, da != db { return false }
        let na = names(of: a), nb = names(of: b)
        return na.contains { x in nb.contains { y in namesAgree(x, y) } }
    }
}
