import Foundation
import XCTest
@testable import MaracBase
@testable import MaracTOML

/// The editor's promises checked on every valid toml-test 1.0.0 file: no-op edits keep every
/// byte; an edit changes only its own value's (or line's, or entry's) bytes; the result decodes
/// to the original document changed at exactly that place (checked with the toml-test tagged
/// JSON comparison, independently of the editor's own check).
final class TOMLEditorPropertyTests: XCTestCase {
    struct Counts: CustomStringConvertible {
        var files = 0, noOps = 0, sets = 0, newKeys = 0, refusedNewKeys = 0, removes = 0, refusedRemoves = 0, appends = 0, entryRemoves = 0, refusedEntryRemoves = 0
        var description: String {
            "\(files) files: \(noOps) no-op sets, \(sets) sets, \(newKeys) new keys and tables (\(refusedNewKeys) refused), \(removes) removes (\(refusedRemoves) refused), "
                + "\(appends) appends, \(entryRemoves) entry removes (\(refusedEntryRemoves) refused)"
        }
    }

    func testEditsOnEveryValidTOMLTestFile() throws {
        let suite = try TOMLTestSuite.listing()
        var counts = Counts()
        var failures: [String] = []
        for file in suite.valid {
            let bytes = try [UInt8](Data(contentsOf: suite.root.appendingPathComponent(file)))
            let editor = try TOMLEditor(bytes: bytes)
            counts.files += 1
            do {
                try check(editor, &counts)
            } catch {
                failures.append("\(file): \(error)")
            }
        }
        print("TOML editor properties: \(counts)")
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
        XCTAssertGreaterThan(counts.sets, 500)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    func check(_ editor: TOMLEditor, _ counts: inout Counts) throws {
        let original = TaggedJSONComparison.tree(editor.table)
        let scalars = Self.scalars(in: .table(editor.table))

        // A no-op edit returns identical bytes.
        for (path, node) in scalars {
            guard try editor.setValue(node.value, at: path) == editor.bytes else {
                throw Failure("setting \(path.pathDescription) to its own value changed the bytes")
            }
            counts.noOps += 1
        }

        // Every top-level scalar, and a sample of nested ones.
        let nested = scalars.filter { $0.0.count > 1 }
        let stride = max(1, nested.count / 4)
        let sample = scalars.filter { $0.0.count == 1 } + nested.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
        for (path, node) in sample {
            let replacement: TOMLValue = node.string == nil ? .string("new \"text\"\nwith two lines") : .integer(-42)
            let edited = try editor.setValue(replacement, at: path)
            let range = node.range.bytes
            guard edited.starts(with: editor.bytes[..<range.lowerBound]),
                  edited.reversed().starts(with: editor.bytes[range.upperBound...].reversed()) else {
                throw Failure("setting \(path.pathDescription) changed bytes outside its value")
            }
            let expected = Self.changed(original, path[...]) { _ in TaggedJSONComparison.tree(replacement) }
            try expectDecodes(edited, as: expected, "setting \(path.pathDescription)")
            counts.sets += 1

            do {
                let removed = try editor.removeKey(at: path)
                guard path.last?.key != nil else { throw Failure("removed an array element as a key") }
                let expected = Self.changed(original, path[...]) { _ in nil }
                try expectDecodes(removed, as: expected, "removing \(path.pathDescription)")
                guard Self.isInsertion(of: removed, into: editor.bytes) else {
                    throw Failure("removing \(path.pathDescription) changed bytes outside its line")
                }
                counts.removes += 1
            } catch let error as TOMLEditError where error.reason != .invalidResult {
                // Only keys inside inline tables and arrays, and array elements, may be refused.
                guard path.count > 1 else { throw Failure("removing the top-level key \(path.pathDescription) was refused: \(error)") }
                counts.refusedRemoves += 1
            }
        }

        // A new key, and a new table holding a key, in every table: inserted text only.
        for path in Self.tables(in: editor.table) {
            for (newPath, value) in [(path + [.key("mfile new")], TOMLValue.string("x")),
                                     (path + [.key("flag"), .key("lifted")], .localDate(LocalDate(year: 2026, month: 11, day: 23)))] {
                guard Self.lookup(original, newPath[...]) == nil else { continue }
                do {
                    let edited = try editor.setValue(value, at: newPath)
                    guard Self.isInsertion(of: editor.bytes, into: edited) else {
                        throw Failure("adding \(newPath.pathDescription) changed bytes around the new text")
                    }
                    try expectDecodes(edited, as: Self.changed(original, newPath[...]) { _ in TaggedJSONComparison.tree(value) },
                                      "adding \(newPath.pathDescription)")
                    counts.newKeys += 1
                } catch let error as TOMLEditError where error.reason == .notALine {
                    counts.refusedNewKeys += 1
                }
            }
        }

        // Appending a new top-level array of tables keeps the original as a prefix.
        let entry = TOMLTable(["agency": .string("police"), "note": .string("one\ntwo"), "sub": .table(TOMLTable(["n": .integer(1)]))])
        let entryTree = TaggedJSONComparison.tree(.table(entry))
        if (original["mfile_appended"] == nil) {
            let appended = try editor.appendArrayTable(entry, at: ["mfile_appended"])
            guard appended.starts(with: editor.bytes) else { throw Failure("appending a new array changed the original bytes") }
            var expected = original
            expected["mfile_appended"] = [entryTree]
            try expectDecodes(appended, as: expected, "appending a new array")
            counts.appends += 1
        }

        // Appending to and removing from each existing top-level array of tables.
        for member in editor.table.members {
            guard let items = member.node.array, !items.isEmpty, items.allSatisfy({ $0.table != nil }),
                  editor.bytes[items[0].range.start.offset] == UInt8(ascii: "[") else { continue }
            let appended = try editor.appendArrayTable(entry, at: [member.key])
            guard Self.isInsertion(of: editor.bytes, into: appended) else {
                throw Failure("appending to \(member.key) changed bytes around the new entry")
            }
            try expectDecodes(appended, as: Self.changed(original, [.key(member.key)]) { ($0 as! [Any]) + [entryTree] }, "appending to \(member.key)")
            counts.appends += 1
            for index in Set([0, items.count - 1]) {
                do {
                    let removed = try editor.removeArrayTableEntry(at: [member.key], index: index)
                    guard Self.isInsertion(of: removed, into: editor.bytes) else {
                        throw Failure("removing \(member.key)[\(index)] changed bytes outside the entry")
                    }
                    let expected = Self.changed(original, [.key(member.key)]) { value in
                        var entries = value as! [Any]
                        entries.remove(at: index)
                        return entries.isEmpty ? nil : entries
                    }
                    try expectDecodes(removed, as: expected, "removing \(member.key)[\(index)]")
                    counts.entryRemoves += 1
                } catch let error as TOMLEditError where error.reason == .notALine {
                    counts.refusedEntryRemoves += 1
                }
            }
        }
    }

    func expectDecodes(_ bytes: [UInt8], as expected: [String: Any], _ what: String) throws {
        let table: TOMLTable
        do {
            table = try TOMLDecoder.decode(bytes: bytes)
        } catch {
            throw Failure("\(what): the result does not decode: \(error)")
        }
        if let difference = TaggedJSONComparison.difference(expected: expected, actual: TaggedJSONComparison.tree(table)) {
            throw Failure("\(what): \(difference)")
        }
    }

    /// Whether `long` is `short` with one run of bytes inserted.
    static func isInsertion(of short: [UInt8], into long: [UInt8]) -> Bool {
        guard long.count >= short.count else { return false }
        var prefix = 0
        while prefix < short.count, short[prefix] == long[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < short.count - prefix, short[short.count - 1 - suffix] == long[long.count - 1 - suffix] { suffix += 1 }
        return prefix + suffix == short.count
    }

    /// Every scalar in a document (through tables, arrays of tables and inline arrays) with its path.
    static func scalars(in value: TOMLValue, _ path: [TOMLPathComponent] = []) -> [([TOMLPathComponent], TOMLNode)] {
        var out: [([TOMLPathComponent], TOMLNode)] = []
        func visit(_ node: TOMLNode, _ path: [TOMLPathComponent]) {
            switch node.value {
            case .table(let table): for member in table.members { visit(member.node, path + [.key(member.key)]) }
            case .array(let items): for (i, item) in items.enumerated() { visit(item, path + [.index(i)]) }
            default: out.append((path, node))
            }
        }
        if case .table(let table) = value { for member in table.members { visit(member.node, [.key(member.key)]) } }
        return out
    }

    /// The paths of every table in a document (the root first), through arrays by index.
    static func tables(in table: TOMLTable) -> [[TOMLPathComponent]] {
        var out: [[TOMLPathComponent]] = [[]]
        func visit(_ node: TOMLNode, _ path: [TOMLPathComponent]) {
            switch node.value {
            case .table(let table):
                out.append(path)
                for member in table.members { visit(member.node, path + [.key(member.key)]) }
            case .array(let items):
                for (i, item) in items.enumerated() { visit(item, path + [.index(i)]) }
            default:
                break
            }
        }
        for member in table.members { visit(member.node, [.key(member.key)]) }
        return out
    }

    /// The tagged JSON at `path`, if any (nil also when the path leads through a scalar).
    static func lookup(_ tree: Any, _ path: ArraySlice<TOMLPathComponent>) -> Any? {
        guard let first = path.first else { return tree }
        switch first {
        case .key(let key):
            guard let object = tree as? [String: Any], object["type"] == nil || object.count != 2, let next = object[key] else { return nil }
            return lookup(next, path.dropFirst())
        case .index(let index):
            guard let array = tree as? [Any], array.indices.contains(index) else { return nil }
            return lookup(array[index], path.dropFirst())
        }
    }

    /// A tagged JSON tree with the value at `path` replaced by `change(old)` (nil removes it).
    static func changed(_ tree: [String: Any], _ path: ArraySlice<TOMLPathComponent>, _ change: (Any?) -> Any?) -> [String: Any] {
        changed(tree as Any, path, change) as! [String: Any]
    }

    static func changed(_ tree: Any, _ path: ArraySlice<TOMLPathComponent>, _ change: (Any?) -> Any?) -> Any {
        guard let first = path.first else { return tree }
        let rest = path.dropFirst()
        switch first {
        case .key(let key):
            var object = tree as! [String: Any]
            object[key] = rest.isEmpty ? change(object[key]) : changed(object[key] ?? [String: Any](), rest, change)
            return object
        case .index(let index):
            var array = tree as! [Any]
            if rest.isEmpty {
                if let new = change(array[index]) { array[index] = new } else { array.remove(at: index) }
            } else {
                array[index] = changed(array[index], rest, change)
            }
            return array
        }
    }
}
