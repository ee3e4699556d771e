import MaracJSON

/// Turns registered schema documents into a `SchemaProgram`: checks each keyword's value,
/// rejects keywords it does not support, resolves every `$ref` and compiles each `pattern` once.
struct SchemaCompiler {
    static let supported: Set<String> = [
        "type", "enum", "const", "required", "properties", "additionalProperties", "patternProperties",
        "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "format", "$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "dependentRequired", "dependentSchemas", "minProperties", "maxProperties", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems",
    ]

    let registry: SchemaRegistry
    let options: SchemaOptions
    var nodes: [SchemaNode] = []
    var sites: [CheckSite] = []
    var resources: [[String: Int]] = []
    var resourceIndices: [String: Int] = [:]
    var usesDynamicRef = false
    var indices: [SchemaLocation: Int] = [:]
    /// The rules the checks refer to, handed to the program that keeps them.
    var rules: [AnyObject] = []

    /// Compiles the schema registered under (or identified by) `uri`.
    static func compile(uri: String, registry: SchemaRegistry, options: SchemaOptions) throws -> SchemaProgram {
        let absolute = SchemaURI.resolve(uri, against: "file:///")
        guard let location = registry.locate(absolute) else {
            throw SchemaError("no schema is registered under this URI", at: absolute)
        }
        var compiler = SchemaCompiler(registry: registry, options: options)
        let root = try compiler.compile(at: location)
        try compiler.rejectReferenceLoops()
        return SchemaProgram(nodes: compiler.nodes, sites: compiler.sites, resources: compiler.resources,
                             tracksDynamicScope: compiler.usesDynamicRef, root: root, rules: compiler.rules)
    }

    mutating func compile(at location: SchemaLocation) throws -> Int {
        if let index = indices[location] { return index }
        guard let schema = registry.value(at: location) else {
            throw SchemaError("$ref points to nothing", at: location.text, keyword: "$ref")
        }
        return try compile(schema, at: location, base: registry.baseURI(at: location))
    }

    mutating func compile(_ schema: JSONValue, at location: SchemaLocation, base: String) throws -> Int {
        if let index = indices[location] { return index }
        let index = nodes.count
        indices[location] = index
        nodes.append(SchemaNode(location: location.text, checks: []))
        switch schema {
        case .bool(true):
            nodes[index].resource = try resource(base)
        case .bool(false):
            nodes[index].resource = try resource(base)
            nodes[index].checks = [SchemaCheck(kind: .never, site: site("false", location.text))]
        case .object(let members):
            var object = SchemaObject(members: members, location: location, base: base)
            if let known = registry.baseURIs[location] {
                object.base = known
            } else if case .string(let id)? = schema["$id"] {
                object.base = SchemaURI.split(SchemaURI.resolve(id, against: base)).resource
            }
            nodes[index].resource = try resource(object.base)
            let checks = try compileKeywords(object)
            nodes[index].checks = checks
            nodes[index].usesUnevaluated = checks.contains {
                switch $0.kind {
                case .unevaluatedProperties, .unevaluatedItems: true
                default: false
                }
            }
        default:
            throw SchemaError("a schema must be an object, true or false", at: location.text)
        }
        return index
    }

    // MARK: keywords

