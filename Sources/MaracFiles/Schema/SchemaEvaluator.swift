import MaracBase
import MaracJSON

/// Runs a `SchemaProgram` over one value (a `JSONValue`, or a decoded TOML tree read in place).
/// Messages are built only when a check fails, and
/// branches that only need a yes/no answer (`anyOf`, `oneOf`, `not`, `if`, `contains`) run
/// without collecting violations and stop at the first failure.
///
/// Which members and items were evaluated (for `unevaluatedProperties`/`unevaluatedItems`) is
/// tracked only below a node that needs it: `sink` is then where a valid subschema reports the
/// members and items of the same value it evaluated.
struct SchemaEvaluator<Value: SchemaInstance>: ~Copyable {
    let nodes: UnsafeBufferPointer<SchemaNode>
    let sites: UnsafeBufferPointer<CheckSite>
    let resources: UnsafeBufferPointer<[String: Int]>
    let tracksDynamicScope: Bool
    /// The schema resources entered, outermost first (kept only when `tracksDynamicScope`).
    var dynamicScope: [Int] = []
    /// How many schemas apply to the current value, one inside the other (counted only when
    /// `tracksDynamicScope`).
    var inPlaceDepth = 0
    static var maxInPlaceDepth: Int { 200 }
    var path: [PathComponent] = []
    var violations: [SchemaViolation] = []

    init(nodes: UnsafeBufferPointer<SchemaNode>, sites: UnsafeBufferPointer<CheckSite>,
         resources: UnsafeBufferPointer<[String: Int]>, tracksDynamicScope: Bool) {
        self.nodes = nodes
        self.sites = sites
        self.resources = resources
        self.tracksDynamicScope = tracksDynamicScope
        path.reserveCapacity(16)
    }

    mutating func validate(_ node: Int, _ value: Value, collect: Bool,
                           sink: UnsafeMutablePointer<Evaluated>? = nil) -> Bool {
        if tracksDynamicScope {
            // A $dynamicRef can only be resolved while validating, so a loop through one is
            // stopped here rather than rejected when compiling.
            inPlaceDepth += 1
            defer { inPlaceDepth -= 1 }
            guard inPlaceDepth <= Self.maxInPlaceDepth else {
                if collect {
                    violations.append(SchemaViolation(path: path, schemaLocation: nodes[node].location, keyword: "$dynamicRef",
                                                      message: "cannot be checked: the schema refers to itself without end"))
                }
                return false
            }
            if dynamicScope.last != nodes[node].resource {
                dynamicScope.append(nodes[node].resource)
                defer { dynamicScope.removeLast() }
                return validateInScope(node, value, collect: collect, sink: sink)
            }
        }
        return validateInScope(node, value, collect: collect, sink: sink)
    }

    private mutating func validateInScope(_ node: Int, _ value: Value, collect: Bool,
                                          sink: UnsafeMutablePointer<Evaluated>?) -> Bool {
        let view = value.schemaView
        if sink == nil, !nodes[node].usesUnevaluated {
            return nodes[node].checks.withUnsafeBufferPointer { checks in
                var valid = true
                for i in checks.indices where !run(checks[i], value, view, collect: collect, sink: nil) {
                    valid = false
                    if !collect { return false }
                }
                return valid
            }
        }
        var local = Evaluated(view)
        let valid = withUnsafeMutablePointer(to: &local) { local in
            nodes[node].checks.withUnsafeBufferPointer { checks in
                var valid = true
                for i in checks.indices where !run(checks[i], value, view, collect: collect, sink: local) {
                    valid = false
                    if !collect { return false }
                }
                return valid
            }
        }
        if valid, let sink { sink.pointee.merge(local) }
        return valid
    }

    /// A member or item: its path is kept only while violations are collected.
    private mutating func validate(_ node: Int, _ value: Value, at component: @autoclosure () -> PathComponent,
                                   collect: Bool) -> Bool {
        let outerDepth = inPlaceDepth
        inPlaceDepth = 0
        defer { inPlaceDepth = outerDepth }
        guard collect else { return validate(node, value, collect: false) }
        path.append(component())
        defer { path.removeLast() }
        return validate(node, value, collect: true)
    }

