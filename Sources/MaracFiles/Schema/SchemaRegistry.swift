import MaracJSON

/// A place in a registered schema document: the document's URI and a JSON pointer into it.
struct SchemaLocation: Hashable, Sendable {
    var document: String
    var pointer: String

    /// `uri#pointer`, the form shown in errors and violations.
    var text: String { document + "#" + pointer }
}

/// The schema documents a schema may refer to with `$ref`, by URI.
///
/// Register each document under the URI it is read from (e.g. `file:///repo/schema/case.schema.json`);
/// its `$id`s and `$anchor`s are registered too, so `$ref: "case.schema.json#/$defs/person"`
/// resolves whether the documents use `$id`s or are found by file location.
public struct SchemaRegistry: Sendable {
    /// The URI given to a schema compiled without one.
    public static let anonymousURI = "urn:mfile:anonymous-schema"

    var documents: [String: JSONValue] = [:]
    var resources: [String: SchemaLocation] = [:]
    var anchors: [String: SchemaLocation] = [:]
    /// The `$dynamicAnchor`s of each schema resource, by resource URI and name.
    var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
    var baseURIs: [SchemaLocation: String] = [:]

    public init() {}

    /// Adds a schema document under `uri` (absolute, or relative to `file:///`). When it throws
    /// (an `$id` used twice, say), the registry is left unchanged.
    public mutating func register(_ schema: JSONValue, uri: String) throws {
        let document = SchemaURI.split(SchemaURI.resolve(uri, against: "file:///")).resource
        let root = SchemaLocation(document: document, pointer: "")
        if documents[document] != nil {
            throw SchemaError("a schema is already registered under this URI", at: root.text)
        }
        var updated = self
        updated.documents[document] = schema
        updated.resources[document] = root
        try updated.index(schema, at: root, base: document)
        self = updated
    }

    /// The document registered under `uri` (not an `$id`).
    func document(uri: String) -> JSONValue? {
        documents[SchemaURI.split(SchemaURI.resolve(uri, against: "file:///")).resource]
    }

    /// Whether a document or `$id` is registered under `uri`.
    public func contains(uri: String) -> Bool {
        resources[SchemaURI.split(SchemaURI.resolve(uri, against: "file:///")).resource] != nil
    }

    private mutating func index(_ schema: JSONValue, at location: SchemaLocation, base: String) throws {
        guard case .object(let members) = schema else { return }
        var base = base
        if case .string(let id)? = schema["$id"] {
            let resolved = SchemaURI.split(SchemaURI.resolve(id, against: base))
            if let fragment = resolved.fragment, !fragment.isEmpty {
                throw SchemaError("$id must not contain a fragment (use $anchor)", at: location.text, keyword: "$id")
            }
            base = resolved.resource
            if let existing = resources[base], existing != location {
                throw SchemaError("$id is already used by another schema", at: location.text, keyword: "$id")
            }
            resources[base] = location
        }
        if case .string(let anchor)? = schema["$anchor"] {
            anchors[base + "#" + anchor] = location
        }
        if case .string(let anchor)? = schema["$dynamicAnchor"] {
            anchors[base + "#" + anchor] = location
            dynamicAnchors[base, default: [:]][anchor] = location
        }
        baseURIs[location] = base
        for child in SchemaKeywords.children(of: members) {
            var pointer = location.pointer
            for token in child.tokens { pointer = JSONPointer.appending(pointer, token) }
            try index(child.value, at: SchemaLocation(document: location.document, pointer: pointer), base: base)
        }
    }

    /// The location a `$ref` (already resolved to an absolute URI) points to.
    func locate(_ uri: String) -> SchemaLocation? {
        let (resource, fragment) = SchemaURI.split(uri)
        guard let fragment, !fragment.isEmpty else { return resources[resource] }
        if fragment.hasPrefix("/") {
            guard let root = resources[resource] else { return nil }
            return SchemaLocation(document: root.document, pointer: root.pointer + SchemaURI.percentDecode(fragment))
        }
        return anchors[resource + "#" + fragment]
    }

    func value(at location: SchemaLocation) -> JSONValue? {
        guard let document = documents[location.document] else { return nil }
        return JSONPointer.resolve(location.pointer, in: document)
    }

    /// The base URI in force at a location: that of the nearest enclosing `$id`.
    func baseURI(at location: SchemaLocation) -> String {
        var pointer = location.pointer
        while true {
            if let base = baseURIs[SchemaLocation(document: location.document, pointer: pointer)] { return base }
            guard let slash = pointer.lastIndex(of: "/") else { return location.document }
            pointer = String(pointer[..<slash])
        }
    }
}