    private mutating func compileKeywords(_ schema: SchemaObject) throws -> [SchemaCheck] {
        for (key, value) in schema.members where !Self.supported.contains(key) {
            if key == "$schema" {
                guard case .string(let uri) = value, SchemaKeywords.metaSchemas.contains(uri) else {
                    throw schema.error("unsupported $schema: only draft 2020-12 is supported", key)
                }
            } else if !SchemaKeywords.annotations.contains(key) {
                throw schema.error("unsupported keyword \"\(key)\": mfile cannot check it, so it must not be used", key)
            }
        }
        var checks: [SchemaCheck] = []
        func add(_ keyword: String, _ kind: SchemaCheck.Kind) {
            checks.append(SchemaCheck(kind: kind, site: site(keyword, schema.location(of: keyword), words: schema)))
        }

        if let value = schema["type"] { add("type", .type(try types(value, schema))) }
        if let value = schema["const"] { add("const", .const(keep(ConstRule(value, shown: SchemaText.show(value))))) }
        if let value = schema["enum"] {
            guard case .array(let values) = value else { throw schema.error("enum must be an array", "enum") }
            var strings: [String: [String]] = [:]
            var others: [JSONValue] = []
            for item in values {
                if case .string(let s) = item { strings[s, default: []].append(s) } else { others.append(item) }
            }
            let names = values.compactMap { value -> String? in if case .string(let s) = value { s } else { nil } }
            add("enum", .enumeration(keep(EnumRule(strings: strings, others: others, allowed: SchemaText.list(values), names: names))))
        }
        if let value = schema["format"] {
            guard case .string(let name) = value else { throw schema.error("format must be a string", "format") }
            if options.formatAssertion {
                guard let format = SchemaFormat(rawValue: name) else {
                    let known = SchemaFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    throw schema.error("unsupported format \"\(name)\" (supported: \(known))", "format")
                }
                add("format", .format(format))
            }
        }
        if let n = try schema.count("minLength") { add("minLength", .minLength(n)) }
        if let n = try schema.count("maxLength") { add("maxLength", .maxLength(n)) }
        if let value = schema["pattern"] {
            guard case .string(let source) = value else { throw schema.error("pattern must be a string", "pattern") }
            do throws(LinearRegex.Failure) {
                add("pattern", .pattern(keep(try SchemaPattern(source))))
            } catch {
                throw schema.error("pattern \(error.message)", "pattern")
            }
        }
        if let n = try schema.number("minimum") { add("minimum", .minimum(n)) }
        if let n = try schema.number("maximum") { add("maximum", .maximum(n)) }
        if let n = try schema.number("exclusiveMinimum") { add("exclusiveMinimum", .exclusiveMinimum(n)) }
        if let n = try schema.number("exclusiveMaximum") { add("exclusiveMaximum", .exclusiveMaximum(n)) }
        if let n = try schema.number("multipleOf") {
            guard n.doubleValue > 0 else { throw schema.error("multipleOf must be greater than 0", "multipleOf") }
            add("multipleOf", .multipleOf(n))
        }
        if let names = try schema.strings("required") { add("required", .required(keep(SchemaList(names)))) }
        if let n = try schema.count("minProperties") { add("minProperties", .minProperties(n)) }
        if let n = try schema.count("maxProperties") { add("maxProperties", .maxProperties(n)) }
        if let rules = try memberRules(schema) { add(rules.keyword, .members(keep(rules.rules))) }
        if let value = schema["dependentRequired"] {
            guard case .object(let members) = value else {
                throw schema.error("dependentRequired must be an object", "dependentRequired")
            }
            var list: [(key: String, required: [String])] = []
            for (key, names) in members {
                guard case .array(let items) = names else {
                    throw schema.error("dependentRequired values must be arrays of strings", "dependentRequired")
                }
                list.append((key, try items.map { item in
                    guard case .string(let name) = item else {
                        throw schema.error("dependentRequired values must be arrays of strings", "dependentRequired")
                    }
                    return name
                }))
            }
            add("dependentRequired", .dependentRequired(keep(SchemaList(list))))
        }
        if let list = try schemaMap("dependentSchemas", schema) {
            add("dependentSchemas", .dependentSchemas(keep(SchemaList(list.map { ($0.name, $0.schema) }))))
        }
        if let index = try subschema("propertyNames", schema) { add("propertyNames", .propertyNames(index)) }
        if let n = try schema.count("minItems") { add("minItems", .minItems(n)) }
        if let n = try schema.count("maxItems") { add("maxItems", .maxItems(n)) }
        if case .bool(let unique)? = schema["uniqueItems"] {
            if unique { add("uniqueItems", .uniqueItems) }
        } else if schema["uniqueItems"] != nil {
            throw schema.error("uniqueItems must be true or false", "uniqueItems")
        }
        let prefix = try schemaArray("prefixItems", schema, allowEmpty: false)
        let rest = try subschema("items", schema)
        if prefix != nil || rest != nil {
            let keyword = rest != nil ? "items" : "prefixItems"
            add(keyword, .items(prefix: keep(SchemaList(prefix ?? [])), rest: rest, restForbidden: schema["items"] == .bool(false),
                               restSite: site("items", schema.location(of: "items"))))
        }
        if let contained = try subschema("contains", schema) {
            let min = try schema.count("minContains") ?? 1
            let max = try schema.count("maxContains")
            add("contains", .contains(schema: contained, min: min, max: max,
                                      minSite: site("minContains", schema.location(of: schema["minContains"] == nil ? "contains" : "minContains")),
                                      maxSite: site("maxContains", schema.location(of: "maxContains"))))
        } else {
            _ = try schema.count("minContains")
            _ = try schema.count("maxContains")
        }
        if let value = schema["$ref"] {
            guard case .string(let reference) = value else { throw schema.error("$ref must be a string", "$ref") }
            let target = SchemaURI.resolve(reference, against: schema.base)
            guard let location = registry.locate(target), registry.value(at: location) != nil else {
                throw schema.error("$ref \(target) cannot be resolved: no such schema is registered", "$ref")
            }
            add("$ref", .ref(try compile(at: location)))
        }
        if let value = schema["$dynamicRef"] {
            guard case .string(let reference) = value else { throw schema.error("$dynamicRef must be a string", "$dynamicRef") }
            let target = SchemaURI.resolve(reference, against: schema.base)
            guard let location = registry.locate(target), registry.value(at: location) != nil else {
                throw schema.error("$dynamicRef \(target) cannot be resolved: no such schema is registered", "$dynamicRef")
            }
            var anchor: String?
            if let fragment = SchemaURI.split(target).fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
               case .string(fragment)? = registry.value(at: location)?["$dynamicAnchor"] {
                anchor = fragment
                usesDynamicRef = true
            }
            add("$dynamicRef", .dynamicRef(initial: try compile(at: location), anchor: anchor.map { keep(SchemaList([$0])) }))
        }
        if let list = try schemaArray("allOf", schema) { add("allOf", .allOf(keep(SchemaList(list)))) }
        if let list = try schemaArray("anyOf", schema) { add("anyOf", .anyOf(keep(SchemaList(list)))) }
        if let list = try schemaArray("oneOf", schema) { add("oneOf", .oneOf(keep(SchemaList(list)))) }
        if let index = try subschema("not", schema) { add("not", .not(index)) }
        let then = try subschema("then", schema)
        let otherwise = try subschema("else", schema)
        if let condition = try subschema("if", schema) {
            add("if", .conditional(if: condition, then: then, else: otherwise))
        }
        if let index = try subschema("unevaluatedProperties", schema) {
            add("unevaluatedProperties", .unevaluatedProperties(schema: index, forbidden: schema["unevaluatedProperties"] == .bool(false)))
        }
        if let index = try subschema("unevaluatedItems", schema) {
            add("unevaluatedItems", .unevaluatedItems(schema: index, forbidden: schema["unevaluatedItems"] == .bool(false)))
        }
        _ = try schemaMap("$defs", schema)
        return checks
    }

