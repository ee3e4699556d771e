/// A command-line option a command accepts.
public struct OptionSpec: Sendable {
    public var name: String
    /// The value's placeholder (e.g. `DATE`); `nil` for a flag that takes no value.
    public var valueName: String?
    /// What the value must look like (checked before the command runs).
    public var kind: ValueKind?
    public var help: String
    /// Whether the option may be given more than once (values are collected in order).
    public var repeatable: Bool
    /// Whether the command cannot run without it.
    public var required: Bool

    /// A flag (no value).
    public init(_ name: String, help: String) {
        self.name = name
        self.valueName = nil
        self.kind = nil
        self.help = help
        self.repeatable = false
        self.required = false
    }

    /// An option with a value of `kind`, shown as `value` in help (`choice` kinds show their words).
    public init(
        _ name: String, value: String, kind: ValueKind = .text, repeatable: Bool = false, required: Bool = false,
        help: String
    ) {
        self.name = name
        if case .choice(let words) = kind {
            self.valueName = words.joined(separator: "|")
        } else {
            self.valueName = value
        }
        self.kind = kind
        self.help = help
        self.repeatable = repeatable
        self.required = required
    }

    /// `--format` with these choices, the first being the default.
    public static func format(_ choices: [String], help: String) -> OptionSpec {
        OptionSpec("--format", value: "FORMAT", kind: .choice(choices), help: help)
    }

    /// `--as-of DATE`.
    public static func asOf(_ help: String) -> OptionSpec {
        OptionSpec("--as-of", value: "DATE", kind: .date, help: help)
    }

    /// `--name VALUE` or `--name`, as usage lines show it; optional ones in brackets.
    var synopsis: String {
        let text = valueName.map { "\(name) \($0)" } ?? name
        return required ? text : "[\(text)\(repeatable ? "]..." : "]")"
    }
}

/// A positional argument: its placeholder, what it must look like, and how many there may be.
public struct PositionalSpec: Sendable {
    public enum Arity: Sendable {
        case one, optional, oneOrMore, zeroOrMore
    }

    public var name: String
    public var kind: ValueKind
    public var arity: Arity

    public init(_ name: String, kind: ValueKind, _ arity: Arity = .one) {
        self.name = name
        self.kind = kind
        self.arity = arity
    }

    var synopsis: String {
        switch arity {
        case .one: name
        case .optional: "[\(name)]"
        case .oneOrMore: "\(name)..."
        case .zeroOrMore: "[\(name)...]"
        }
    }
}

/// A rule between options, checked with the others before a command runs.
public enum OptionConstraint: Sendable {
    /// At most one of these options.
    case notTogether([String])
    /// The first option only with the second.
    case requires(String, String)
    /// Exactly one of these options.
    case oneOf([String])
}
