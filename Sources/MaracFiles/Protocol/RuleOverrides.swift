import MaracBase
import MaracTOML

extension ProtocolRules {
    /// The rules of `profile` with marac.toml's `[rules]` table applied.
    ///
    /// Any rule id can be set: a switch to `true`/`false`; a number to a whole number 0 or
    /// more, or `false` to turn it off; a time limit to a whole number (in the profile's unit,
    /// or the rule's first unit when the profile has it off), a string such as `"24 hours"` or
    /// `"3 working days"`, or `false`. Every unknown rule id and wrong type is reported, with
    /// the key's line:column, in one `RulesError`.
    public static func effective(profile: String, overrides: TOMLTable) throws -> EffectiveRules {
        guard let base = ProtocolRules.profile(named: profile) else {
            let names = profiles.map(\.profile).joined(separator: ", ")
            throw RulesError([.init("unknown protocol profile; use one of: \(names)", at: nil)])
        }
        var rules = base
        var overridden: [RuleID: SourcePosition] = [:]
        var problems: [RulesError.Problem] = []
        for member in overrides.members {
            let position = member.keyRange.start
            guard let id = RuleID(rawValue: member.key), id.isChecked else {
                problems.append(.init(unknownRuleMessage(member.key), at: position))
                continue
            }
            switch overrideValue(member.node.value, for: id, current: base[id]) {
            case .success(let value):
                rules[id] = value
                overridden[id] = position
            case .failure(let problem):
                problems.append(.init(problem.message, at: position))
            }
        }
        if !problems.isEmpty { throw RulesError(problems) }
        let entries = RuleID.allCases.map { id in
            if let position = overridden[id] {
                return EffectiveRules.Entry(
                    id: id, value: rules[id], origin: .override,
                    source: "marac.toml [rules] \(position.line):\(position.column)")
            }
            return EffectiveRules.Entry(id: id, value: base[id], origin: .profile, source: base.source(of: id))
        }
        return EffectiveRules(rules: rules, entries: entries)
    }

    private struct OverrideProblem: Error {
        var message: String
    }

    private static func overrideValue(
        _ value: TOMLValue, for id: RuleID, current: RuleValue
    ) -> Result<RuleValue, OverrideProblem> {
        let key = "`\(id.rawValue)`"
        switch id.kind {
        case .toggle:
            guard case .boolean(let on) = value else {
                return .failure(.init(message: "rule \(key) is a switch: write true or false (found \(article(value)))"))
            }
            return .success(on ? .on : .off)
        case .count(let unit):
            let expected = "rule \(key) takes a whole number of \(unit), or false to turn it off"
            switch value {
            case .boolean(false): return .success(.off)
            case .integer(let n) where n >= 0: return .success(.count(Int(n)))
            case .integer: return .failure(.init(message: expected + " (found a negative number)"))
            default: return .failure(.init(message: expected + " (found \(article(value)))"))
            }
        case .period(let units):
            let unit = current.period?.unit ?? units[0]
            let names = units.map { $0.name(count: 2) }
            let allowed = names.count < 2
                ? names.joined()
                : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
            let expected = units.count == 1
                ? "rule \(key) takes a whole number of \(unit.name(count: 2)), or false to turn it off"
                : "rule \(key) takes a whole number of \(unit.name(count: 2)), a string such as "
                    + "\"3 \(units[0].name(count: 3))\" (in \(allowed)), or false to turn it off"
            switch value {
            case .boolean(false): return .success(.off)
            case .integer(let n) where n >= 0: return .success(.period(RulePeriod(Int(n), unit)))
            case .integer: return .failure(.init(message: expected + " (found a negative number)"))
            case .string(let text):
                guard let period = parsePeriod(text), units.contains(period.unit) else {
                    return .failure(.init(message: expected + " (the string is not one of these)"))
                }
                return .success(.period(period))
            default: return .failure(.init(message: expected + " (found \(article(value)))"))
            }
        }
    }

    /// "24 hours", "1 working day", "3 days", "12 months": up to four digits, one space, and a
    /// unit written in lower case (`RuleID.periodPattern` is the same in the schema).
    static func parsePeriod(_ text: String) -> RulePeriod? {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, (1...4).contains(parts[0].count),
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int(parts[0]),
              let unit = TimeUnit.allCases.first(where: { $0.spellings.contains(String(parts[1])) })
        else { return nil }
        return RulePeriod(amount, unit)
    }

    private static func article(_ value: TOMLValue) -> String {
        switch value {
        case .integer: "an integer"
        case .array: "an array"
        case .table: "a table"
        case .offsetDateTime, .localDateTime, .localDate, .localTime: "a date or time"
        default: "a " + value.kindName
        }
    }

    private static func unknownRuleMessage(_ key: String) -> String {
        if let why = RuleID.removed[key] {
            return "rule `\(key)` in [rules] is no longer a rule: \(why); delete the line"
        }
        if let id = RuleID(rawValue: key), !id.isChecked {
            return "rule `\(key)` in [rules] is not checked by this version of mfile, so it cannot be set; delete the line"
        }
        var message = "unknown rule `\(key)` in [rules]"
        if let near = nearestRule(to: key) { message += " (did you mean `\(near.rawValue)`?)" }
        return message + "; `mfile rules` lists every rule"
    }

    /// The known rule id closest to a mistyped key, when it is close enough to be a typo.
    static func nearestRule(to key: String) -> RuleID? {
        let scored = RuleID.checked.map { ($0, editDistance(Array(key), Array($0.rawValue))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 5) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
