import MaracJSON
import MaracTOML

/// A JSON Schema (draft 2020-12), compiled once and then used to validate any number of values,
/// from any number of threads.
///
/// Compiling rejects what the validator cannot check: unsupported keywords or formats, a
/// `$ref` to a schema that is not registered, invalid regular expressions, `$ref` loops. Errors
/// name the schema location, so a typo in a schema is never silently ignored.
///
/// ```swift
/// var registry = SchemaRegistry()
/// try registry.register(personSchema, uri: "file:///repo/schema/person.schema.json")
/// let schema = try JSONSchema(compiling: caseSchema, uri: "file:///repo/schema/case.schema.json", registry: registry)
/// for violation in schema.validate(record) { print(violation) }
/// ```
public struct JSONSchema: Sendable {
    let program: SchemaProgram

    /// Compiles `schema`, read from `uri` (its `$id`, if any, also identifies it); `$ref`s may
    /// point into `schema` itself or into any schema in `registry`. `registry` may already hold
    /// `schema` under `uri`, but not another document.
    public init(compiling schema: JSONValue, uri: String = SchemaRegistry.anonymousURI,
                registry: SchemaRegistry = SchemaRegistry(), options: SchemaOptions = SchemaOptions()) throws {
        var registry = registry
        if registry.document(uri: uri) != schema { try registry.register(schema, uri: uri) }
        program = try SchemaCompiler.compile(uri: uri, registry: registry, options: options)
    }

    /// Compiles the schema registered in `registry` under `uri` (a document URI or an `$id`).
    public init(uri: String, registry: SchemaRegistry, options: SchemaOptions = SchemaOptions()) throws {
        program = try SchemaCompiler.compile(uri: uri, registry: registry, options: options)
    }

    /// Every way `instance` breaks the schema; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] { violations(of: instance) }

    /// Whether `instance` is valid; faster than `validate` as it stops at the first violation.
    public func isValid(_ instance: JSONValue) -> Bool { accepts(instance) }

    /// Every way a decoded TOML document breaks the schema, read in place as the JSON data
    /// model (`TOMLInstance.swift`); the same violations as `validate(table.jsonInstance)`.
    public func validate(_ table: TOMLTable) -> [SchemaViolation] { violations(of: TOMLValue.table(table)) }

    /// Whether a decoded TOML document is valid, read in place.
    public func isValid(_ table: TOMLTable) -> Bool { accepts(TOMLValue.table(table)) }

    private func violations<Value: SchemaInstance>(of instance: Value) -> [SchemaViolation] {
        program.nodes.withUnsafeBufferPointer { nodes in
            program.sites.withUnsafeBufferPointer { sites in
              program.resources.withUnsafeBufferPointer { resources in
                var evaluator = SchemaEvaluator<Value>(nodes: nodes, sites: sites, resources: resources,
                                                       tracksDynamicScope: program.tracksDynamicScope)
                _ = evaluator.validate(program.root, instance, collect: true)
                return evaluator.violations
              }
            }
        }
    }

    private func accepts<Value: SchemaInstance>(_ instance: Value) -> Bool {
        program.nodes.withUnsafeBufferPointer { nodes in
            program.sites.withUnsafeBufferPointer { sites in
              program.resources.withUnsafeBufferPointer { resources in
                var evaluator = SchemaEvaluator<Value>(nodes: nodes, sites: sites, resources: resources,
                                                       tracksDynamicScope: program.tracksDynamicScope)
                return evaluator.validate(program.root, instance, collect: false)
              }
            }
        }
    }
}
