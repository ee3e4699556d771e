import Foundation
@testable import toml_decode
@testable import MaracTOML

/// Compares toml-test tagged JSON the way the toml-test runner does: tables and arrays
/// structurally, floats numerically (inf and nan included), date-times by value.
enum TaggedJSONComparison {
    /// The first difference between `expected` and `actual` (JSONSerialization trees), or nil.
    static func difference(expected: Any, actual: Any, path: String = "") -> String? {
        let here = path.isEmpty ? "(root)" : path
        if let tagged = scalar(expected) {
            guard let other = scalar(actual) else { return "\(here): expected a \(tagged.type), found a table or array" }
            guard tagged.type == other.type else { return "\(here): expected type \(tagged.type), found \(other.type)" }
            return sameScalar(type: tagged.type, tagged.value, other.value)
                ? nil : "\(here): expected \(tagged.value), found \(other.value)"
        }
        if let table = expected as? [String: Any] {
            guard let other = actual as? [String: Any], scalar(actual) == nil else { return "\(here): expected a table" }
            let missing = Set(table.keys).symmetricDifference(other.keys)
            if !missing.isEmpty { return "\(here): keys differ: \(missing.sorted())" }
            for key in table.keys.sorted() {
                if let difference = difference(expected: table[key]!, actual: other[key]!, path: path + "." + key) {
                    return difference
                }
            }
            return nil
        }
        if let array = expected as? [Any] {
            guard let other = actual as? [Any] else { return "\(here): expected an array" }
            guard array.count == other.count else { return "\(here): expected \(array.count) elements, found \(other.count)" }
            for (i, (a, b)) in zip(array, other).enumerated() {
                if let difference = difference(expected: a, actual: b, path: "\(path)[\(i)]") { return difference }
            }
            return nil
        }
        return "\(here): unexpected JSON in the expected file"
    }

    /// A decoded table as tagged JSON trees, built independently of `TOMLTaggedJSON`.
    static func tree(_ table: TOMLTable) -> [String: Any] {
        var object: [String: Any] = [:]
        for member in table.members { object[member.key] = tree(member.node.value) }
        return object
    }

    static func tree(_ value: TOMLValue) -> Any {
        let text: String
        switch value {
        case .table(let table): return tree(table)
        case .array(let items): return items.map { tree($0.value) }
        case .string(let s): text = s
        case .integer(let i): text = String(i)
        case .float(let d): text = d.isNaN ? "nan" : d.isInfinite ? (d < 0 ? "-inf" : "inf") : "\(d)"
        case .boolean(let b): text = b ? "true" : "false"
        case .offsetDateTime(let t): text = t.description
        case .localDateTime(let t): text = t.description
        case .localDate(let d): text = d.description
        case .localTime(let t): text = t.description
        }
        return ["type": value.kindName, "value": text]
    }

    private static func scalar(_ json: Any) -> (type: String, value: String)? {
        guard let object = json as? [String: Any], object.count == 2,
              let type = object["type"] as? String, let value = object["value"] as? String
        else { return nil }
        return (type, value)
    }

    private static func sameScalar(type: String, _ a: String, _ b: String) -> Bool {
        switch type {
        case "float":
            guard let x = float(a), let y = float(b) else { return false }
            return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign)
        case "datetime", "datetime-local", "date-local", "time-local":
            guard let x = Stamp(a), let y = Stamp(b) else { return false }
            if type == "datetime" { return x.offset != nil && y.offset != nil && x.instant == y.instant }
            return x == y
        default:
            return a == b
        }
    }

    private static func float(_ text: String) -> Double? {
        switch text {
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: return Double(text)
        }
    }

    /// A date, time or date-time in RFC 3339 form, as fields (and the offset in minutes).
    private struct Stamp: Equatable {
        var fields: [Int] = []
        var offset: Int?

        init?(_ text: String) {
            var rest = Substring(text.uppercased().replacingOccurrences(of: " ", with: "T"))
            func number(_ count: Int) -> Int? {
                guard rest.count >= count, let n = Int(rest.prefix(count)) else { return nil }
                rest = rest.dropFirst(count)
                return n
            }
            func skip(_ c: Character) -> Bool {
                guard rest.first == c else { return false }
                rest = rest.dropFirst()
                return true
            }
            if rest.count >= 10, rest.dropFirst(4).first == "-" {
                guard let y = number(4), skip("-"), let m = number(2), skip("-"), let d = number(2) else { return nil }
                fields = [y, m, d]
                if !skip("T") { if rest.isEmpty { return } else { return nil } }
            }
            guard let h = number(2), skip(":"), let mi = number(2), skip(":"), let s = number(2) else { return nil }
            var nanos = 0
            if skip(".") {
                let digits = rest.prefix { $0.isNumber }
                rest = rest.dropFirst(digits.count)
                nanos = Int((digits + String(repeating: "0", count: 9)).prefix(9)) ?? 0
            }
            fields += [h, mi, s, nanos]
            if skip("Z") {
                offset = 0
            } else if let sign = rest.first, sign == "+" || sign == "-" {
                rest = rest.dropFirst()
                guard let oh = number(2), skip(":"), let om = number(2) else { return nil }
                offset = (oh * 60 + om) * (sign == "-" ? -1 : 1)
            }
            guard rest.isEmpty else { return nil }
        }

        /// Seconds and nanoseconds since 1970-01-01T00:00:00Z, for offset date-times.
        var instant: [Int] {
            guard fields.count == 7 else { return fields }
            let (y0, m, d) = (fields[0], fields[1], fields[2])
            let y = m <= 2 ? y0 - 1 : y0
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146_097 + doe - 719_468
            let seconds = days * 86_400 + fields[3] * 3600 + fields[4] * 60 + fields[5] - (offset ?? 0) * 60
            return [seconds, fields[6]]
        }
    }
}

/// The toml-test suite's TOML 1.0 file list.
enum TOMLTestSuite {
    struct Listing {
        var root: URL
        var valid: [String]
        var invalid: [String]
    }

    static func listing() throws -> Listing {
        let root = try Conformance.suite("toml-test").appendingPathComponent("tests")
        let list = try String(contentsOf: root.appendingPathComponent("files-toml-1.0.0"), encoding: .utf8)
        let files = list.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasSuffix(".toml") }
        return Listing(
            root: root,
            valid: files.filter { $0.hasPrefix("valid/") },
            invalid: files.filter { $0.hasPrefix("invalid/") })
    }

    /// The expected tagged JSON beside a valid file.
    static func expectedJSON(for file: String, in root: URL) throws -> Any {
        let url = root.appendingPathComponent(String(file.dropLast(5)) + ".json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url), options: [.fragmentsAllowed])
    }
}