    private mutating func memberRules(_ schema: SchemaObject) throws -> (keyword: String, rules: MemberRules)? {
        let properties = try schemaMap("properties", schema)
        let patterns = try schemaMap("patternProperties", schema)
        let additional = try subschema("additionalProperties", schema)
        guard properties != nil || patterns != nil || additional != nil else { return nil }
        let compiledPatterns = try (patterns ?? []).map { source, index in
            do throws(LinearRegex.Failure) {
                return (keep(try SchemaPattern(source)), index)
            } catch {
                throw schema.error("a patternProperties name \(error.message)", "patternProperties")
            }
        }
        let rules = MemberRules(properties: properties ?? [], patterns: compiledPatterns, additional: additional,
                                additionalForbidden: schema["additionalProperties"] == .bool(false),
                                additionalSite: site("additionalProperties", schema.location(of: "additionalProperties")))
        let keyword = properties != nil ? "properties" : patterns != nil ? "patternProperties" : "additionalProperties"
        return (keyword, rules)
    }

    /// `rule`, kept alive by the program for the checks that refer to it.
    private mutating func keep<Rule: AnyObject>(_ rule: Rule) -> Kept<Rule> { Kept(rule, keptBy: &rules) }

    /// The index of a schema resource, its `$dynamicAnchor`s compiled.
    private mutating func resource(_ uri: String) throws -> Int {
        if let index = resourceIndices[uri] { return index }
        let index = resources.count
        resources.append([:])
        resourceIndices[uri] = index
        for (name, location) in registry.dynamicAnchors[uri] ?? [:] {
            resources[index][name] = try compile(at: location)
        }
        return index
    }