    /// What a violation offers besides its message (see `SchemaViolation`).
    struct Detail {
        var choices: [String] = []
        var suggestion: String? = nil
        var expectedTypes: [String] = []
    }

    private mutating func fail(_ check: SchemaCheck, _ collect: Bool, at component: PathComponent? = nil,
                               site: Int? = nil, _ message: @autoclosure () -> String,
                               detail: @autoclosure () -> Detail = Detail()) -> Bool {
        guard collect else { return false }
        var where_ = path
        if let component { where_.append(component) }
        let site = sites[site ?? check.site]
        let detail = detail()
        violations.append(SchemaViolation(path: where_, schemaLocation: site.location, keyword: site.keyword,
                                          message: message(), choices: detail.choices, suggestion: detail.suggestion,
                                          expectedTypes: detail.expectedTypes))
        return false
    }

    /// "; did you mean X?" when a choice is close to `typed`, else nothing.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean \($0)?" } ?? ""
    }

    // MARK: checks

    private mutating func run(_ check: SchemaCheck, _ value: Value, _ view: SchemaView<Value>, collect: Bool,
                              sink: UnsafeMutablePointer<Evaluated>?) -> Bool {
        switch check.kind {
        case .never:
            return fail(check, collect, "is not allowed")

        case .type(let types):
            if Self.matches(view, types) { return true }
            let expected = sites[check.site].title
            return fail(
                check, collect, "must be " + (expected ?? Self.describe(types)),
                detail: Detail(expectedTypes: JSONTypes.names.filter { types.contains($0.1) }.map(\.0)))

        case .enumeration(let rule):
            let allowed = rule.with { rule in
                if let s = view.string {
                    if let variants = rule.strings[s], variants.contains(where: { JSONSchemaEquality.same($0, s) }) { return true }
                    return false
                }
                return rule.others.contains(where: { JSONSchemaEquality.equal($0, value, view) })
            }
            if allowed { return true }
            guard collect else { return false }
            return rule.with { rule in
                let suggestion = view.string.flatMap { DidYouMean.closest(to: $0, among: rule.names) }
                return fail(check, collect, "must be one of: " + rule.allowed + Self.didYouMean(suggestion),
                            detail: Detail(choices: rule.names, suggestion: suggestion))
            }

        case .const(let rule):
            return rule.with { JSONSchemaEquality.equal($0.value, value, view) }
                || fail(check, collect, "must be exactly " + rule.with(\.shown))

        case .required(let names):
            guard case .object(let members) = view else { return true }
            return names.with { names in
                var valid = true
                for name in names.items where !members.has(name) {
                    valid = fail(check, collect, at: .key(name), "is required")
                    if !collect { return false }
                }
                return valid
            }

        case .members(let rules):
            guard case .object(let members) = view else { return true }
            return rules.with { validateMembers(members, $0, check, collect: collect, sink: sink) }

        case .minProperties(let n):
            guard case .object(let members) = view, members.count < n else { return true }
            return fail(check, collect, "must have at least " + SchemaText.plural(n, "field"))

        case .maxProperties(let n):
            guard case .object(let members) = view, members.count > n else { return true }
            return fail(check, collect, "must have at most " + SchemaText.plural(n, "field"))

        case .propertyNames(let schema):
            guard case .object(let members) = view else { return true }
            var valid = true
            for i in 0..<members.count {
                let key = members.key(at: i)
                if validate(schema, Value(memberName: key), at: .key(key), collect: false) { continue }
                valid = fail(check, collect, at: .key(key), "is not an allowed field name")
                if !collect { return false }
            }
            return valid

        case .dependentRequired(let list):
            guard case .object(let members) = view else { return true }
            var valid = true
            for (key, required) in list.with(\.items) where members.has(key) {
                for name in required where !members.has(name) {
                    valid = fail(check, collect, at: .key(name), "is required when \(key) is present")
                    if !collect { return false }
                }
            }
            return valid

        case .dependentSchemas(let list):
            guard case .object(let members) = view else { return true }
            var valid = true
            for (key, schema) in list.with(\.items) where members.has(key) {
                if !validate(schema, value, collect: collect, sink: sink) {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid

        case .items(let prefixList, let rest, let restForbidden, let restSite):
            guard case .array(let items) = view else { return true }
            let prefix = prefixList.with(\.items)
            if let sink { sink.pointee.markItems(upTo: rest == nil ? prefix.count : items.count) }
            var valid = true
            for (i, item) in items.enumerated() {
                let ok: Bool
                if i < prefix.count {
                    ok = validate(prefix[i], item, at: .index(i), collect: collect)
                } else if let rest {
                    if restForbidden {
                        ok = fail(check, collect, at: .index(i), site: restSite,
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

        case .contains(let schema, let min, let max, let minSite, let maxSite):
            guard case .array(let items) = view else { return true }
            var count = 0
            for (i, item) in items.enumerated() where validate(schema, item, at: .index(i), collect: false) {
                count += 1
                sink?.pointee.items[i] = true
            }
            if count < min {
                return fail(check, collect, site: minSite,
                            "must contain at least " + SchemaText.plural(min, "matching item"))
            }
            if let max, count > max {
                return fail(check, collect, site: maxSite,
                            "must contain at most " + SchemaText.plural(max, "matching item"))
            }
            return true

        case .minItems(let n):
            guard case .array(let items) = view, items.count < n else { return true }
            return fail(check, collect, "must have at least " + SchemaText.plural(n, "item"))

        case .maxItems(let n):
            guard case .array(let items) = view, items.count > n else { return true }
            return fail(check, collect, "must have at most " + SchemaText.plural(n, "item"))

        case .uniqueItems:
            guard case .array(let items) = view, let (first, second) = Self.duplicate(in: items) else { return true }
            return fail(check, collect, at: .index(second), "repeats item [\(first)]: items must be unique")

        case .minimum(let limit):
            guard let order = Self.compare(view, limit), order < 0 else { return true }
            return fail(check, collect, "must be at least \(limit)")

        case .maximum(let limit):
            guard let order = Self.compare(view, limit), order > 0 else { return true }
            return fail(check, collect, "must be at most \(limit)")

        case .exclusiveMinimum(let limit):
            guard let order = Self.compare(view, limit), order <= 0 else { return true }
            return fail(check, collect, "must be greater than \(limit)")

        case .exclusiveMaximum(let limit):
            guard let order = Self.compare(view, limit), order >= 0 else { return true }
            return fail(check, collect, "must be less than \(limit)")

        case .multipleOf(let divisor):
            guard let ok = Self.isMultiple(view, of: divisor), !ok else { return true }
            return fail(check, collect, "must be a multiple of \(divisor)")

        case .minLength(let n):
            // A character takes 1 to 4 bytes: only a string of n to 4n - 1 bytes needs counting.
            guard let s = view.string, s.utf8.count < n || (s.utf8.count / 4 < n && s.unicodeScalars.count < n) else { return true }
            return fail(check, collect, n == 1 ? "must not be empty" : "must be at least " + SchemaText.plural(n, "character") + " long")

        case .maxLength(let n):
            guard let s = view.string, s.utf8.count > n, s.unicodeScalars.count > n else { return true }
            return fail(check, collect, "must be at most " + SchemaText.plural(n, "character") + " long")

        case .pattern(let pattern):
            guard let s = view.string, !pattern.with({ $0.matches(s) }) else { return true }
            // Never the pattern itself: administrators do not read regular expressions.
            if let title = sites[check.site].title { return fail(check, collect, "must be " + title) }
            if let description = sites[check.site].description {
                return fail(check, collect, "is not in the expected form: " + description)
            }
            return fail(check, collect, "is not in the form this field needs (its description in the schema says what that is)")

        case .format(let format):
            guard let s = view.string, !format.accepts(s) else { return true }
            let expected = sites[check.site].title ?? format.expectation
            return fail(check, collect, "must be " + expected)

        case .ref(let target):
            return validate(target, value, collect: collect, sink: sink)

        case .dynamicRef(let initial, let anchor):
            var target = initial
            if let anchor = anchor?.with(\.items[0]) {
                for resource in dynamicScope {
                    if let node = resources[resource][anchor] {
                        target = node
                        break
                    }
                }
            }
            return validate(target, value, collect: collect, sink: sink)

        case .allOf(let list):
            return list.with { list in
                var valid = true
                for schema in list.items where !validate(schema, value, collect: collect, sink: sink) {
                    valid = false
                    if !collect { return false }
                }
                return valid
            }

        case .anyOf(let list):
            let matched = list.with { list in
                var matched = false
                for schema in list.items where validate(schema, value, collect: false, sink: sink) {
                    matched = true
                    if sink == nil { return true }
                }
                return matched
            }
            return matched || fail(check, collect, "does not match any of the allowed forms")

        case .oneOf(let list):
            var matches = 0
            for schema in list.with(\.items) where validate(schema, value, collect: false, sink: sink) {
                matches += 1
                if matches > 1 { return fail(check, collect, "matches more than one of the allowed forms (exactly one is expected)") }
            }
            return matches == 1 || fail(check, collect, "does not match any of the allowed forms")

        case .not(let schema):
            return !validate(schema, value, collect: false)
                || fail(check, collect, "is not allowed here (it matches a form the schema excludes)")

        case .conditional(let condition, let then, let otherwise):
            if then == nil, otherwise == nil, sink == nil { return true }
            let branch = validate(condition, value, collect: false, sink: sink) ? then : otherwise
            guard let branch else { return true }
            return validate(branch, value, collect: collect, sink: sink)

        case .unevaluatedProperties(let schema, let forbidden):
            guard case .object(let members) = view, let sink else { return true }
            var valid = true
            for i in 0..<members.count where !sink.pointee.members[i] {
                let key = members.key(at: i)
                let ok = forbidden
                    ? fail(check, collect, at: .key(key), "is not an allowed field")
                    : validate(schema, members.value(at: i), at: .key(key), collect: collect)
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid { sink.pointee.markMembers() }
            return valid

        case .unevaluatedItems(let schema, let forbidden):
            guard case .array(let items) = view, let sink else { return true }
            var valid = true
            for (i, item) in items.enumerated() where !sink.pointee.items[i] {
                let ok = forbidden
                    ? fail(check, collect, at: .index(i), "is not allowed: the list has more items than the schema describes")
                    : validate(schema, item, at: .index(i), collect: collect)
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid { sink.pointee.markItems(upTo: items.count) }
            return valid
        }
    }

    private mutating func validateMembers(_ members: Value.Members, _ rules: MemberRules,
                                          _ check: SchemaCheck, collect: Bool,
                                          sink: UnsafeMutablePointer<Evaluated>?) -> Bool {
        var valid = true
        var hint = 0
        for i in 0..<members.count {
            let key = members.key(at: i)
            var matched = false
            var ok = true
            if let schema = rules.property(key, hint: &hint) {
                matched = true
                ok = validate(schema, members.value(at: i), at: .key(key), collect: collect)
            }
            for (pattern, schema) in rules.patterns where (ok || collect) && pattern.with({ $0.matches(key) }) {
                matched = true
                if !validate(schema, members.value(at: i), at: .key(key), collect: collect) { ok = false }
            }
            if let sink, matched || rules.additional != nil { sink.pointee.members[i] = true }
            if !matched, let additional = rules.additional {
                if rules.additionalForbidden {
                    if collect {
                        let choices = rules.allowedNames
                        let suggestion = DidYouMean.closest(to: key, among: rules.properties.map(\.name))
                        ok = fail(check, collect, at: .key(key), site: rules.additionalSite,
                                  "is not an allowed field" + Self.didYouMean(suggestion),
                                  detail: Detail(choices: choices, suggestion: suggestion))
                    } else {
                        ok = false
                    }
                } else {
                    ok = validate(additional, members.value(at: i), at: .key(key), collect: collect)
                }
            }
            if !ok {
                valid = false
                if !collect { return false }
            }
        }
        return valid
    }
}
