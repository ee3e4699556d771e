import Foundation
import MaracBase
import MaracDefaults
import MaracJSON
import MaracSchema
import MaracTOML

/// The compiled schema of each record kind, read from the repository's `schema/` folder (the
/// built-in defaults where a file is missing), and the check of one decoded record against it.
public struct RecordSchemas: Sendable {
    private var schemas: [RecordKind: JSONSchema]

    public static let folder = "schema"

    public static func fileName(_ kind: RecordKind) -> String { "\(kind.rawValue).schema.json" }

    /// Compiles the schemas once. Every `*.json` file in `schema/` is registered, so a
    /// repository's own schemas can `$ref` each other (local fields, local agency lists).
    public static func load(repository root: URL) throws(RepositoryError) -> RecordSchemas {
        var sources: [String: String] = [:]
        for file in DefaultFiles.all where file.path.hasPrefix(folder + "/") {
            sources[String(file.path.dropFirst(folder.count + 1))] = file.content
        }
        let schemaFolder = root.appendingPathComponent(folder)
        let local = (try? FileManager.default.contentsOfDirectory(atPath: schemaFolder.path)) ?? []
        for name in local.sorted() where name.hasSuffix(".json") {
            let bytes = try FileSystem.read(schemaFolder.appendingPathComponent(name))
            try RecordAccess.requireUnlocked(bytes)
            sources[name] = String(decoding: bytes, as: UTF8.self)
        }

        var registry = SchemaRegistry()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let path = "\(folder)/\(name)"
            do {
                try registry.register(try JSONParser.parse(text), uri: uri(name))
            } catch let error as JSONParseError {
                throw RepositoryError("\(path):\(error.position): error: not valid JSON: \(error.message)")
            } catch {
                throw RepositoryError("\(path): error: \(error)")
            }
        }
        var schemas: [RecordKind: JSONSchema] = [:]
        for kind in RecordKind.allCases {
            let name = fileName(kind)
            do {
                schemas[kind] = try JSONSchema(uri: uri(name), registry: registry)
            } catch {
                let reason = "\(error)".replacingOccurrences(of: uri(""), with: "\(folder)/")
                throw RepositoryError("\(folder)/\(name): error: this schema cannot be used: \(reason)")
            }
        }
        return RecordSchemas(schemas: schemas)
    }

    /// Schemas are identified by their file name under a fixed base, so `$id`s and relative
    /// `$ref`s such as `case.schema.json#/$defs/date` resolve the same on every machine.
    static func uri(_ name: String) -> String { "file:///mfile/schema/\(name)" }

    /// marac.toml's keys the protocol engine reads and checks itself (`ProtocolEngine.load`,
    /// reported by lint as `protocol-settings`): the schema describes them for editors, but is
    /// not a second judge of them, so a repository's older schema cannot disagree with the engine.
    public static let protocolKeys: Set<String> = ["profile", "rules", "calendar"]

    /// Every violation of `table` against the schema of `kind`, at the field's position.
    public func validate(_ kind: RecordKind, _ table: TOMLTable, file: String) -> [Diagnostic] {
        guard let schema = schemas[kind] else { return [] }
        if schema.isValid(table) { return [] }
        return schema.validate(table).filter { violation in
            guard kind == .configuration, case .key(let key)? = violation.path.first else { return true }
            return !Self.protocolKeys.contains(key)
        }.map { violation in
            Diagnostic(
                file: file, position: Self.position(of: violation.path, in: table),
                message: Self.message(for: violation, in: table), rule: .schema)
        }
    }

    /// A path as administrators count: `referral[1].agency` is the first referral's agency.
    /// A key that is not a plain field name (someone may have typed a person's name as a key)
    /// is not printed.
    static func fieldPath(_ path: [PathComponent]) -> String {
        if path.isEmpty { return "the file" }
        var out = ""
        for component in path {
            switch component {
            case .key(let key):
                out += (out.isEmpty ? "" : ".") + (isFieldName(key) ? key : "(a field whose name is not a plain field name)")
            case .index(let index): out += "[\(index + 1)]"
            }
        }
        return out
    }

    static func isFieldName(_ key: String) -> Bool { ShownID.isFieldName(key) }

    /// Where the deepest existing part of `path` is written: the key of a field, the value of
    /// an array item, the table holding a missing field.
    static func position(of path: [PathComponent], in table: TOMLTable) -> SourcePosition? {
        var position: SourcePosition? = SourcePosition(line: 1, column: 1, offset: 0)
        var current = TOMLValue.table(table)
        for component in path {
            switch (component, current) {
            case (.key(let key), .table(let inner)):
                guard let member = inner[member: key] else { return position }
                position = member.keyRange.start
                current = member.node.value
            case (.index(let index), .array(let items)) where items.indices.contains(index):
                position = items[index].range.start
                current = items[index].value
            default:
                return position
            }
        }
        return position
    }
}
