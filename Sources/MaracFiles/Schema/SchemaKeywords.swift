import MaracJSON

/// Which keywords hold subschemas, and which are accepted without effect.
enum SchemaKeywords {
    /// Keywords whose value is one schema.
    static let singleSchema: Set<String> = [
        "additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems",
    ]
    /// Keywords whose value is an object of schemas.
    static let schemaMap: Set<String> = ["properties", "patternProperties", "$defs", "dependentSchemas"]
    /// Keywords whose value is an array of schemas.
    static let schemaArray: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    /// Annotation and identifier keywords: accepted, no effect on validation.
    static let annotations: Set<String> = [
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs", "title", "description", "default", "examples",
        "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "contentSchema",
    ]
    /// The meta-schema URIs accepted in `$schema`.
    static let metaSchemas: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#",
    ]

    /// The subschemas directly inside a schema object, with their pointer tokens.
    static func children(of members: [(key: String, value: JSONValue)]) -> [(tokens: [String], value: JSONValue)] {
        var out: [(tokens: [String], value: JSONValue)] = []
        for (key, value) in members {
            if singleSchema.contains(key) {
                out.append(([key], value))
            } else if schemaMap.contains(key), case .object(let schemas) = value {
                for (name, schema) in schemas { out.append(([key, name], schema)) }
            } else if schemaArray.contains(key), case .array(let schemas) = value {
                for (i, schema) in schemas.enumerated() { out.append(([key, String(i)], schema)) }
            }
        }
        return out
    }
}
