/// Runs a `SchemaProgram` over one value. Messages are built only when a check fails, and
/// branches that only need a yes/no answer (`anyOf`, `oneOf`, `not`, `if`, `contains`) run
/// without collecting violations and stop at the first failure.
struct SchemaEvaluator: ~Copyable {
    let nodes: UnsafeBufferPointer<SchemaNode>
    var path: [PathComponent] = []
    var violations: [SchemaViolation] = []

    init(nodes: UnsafeBufferPointer<SchemaNode>) {
        self.nodes = nodes
        path.reserveCapacity(16)
    }

    mutating func validate(_ node: Int, _ value: JSONValue, collect: Bool) -> Bool {
        var valid = true
        for check in nodes[node].checks where !run(check, value, collect: collect) {
            valid = false
            if !collect { return false }
        }
        return valid
    }

    private mutating func validate(_ node: Int, _ value: JSONValue, at component: PathComponent, collect: Bool) -> Bool {
        path.append(component)
        defer { path.removeLast() }
        return validate(node, value, collect: collect)
    }

    private mutating func fail(_ check: SchemaCheck, _ collect: Bool, at component: PathComponent? = nil,
                               keyword: String? = nil, location: String? = nil, _ message: @autoclosure () -> String) -> Bool {
        guard collect else { return false }
        var where_ = path
        if let component { where_.append(component) }
        violations.append(SchemaViolation(path: where_, schemaLocation: location ?? check.location,
                                          keyword: keyword ?? check.keyword, message: message()))
        return false
    }

    // MARK: checks

