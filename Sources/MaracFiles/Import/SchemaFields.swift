import Foundation
import MaracDefaults
import MaracJSON
import MaracRepository

/// The fields a column can fill, read from the repository's own record schema (so a field a
/// repository adds, or an enum it tightens, is imported the way `mfile lint` checks it).
struct SchemaFields: Sendable {
    let document: JSONValue

    /// The schema of `kind` in the repository's `schema/` folder, else the built-in one.
    static func load(_ kind: RecordKind, root: URL) throws(ImportError) -> SchemaFields {
        let name = RecordSchemas.fileName(kind)
        let path = "\(RecordSchemas.folder)/\(name)"
        let local = root.appendingPathComponent(path)
        var text = DefaultFiles.all.first { $0.path == path }?.content ?? "{}"
        if FileManager.default.fileExists(atPath: local.path) {
            do { text = String(decoding: try FileSystem.read(local), as: UTF8.self) } catch {
                throw ImportError(error.message, location: path)
            }
        }
        do {
            return SchemaFields(document: try JSONParser.parse(text))
        } catch {
            throw ImportError("the schema is not valid JSON; check it with 'mfile lint'", location: path)
        }
    }

    /// Follows local `$ref`s (`#/$defs/name`).
    func deref(_ node: JSONValue) -> JSONValue {
        var node = node
        for _ in 0..<16 {
            guard case .string(let ref)? = node["$ref"], ref.hasPrefix("#/") else { return node }
            var target: JSONValue? = document
            for part in ref.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
            guard let found = target else { return node }
            node = found
        }
        return node
    }

    /// The object schema reached by following `properties` (and the `items` of lists) along `names`.
    func object(at names: [String]) -> JSONValue? {
        var node = deref(document)
        for name in names {
            guard let property = node["properties"]?[name] else { return nil }
            node = deref(property)
            if let items = node["items"] { node = deref(items) }
        }
        return node
    }

    /// The field at `path` below `start`: its canonical path (list entries numbered) and kind,
    /// or what is wrong with it, in words for the map's author.
    func resolve(_ path: FieldPath, in start: JSONValue, excluded: Set<String> = [], place: String) -> Result<(FieldPath, FieldKind), MapFieldProblem> {
        var node = deref(start)
        var canonical: [FieldPath.Segment] = []
        for (position, segment) in path.segments.enumerated() {
            let isLast = position == path.segments.count - 1
            let here = canonical.isEmpty ? place : "\(place) \(FieldPath(segments: canonical))"
            if position == 0, excluded.contains(segment.name) {
                return .failure(.excluded(segment.name))
            }
            guard let property = node["properties"]?[segment.name] else {
                if segment.name.hasPrefix("local_"), allowsLocal(node) {
                    guard isLast, segment.index == nil else { return .failure(.notALeaf("\(here) field \(segment.name) (a local_ field) holds text only")) }
                    return .success((FieldPath(segments: canonical + [segment]), .text))
                }
                return .failure(.unknown(segment.name, at: here, choices: fieldNames(node)))
            }
            let schema = deref(property)
            if isList(schema), let items = schema["items"], isObject(deref(items)) {
                guard !isLast else { return .failure(.notALeaf("\(here) \(segment.name) is a list of tables; name one of its fields, e.g. \(segment.name).\(fieldNames(deref(items)).first ?? "name")")) }
                canonical.append(FieldPath.Segment(name: segment.name, index: segment.index ?? 1))
                node = deref(items)
                continue
            }
            guard segment.index == nil else { return .failure(.notALeaf("\(segment.name) is not a list of tables; leave out the [n]")) }
            if isObject(schema) {
                guard !isLast else { return .failure(.notALeaf("\(here) \(segment.name) is a table; name one of its fields, e.g. \(segment.name).\(fieldNames(schema).first ?? "name")")) }
                canonical.append(segment)
                node = schema
                continue
            }
            guard isLast else { return .failure(.notALeaf("\(segment.name) holds one value; it has no fields")) }
            guard let kind = kind(of: schema, name: segment.name) else {
                return .failure(.notALeaf("\(segment.name) cannot be filled from a spreadsheet column"))
            }
            canonical.append(segment)
            return .success((FieldPath(segments: canonical), kind))
        }
        return .failure(.notALeaf("the field is empty"))
    }

    /// Every field a column can fill below `start`, with its kind, in schema order (lists of
    /// tables shown by their first entry).
    func leaves(in start: JSONValue, prefix: String = "", excluded: Set<String> = [], depth: Int = 0) -> [(String, FieldKind)] {
        let node = deref(start)
        guard depth < 8, case .object(let properties)? = node["properties"] else { return [] }
        var out: [(String, FieldKind)] = []
        for (name, property) in properties where !excluded.contains(name) {
            let schema = deref(property)
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            if isList(schema), let items = schema["items"], isObject(deref(items)) {
                out += leaves(in: items, prefix: path, depth: depth + 1)
            } else if isObject(schema) {
                out += leaves(in: schema, prefix: path, depth: depth + 1)
            } else if let kind = kind(of: schema, name: name) {
                out.append((path, kind))
            }
        }
        return out
    }

    func kind(of schema: JSONValue, name: String) -> FieldKind? {
        if case .array(let values)? = schema["enum"] {
            let choices = values.compactMap { if case .string(let s) = $0 { s } else { nil } }
            return choices.count == values.count ? .choice(choices) : nil
        }
        switch schema["type"] {
        case .string("boolean")?: return .boolean
        case .string("integer")?: return .integer
        case .string("string")?:
            if schema["format"] == .string("date") { return .date }
            if name == "agency" || name == "presented_by" { return .agency }
            if name == "marac" { return .marac }
            return .text
        case .string("array")?:
            guard let items = schema["items"].map(deref) else { return .list(choices: nil) }
            if case .array(let values)? = items["enum"] {
                return .list(choices: values.compactMap { if case .string(let s) = $0 { s } else { nil } })
            }
            return items["type"] == .string("string") ? .list(choices: nil) : nil
        default:
            return nil
        }
    }

    func isList(_ schema: JSONValue) -> Bool { schema["type"] == .string("array") }

    func isObject(_ schema: JSONValue) -> Bool {
        schema["type"] == .string("object") || (schema["type"] == nil && schema["properties"] != nil)
    }

    func allowsLocal(_ node: JSONValue) -> Bool { node["patternProperties"]?["^local_"] != nil }

    func fieldNames(_ node: JSONValue) -> [String] {
        guard case .object(let properties)? = deref(node)["properties"] else { return [] }
        return properties.map(\.key)
    }
}

/// Why a map's field cannot be used.
enum MapFieldProblem: Error, Sendable {
    case unknown(String, at: String, choices: [String])
    case excluded(String)
    case notALeaf(String)

    var message: String {
        switch self {
        case .unknown(let name, let place, let choices):
            "\(place) has no field \(name); its fields are: \(choices.joined(separator: ", "))"
        case .excluded(let name):
            "\(name) cannot be filled from the sheet (mfile writes it)"
        case .notALeaf(let text):
            text
        }
    }
}
