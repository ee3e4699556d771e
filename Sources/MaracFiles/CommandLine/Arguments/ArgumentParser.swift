import MaracBase

/// Checks a command line against a command's declaration: the subcommand, every option
/// (known to this subcommand, given once unless repeatable, its value of the right kind),
/// required options, the constraints between options, and the number and kind of positionals.
/// `--name value`, `--name=value`, flags and `--` (everything after it positional) are understood.
public enum ArgumentParser {
    /// The leaf command to run and its checked arguments.
    public static func parse(
        _ arguments: [String], command group: Command
    ) throws(UsageError) -> (command: Command, path: String, arguments: ParsedArguments) {
        var reached = [group.name]
        do {
            return try parse(arguments, group: group, reached: &reached)
        } catch {
            var error = error
            error.commandPath = reached
            throw error
        }
    }

    private static func parse(
        _ arguments: [String], group: Command, reached: inout [String]
    ) throws(UsageError) -> (command: Command, path: String, arguments: ParsedArguments) {
        var command = group
        var path = group.name
        var tokens = arguments
        var subcommand: String?
        if !group.subcommands.isEmpty {
            guard let index = firstPositional(tokens) else {
                if tokens.contains("--help") || tokens.contains("-h") {
                    var help = ParsedArguments()
                    help.flags = ["--help"]
                    return (group, path, help)
                }
                throw UsageError("say what to do: \(group.subcommands.map { "\(group.name) \($0.name)" }.joined(separator: ", "))")
            }
            let name = tokens.remove(at: index)
            guard let chosen = group.subcommand(name) else {
                let known = group.subcommands.map(\.name).joined(separator: ", ")
                throw UsageError(ValueKind.isID(name)
                    ? "unknown \(group.name) '\(name)'; choose one of: \(known)"
                    : "choose what to \(group.name): \(known)")
            }
            command = chosen
            command.options += group.options
            reached.append(name)
            path = "\(group.name) \(chosen.name)"
            subcommand = name
        }
        var parsed = try parseTokens(tokens, options: command.options + Command.commonOptions, path: path)
        parsed.subcommand = subcommand
        if parsed.flag("--help") { return (command, path, parsed) }
        try check(parsed, against: command, path: path)
        return (command, path, parsed)
    }

    /// The index of the first positional token (the subcommand of a group).
    static func firstPositional(_ tokens: [String]) -> Int? {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token == "--" { return index + 1 < tokens.count ? index + 1 : nil }
            if !token.hasPrefix("-") || token == "-" { return index }
            index += 1
        }
        return nil
    }

    static func parseTokens(_ arguments: [String], options: [OptionSpec], path: String) throws(UsageError) -> ParsedArguments {
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
                let shown = ValueKind.isID(String(name.drop { $0 == "-" })) ? "'\(name)'" : "an option"
                throw UsageError("unknown option \(shown) for 'mfile \(path)'; see 'mfile \(path) --help'")
            }
            guard let valueName = spec.valueName else {
                if inlineValue != nil { throw UsageError("\(name) takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("\(name) needs a value (\(valueName))")
            }
            if !spec.repeatable, parsed.values[name] != nil {
                throw UsageError("\(name) is given twice")
            }
            if let kind = spec.kind, let problem = kind.problem(value) {
                throw UsageError("\(name) \(problem)")
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }

    static func check(_ parsed: ParsedArguments, against command: Command, path: String) throws(UsageError) {
        try checkPositionals(parsed.positional, against: command, path: path)
        for option in command.options where option.required && !parsed.has(option.name) {
            throw UsageError("'mfile \(path)' needs \(option.name) \(option.valueName ?? "")".trimmingCharacters(in: .whitespaces))
        }
        for constraint in command.constraints {
            switch constraint {
            case .notTogether(let names):
                let given = names.filter(parsed.has)
                if given.count > 1 { throw UsageError("give \(given.joined(separator: " or ")), not both") }
            case .requires(let option, let needed):
                if parsed.has(option), !parsed.has(needed) { throw UsageError("\(option) goes with \(needed)") }
            case .oneOf(let names):
                let given = names.filter(parsed.has)
                if given.count != 1 { throw UsageError("give one of \(names.joined(separator: ", "))") }
            }
        }
    }

    static func checkPositionals(_ values: [String], against command: Command, path: String) throws(UsageError) {
        let specs = command.positionals
        let minimum = specs.filter { $0.arity == .one || $0.arity == .oneOrMore }.count
        let unbounded = specs.contains { $0.arity == .oneOrMore || $0.arity == .zeroOrMore }
        let maximum = unbounded ? Int.max : specs.count
        let wanted = specs.isEmpty ? "no arguments" : specs.map(\.synopsis).joined(separator: " ")
        if values.count < minimum {
            throw UsageError("'mfile \(path)' needs \(wanted)")
        }
        if values.count > maximum {
            var message = "'mfile \(path)' takes \(wanted)"
            if let extra = values.last, LocalDate(isoText: extra) != nil,
               command.options.contains(where: { $0.kind == .date }) {
                let dates = command.options.filter { $0.kind == .date }.map(\.name)
                message += "; to give a date, use \(dates.joined(separator: " or ")) \(extra)"
            }
            throw UsageError(message)
        }
        var index = 0
        for spec in specs {
            let count: Int
            switch spec.arity {
            case .one: count = 1
            case .optional: count = values.count - index > specs.count - specs.firstIndex(where: { $0.name == spec.name })! - 1 ? 1 : 0
            case .oneOrMore, .zeroOrMore: count = values.count - index - (specs.count - specs.firstIndex(where: { $0.name == spec.name })! - 1)
            }
            for value in values[index..<min(values.count, index + max(0, count))] {
                if let problem = spec.kind.problem(value) { throw UsageError("\(spec.name) \(problem)") }
            }
            index += max(0, count)
        }
    }
}
