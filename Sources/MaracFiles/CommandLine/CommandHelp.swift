/// The help a command prints (`mfile COMMAND --help`), made from its declaration so that it
/// always lists exactly the arguments and options the parser accepts.
extension Command {
    /// `mfile render agenda MEETING [--start HH:MM] ...`: one line for a leaf, one per
    /// subcommand for a group. `shared` are a group's options, shown on each subcommand's line.
    func usageLines(path: String, shared: [OptionSpec] = []) -> [String] {
        if !subcommands.isEmpty {
            return subcommands.flatMap { $0.usageLines(path: "\(path) \($0.name)", shared: options) }
        }
        let all = options + shared
        let parts = ["mfile", path] + positionals.map(\.synopsis)
            + all.filter(\.required).map(\.synopsis) + all.filter { !$0.required }.map(\.synopsis)
        return [parts.joined(separator: " ")]
    }

    /// The usage line(s), as the error path prints them after a usage mistake.
    func usage(path: String, shared: [OptionSpec] = []) -> String {
        let lines = usageLines(path: path, shared: shared)
        return "usage: " + lines.joined(separator: "\n       ")
    }

    /// The whole help text.
    func help(path: String, shared: [OptionSpec] = []) -> String {
        var text = usage(path: path, shared: shared) + "\n\n\(summary)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        if !subcommands.isEmpty {
            text += "\nsubcommands (see 'mfile \(path) SUBCOMMAND --help'):\n"
            for sub in subcommands { text += row(sub.name, sub.summary) }
        }
        let own = subcommands.isEmpty ? options + shared : options
        text += "\noptions:\n"
        for option in own + Command.commonOptions {
            text += row(option.name + (option.valueName.map { " \($0)" } ?? ""), option.help)
        }
        for sub in subcommands where !sub.options.isEmpty {
            text += "\noptions of '\(path) \(sub.name)':\n"
            for option in sub.options { text += row(option.name + (option.valueName.map { " \($0)" } ?? ""), option.help) }
        }
        if !examples.isEmpty {
            text += "\nexamples:\n" + examples.map { "  \($0)\n" }.joined()
        }
        return text
    }

    private func row(_ left: String, _ help: String) -> String {
        "  " + left.padding(toLength: max(left.count, 22), withPad: " ", startingAt: 0) + "  " + help + "\n"
    }
}
