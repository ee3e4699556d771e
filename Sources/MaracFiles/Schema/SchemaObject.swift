import MaracJSON

/// A schema object being compiled, with its location and base URI.
struct SchemaObject {
    let members: [(key: String, value: JSONValue)]
    let location: SchemaLocation
    var base: String

    subscript(keyword: String) -> JSONValue? { members.first { $0.key == keyword }?.value }

    func location(of keyword: String) -> String { location.text + "/" + JSONPointer.escape(keyword) }

    func child(_ tokens: String...) -> SchemaLocation {
        SchemaLocation(document: location.document, pointer: tokens.reduce(location.pointer) { JSONPointer.appending($0, $1) })
    }

    func error(_ message: String, _ keyword: String) -> SchemaError {
        SchemaError(message, at: location(of: keyword), keyword: keyword)
    }

    /// A non-negative integer keyword (`1.0` counts as an integer).
    func count(_ keyword: String) throws -> Int? {
        guard let value = self[keyword] else { return nil }
        switch value {
        case .integer(let i) where i >= 0: return Int(i)
        case .number(let d) where d >= 0 && d == d.rounded() && d < 1e18: return Int(d)
        default: throw error("\(keyword) must be a whole number, 0 or more", keyword)
        }
    }

    func number(_ keyword: String) throws -> SchemaNumber? {
        guard let value = self[keyword] else { return nil }
        switch value {
        case .integer(let i): return .integer(i)
        case .number(let d): return .double(d)
        default: throw error("\(keyword) must be a number", keyword)
        }
    }

    func strings(_ keyword: String) throws -> [String]? {
        guard let value = self[keyword] else { return nil }
        guard case .array(let items) = value else { throw error("\(keyword) must be an array of strings", keyword) }
        return try items.map { item in
            guard case .string(let s) = item else { throw error("\(keyword) must be an array of strings", keyword) }
            return s
        }
    }
}