    private mutating func run(_ check: SchemaCheck, _ value: JSONValue, collect: Bool) -> Bool {
        switch check.kind {
        case .never:
            return fail(check, collect, "is not allowed")

        case .type(let types):
            return Self.matches(value, types) || fail(check, collect, "must be " + Self.describe(types))

        case .enumeration(let strings, let others, let allowed):
            if case .string(let s) = value {
                if let variants = strings[s], variants.contains(where: { JSONSchemaEquality.same($0, s) }) { return true }
            } else if others.contains(where: { JSONSchemaEquality.equal($0, value) }) {
                return true
            }
            return fail(check, collect, "must be one of: " + allowed)

        case .const(let expected, let shown):
            return JSONSchemaEquality.equal(expected, value) || fail(check, collect, "must be exactly " + shown)

        case .required(let names):
            guard case .object(let members) = value else { return true }
            var valid = true
            for name in names where !Self.has(members, name) {
                valid = fail(check, collect, at: .key(name), "is required")
                if !collect { return false }
            }
            return valid

        case .members(let rules):
            guard case .object(let members) = value else { return true }
            return validateMembers(members, rules, check, collect: collect)

        case .minProperties(let n):
            guard case .object(let members) = value, members.count < n else { return true }
            return fail(check, collect, "must have at least " + SchemaText.plural(n, "field"))

        case .maxProperties(let n):
            guard case .object(let members) = value, members.count > n else { return true }
            return fail(check, collect, "must have at most " + SchemaText.plural(n, "field"))

        case .propertyNames(let schema):
            guard case .object(let members) = value else { return true }
            var valid = true
            for member in members where !validate(schema, .string(member.key), collect: false) {
                valid = fail(check, collect, at: .key(member.key), "is not an allowed field name")
                if !collect { return false }
            }
            return valid

        case .dependentRequired(let list):
            guard case .object(let members) = value else { return true }
            var valid = true
            for (key, required) in list where Self.has(members, key) {
                for name in required where !Self.has(members, name) {
                    valid = fail(check, collect, at: .key(name), "is required when \(key) is present")
                    if !collect { return false }
                }
            }
            return valid

        case .dependentSchemas(let list):
            guard case .object(let members) = value else { return true }
            var valid = true
            for (key, schema) in list where Self.has(members, key) {
                if !validate(schema, value, collect: collect) {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid

        case .items(let prefix, let rest, let restLocation):
            guard case .array(let items) = value else { return true }
            var valid = true
            for (i, item) in items.enumerated() {
                let ok: Bool
                if i < prefix.count {
                    ok = validate(prefix[i], item, at: .index(i), collect: collect)
                } else if let rest {
                    if nodes[rest].checks.first.map({ if case .never = $0.kind { true } else { false } }) == true {
                        ok = fail(check, collect, at: .index(i), keyword: "items", location: restLocation,
                                  "is not allowed: the list may have at most " + SchemaText.plural(prefix.count, "item"))
                    } else {
                        ok = validate(rest, item, at: .index(i), collect: collect)
                    }
                } else {
                    break
                }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid

        case .contains(let schema, let min, let max):
            guard case .array(let items) = value else { return true }
            var count = 0
            for item in items where validate(schema, item, collect: false) { count += 1 }
            if count < min {
                return fail(check, collect, keyword: "minContains",
                            "must contain at least " + SchemaText.plural(min, "matching item"))
            }
            if let max, count > max {
                return fail(check, collect, keyword: "maxContains",
                            "must contain at most " + SchemaText.plural(max, "matching item"))
            }
            return true

        case .minItems(let n):
            guard case .array(let items) = value, items.count < n else { return true }
            return fail(check, collect, "must have at least " + SchemaText.plural(n, "item"))

        case .maxItems(let n):
            guard case .array(let items) = value, items.count > n else { return true }
            return fail(check, collect, "must have at most " + SchemaText.plural(n, "item"))

        case .uniqueItems:
            guard case .array(let items) = value, let (first, second) = Self.duplicate(in: items) else { return true }
            return fail(check, collect, at: .index(second), "repeats item [\(first)]: items must be unique")

        case .minimum(let limit):
            guard let order = Self.compare(value, limit), order < 0 else { return true }
            return fail(check, collect, "must be at least \(limit)")

        case .maximum(let limit):
            guard let order = Self.compare(value, limit), order > 0 else { return true }
            return fail(check, collect, "must be at most \(limit)")

        case .exclusiveMinimum(let limit):
            guard let order = Self.compare(value, limit), order <= 0 else { return true }
            return fail(check, collect, "must be greater than \(limit)")

        case .exclusiveMaximum(let limit):
            guard let order = Self.compare(value, limit), order >= 0 else { return true }
            return fail(check, collect, "must be less than \(limit)")

        case .multipleOf(let divisor):
            guard let ok = Self.isMultiple(value, of: divisor), !ok else { return true }
            return fail(check, collect, "must be a multiple of \(divisor)")

        case .minLength(let n):
            guard case .string(let s) = value, s.utf8.count < n || s.unicodeScalars.count < n else { return true }
            return fail(check, collect, n == 1 ? "must not be empty" : "must be at least " + SchemaText.plural(n, "character") + " long")

        case .maxLength(let n):
            guard case .string(let s) = value, s.utf8.count > n, s.unicodeScalars.count > n else { return true }
            return fail(check, collect, "must be at most " + SchemaText.plural(n, "character") + " long")

        case .pattern(let pattern):
            guard case .string(let s) = value, !pattern.matches(s) else { return true }
            return fail(check, collect, "is not in the expected form (the pattern \(pattern.source))")

        case .format(let format):
            guard case .string(let s) = value, !format.accepts(s) else { return true }
            return fail(check, collect, "must be " + format.expectation)

        case .ref(let target):
            return validate(target, value, collect: collect)

        case .allOf(let list):
            var valid = true
            for schema in list where !validate(schema, value, collect: collect) {
                valid = false
                if !collect { return false }
            }
            return valid

        case .anyOf(let list):
            for schema in list where validate(schema, value, collect: false) { return true }
            return fail(check, collect, "does not match any of the allowed forms")

        case .oneOf(let list):
            var matches = 0
            for schema in list where validate(schema, value, collect: false) {
                matches += 1
                if matches > 1 { return fail(check, collect, "matches more than one of the allowed forms (exactly one is expected)") }
            }
            return matches == 1 || fail(check, collect, "does not match any of the allowed forms")

        case .not(let schema):
            return !validate(schema, value, collect: false)
                || fail(check, collect, "is not allowed here (it matches a form the schema excludes)")

        case .conditional(let condition, let then, let otherwise):
            let branch = validate(condition, value, collect: false) ? then : otherwise
            guard let branch else { return true }
            return validate(branch, value, collect: collect)
        }
    }

    private mutating func validateMembers(_ members: [(key: String, value: JSONValue)], _ rules: MemberRules,
                                          _ check: SchemaCheck, collect: Bool) -> Bool {
        var valid = true
        for member in members {
            var matched = false
            var ok = true
            if !rules.properties.isEmpty, let (name, schema) = rules.properties[member.key],
               JSONSchemaEquality.same(name, member.key) {
                matched = true
                ok = validate(schema, member.value, at: .key(member.key), collect: collect)
            }
            for (pattern, schema) in rules.patterns where (ok || collect) && pattern.matches(member.key) {
                matched = true
                if !validate(schema, member.value, at: .key(member.key), collect: collect) { ok = false }
            }
            if !matched, let additional = rules.additional {
                if rules.additionalForbidden {
                    ok = fail(check, collect, at: .key(member.key), keyword: "additionalProperties",
                              location: rules.additionalLocation, "is not an allowed field")
                } else {
                    ok = validate(additional, member.value, at: .key(member.key), collect: collect)
                }
            }
            if !ok {
                valid = false
                if !collect { return false }
            }
        }
        return valid
    }

    // MARK: values

    @inline(__always)
    static func has(_ members: [(key: String, value: JSONValue)], _ name: String) -> Bool {
        members.contains { JSONSchemaEquality.same($0.key, name) }
    }

    static func matches(_ value: JSONValue, _ types: JSONTypes) -> Bool {
        switch value {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        case .integer: !types.isDisjoint(with: [.integer, .number])
        case .number(let d): types.contains(.number) || (types.contains(.integer) && d.isFinite && d == d.rounded())
        case .string: types.contains(.string)
        case .array: types.contains(.array)
        case .object: types.contains(.object)
        }
    }

    static func describe(_ types: JSONTypes) -> String {
        var names: [String] = []
        if types.contains(.string) { names.append("text") }
        if types.contains(.number) { names.append("a number") } else if types.contains(.integer) { names.append("a whole number") }
        if types.contains(.boolean) { names.append("true or false") }
        if types.contains(.array) { names.append("a list") }
        if types.contains(.object) { names.append("a table of fields") }
        if types.contains(.null) { names.append("null") }
        return names.isEmpty ? "of no type at all" : names.joined(separator: " or ")
    }

    /// The order of a numeric value against a schema number; nil for values that are not numbers.
    static func compare(_ value: JSONValue, _ limit: SchemaNumber) -> Int? {
        switch (value, limit) {
        case let (.integer(x), .integer(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.integer(x), .double(y)): return compare(Double(x), y)
        case let (.number(x), _): return compare(x, limit.doubleValue)
        default: return nil
        }
    }

    private static func compare(_ x: Double, _ y: Double) -> Int { x < y ? -1 : x > y ? 1 : 0 }

    static func isMultiple(_ value: JSONValue, of divisor: SchemaNumber) -> Bool? {
        switch (value, divisor) {
        case let (.integer(x), .integer(y)): return x % y == 0
        case let (.integer(x), .double(y)): return isMultiple(Double(x), y)
        case let (.number(x), _): return isMultiple(x, divisor.doubleValue)
        default: return nil
        }
    }

    private static func isMultiple(_ x: Double, _ y: Double) -> Bool {
        let quotient = x / y
        guard quotient.isFinite else { return false }
        let rounded = quotient.rounded()
        return quotient == rounded || abs(quotient - rounded) <= 1e-9 * max(1, abs(quotient))
    }

    /// The indices of the first repeated item and its earlier twin.
    static func duplicate(in items: [JSONValue]) -> (Int, Int)? {
        if items.count > 8, items.allSatisfy({ if case .string = $0 { true } else { false } }) {
            var seen: [String: Int] = [:]
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else { continue }
                if let first = seen[s] { return (first, i) }
                seen[s] = i
            }
            return nil
        }
        for j in items.indices {
            for i in 0..<j where JSONSchemaEquality.equal(items[i], items[j]) { return (i, j) }
        }
        return nil
    }
}
