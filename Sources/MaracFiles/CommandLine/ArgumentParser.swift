/// A command-line option a command accepts.
public struct OptionSpec: Sendable {
    public var name: String
    /// The value's placeholder (e.g. `DATE`); `nil` for a flag that takes no value.
    public var valueName: String?
    public var help: String
    /// Whether the option may be given more than once (values are collected in order).
    public var repeatable: Bool

    public init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }
}

/// A mistake in how a command was called (exit status 2).
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A command's arguments once parsed against its options.
public struct ParsedArguments: Sendable {
    public var positional: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []

    public init() {}

    /// The last value given for `option`, if any.
    public func value(_ option: String) -> String? { values[option]?.last }
    /// Every value given for a repeatable `option`.
    public func allValues(_ option: String) -> [String] { values[option] ?? [] }
    public func flag(_ option: String) -> Bool { flags.contains(option) }
}

/// Parses `--name value`, `--name=value`, flags and `--` (everything after is positional).
public enum ArgumentParser {
    public static func parse(
        _ arguments: [String], options: [OptionSpec], command: String
    ) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                parsed.positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '\(name)' for '\(command)'; see '\(command) --help'")
            }
            if let valueName = spec.valueName {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("option '\(name)' of '\(command)' needs a value (\(valueName))")
                }
                if !spec.repeatable, parsed.values[name] != nil {
                    throw UsageError("option '\(name)' of '\(command)' is given twice")
                }
                parsed.values[name, default: []].append(value)
            } else {
                if inlineValue != nil {
                    throw UsageError("option '\(name)' of '\(command)' takes no value")
                }
                parsed.flags.insert(name)
            }
        }
        return parsed
    }
}
