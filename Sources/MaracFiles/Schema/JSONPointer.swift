import Foundation
import MaracJSON

/// JSON pointers (RFC 6901) as used in schema locations: `""` is the whole document.
enum JSONPointer {
    static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func appending(_ pointer: String, _ token: String) -> String { pointer + "/" + escape(token) }

    static func appending(_ pointer: String, _ index: Int) -> String { pointer + "/" + String(index) }

    /// The unescaped tokens of a pointer, or nil when it does not start with `/`.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The value a pointer points to inside `root`.
    static func resolve(_ pointer: String, in root: JSONValue) -> JSONValue? {
        guard let tokens = tokens(pointer) else { return nil }
        var value = root
        for token in tokens {
            switch value {
            case .object:
                guard let member = value[token] else { return nil }
                value = member
            case .array(let items):
                guard let index = Int(token), index >= 0, index < items.count,
                      token == "0" || !token.hasPrefix("0") else { return nil }
                value = items[index]
            default:
                return nil
            }
        }
        return value
    }
}
