/// One step of a path into a JSON value: an object member or an array item.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

extension Array where Element == PathComponent {
    /// A path as people read it: `victim.dob`, `referral[0].agency`; `(top level)` for the root.
    public var displayPath: String {
        if isEmpty { return "(top level)" }
        var out = ""
        for component in self {
            switch component {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += key
            case .index(let index):
                out += "[\(index)]"
            }
        }
        return out
    }
}

/// A place where a JSON value breaks its schema.
///
/// `message` is plain English for an administrator and never quotes the offending value (it may
/// quote values written in the schema, such as the allowed values of an `enum`). `path` names
/// the offending member; for `required` and `dependentRequired` it names the missing member.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the validated value.
    public var path: [PathComponent]
    /// The absolute location of the failing keyword: the schema's URI, `#`, and a JSON pointer.
    public var schemaLocation: String
    /// The failing keyword, e.g. `required`.
    public var keyword: String
    public var message: String
    /// What would have been valid, for a message to offer: the choices of an `enum`, or the
    /// field names an object allows (a `patternProperties` prefix as "any name starting
    /// with ..."). Empty for other checks.
    public var choices: [String]
    /// The one of `choices` closest to what was given (see `DidYouMean`), when one is close.
    public var suggestion: String?
    /// For `type`: the JSON types the schema wants (`array`, `object`, `string`, ...).
    public var expectedTypes: [String]

    public init(
        path: [PathComponent], schemaLocation: String, keyword: String, message: String, choices: [String] = [],
        suggestion: String? = nil, expectedTypes: [String] = []
    ) {
        self.path = path
        self.schemaLocation = schemaLocation
        self.keyword = keyword
        self.message = message
        self.choices = choices
        self.suggestion = suggestion
        self.expectedTypes = expectedTypes
    }

    /// `path: message`.
    public var description: String { "\(path.displayPath): \(message)" }
}