    /// A new check site; `words` is the schema object whose `title` and `description` say
    /// what the keyword expects.
    private mutating func site(_ keyword: String, _ location: String, words schema: SchemaObject? = nil) -> Int {
        func text(_ keyword: String) -> String? {
            if case .string(let text)? = schema?[keyword], !text.isEmpty { text } else { nil }
        }
        sites.append(CheckSite(keyword: keyword, location: location, title: text("title"), description: text("description")))
        return sites.count - 1
    }

    // MARK: subschemas

    private mutating func subschema(_ keyword: String, _ schema: SchemaObject) throws -> Int? {
        guard let value = schema[keyword] else { return nil }
        return try compile(value, at: schema.child(keyword), base: schema.base)
    }

    private mutating func schemaArray(_ keyword: String, _ schema: SchemaObject, allowEmpty: Bool = false) throws -> [Int]? {
        guard let value = schema[keyword] else { return nil }
        guard case .array(let items) = value, allowEmpty || !items.isEmpty else {
            throw schema.error("\(keyword) must be a non-empty array of schemas", keyword)
        }
        return try items.enumerated().map { i, item in
            try compile(item, at: schema.child(keyword, String(i)), base: schema.base)
        }
    }

    private mutating func schemaMap(_ keyword: String, _ schema: SchemaObject) throws -> [(name: String, schema: Int)]? {
        guard let value = schema[keyword] else { return nil }
        guard case .object(let members) = value else {
            throw schema.error("\(keyword) must be an object of schemas", keyword)
        }
        return try members.map { name, item in
            (name, try compile(item, at: schema.child(keyword, name), base: schema.base))
        }
    }

    private func types(_ value: JSONValue, _ schema: SchemaObject) throws -> JSONTypes {
        func named(_ item: JSONValue) throws -> JSONTypes {
            guard case .string(let name) = item, let type = JSONTypes.names.first(where: { $0.0 == name })?.1 else {
                throw schema.error("type must name JSON types (null, boolean, integer, number, string, array, object)", "type")
            }
            return type
        }
        if case .array(let items) = value {
            return try items.reduce(into: JSONTypes()) { $0.formUnion(try named($1)) }
        }
        return try named(value)
    }

    // MARK: loops

    /// A schema that reaches itself through `$ref` or combinators without moving into the value
    /// would never finish validating; such a schema is rejected when compiled.
    private func rejectReferenceLoops() throws {
        var state = [UInt8](repeating: 0, count: nodes.count)
        func inPlace(_ node: Int) -> [Int] {
            nodes[node].checks.flatMap { check -> [Int] in
                switch check.kind {
                case .ref(let target), .not(let target), .dynamicRef(let target, _): [target]
                case .allOf(let list), .anyOf(let list), .oneOf(let list): list.with(\.items)
                case .conditional(let condition, let then, let otherwise): [condition] + [then, otherwise].compactMap { $0 }
                case .dependentSchemas(let list): list.with { $0.items.map(\.schema) }
                default: []
                }
            }
        }
        func visit(_ node: Int) throws {
            if state[node] == 2 { return }
            if state[node] == 1 {
                throw SchemaError("this schema refers back to itself without moving into the value ($ref loop)",
                                  at: nodes[node].location, keyword: "$ref")
            }
            state[node] = 1
            for next in inPlace(node) { try visit(next) }
            state[node] = 2
        }
        for node in nodes.indices { try visit(node) }
    }
}
