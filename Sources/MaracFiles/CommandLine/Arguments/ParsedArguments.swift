import MaracBase

/// A command's arguments once parsed and checked against its signature: every positional count,
/// option and value is known to be acceptable, so the accessors below cannot fail.
public struct ParsedArguments: Sendable {
    /// The subcommand chosen (`agenda` in `render agenda`), if the command has subcommands.
    public var subcommand: String?
    public var positional: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []

    public init() {}

    /// The last value given for `option`, if any.
    public func value(_ option: String) -> String? { values[option]?.last }
    /// Every value given for a repeatable `option`.
    public func allValues(_ option: String) -> [String] { values[option] ?? [] }
    public func flag(_ option: String) -> Bool { flags.contains(option) }
    /// Whether `option` was given at all (a flag or with a value).
    public func has(_ option: String) -> Bool { flags.contains(option) || values[option] != nil }

    /// A `.date` option's value.
    public func date(_ option: String) -> LocalDate? { value(option).flatMap(LocalDate.init(isoText:)) }
}
