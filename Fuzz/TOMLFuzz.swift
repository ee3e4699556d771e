// libFuzzer harness over the TOML decoder and the format-preserving editor.
//
// Built by Fuzz/run.sh together with the Base/, TOML/ and JSON/ sources of MaracFiles (one module,
// so the harness can use the editor's internals). For every input: decode it; if it is a valid
// document, check that
//   - the editor's decoder (which also records statements) agrees with TOMLDecoder,
//   - setting every scalar to its own value returns the identical bytes,
//   - setting a scalar to a new value changes only that value's bytes,
//   - removing a key, appending an array-of-tables entry and removing an entry either succeed
//     (the editor has then re-decoded and compared the result itself) or refuse cleanly;
//     `invalidResult` means the editor produced wrong text: that is a bug, so it crashes.

@_cdecl("LLVMFuzzerTestOneInput")
public func tomlFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let plain = try? TOMLDecoder.decode(bytes: bytes)
    guard let editor = try? TOMLEditor(bytes: bytes) else {
        if plain != nil { fatalError("the editor rejected a document the decoder accepts") }
        return 0
    }
    guard let plain, TOMLTreeEdit.equivalent(.table(plain), .table(editor.table)) else {
        fatalError("the editor's decoding differs from TOMLDecoder's")
    }
    FuzzChecks(editor: editor).run()
    return 0
}

extension TOMLTable {
    /// The number of entries of the array at `path`.
    func count(at path: [TOMLPathComponent]) -> Int? {
        var node = TOMLNode(.table(self), range: .unknown)
        for component in path {
            switch (component, node.value) {
            case (.key(let key), .table(let table)): guard let next = table[key] else { return nil }; node = next
            case (.index(let index), .array(let items)) where items.indices.contains(index): node = items[index]
            default: return nil
            }
        }
        return node.array?.count
    }
}

struct FuzzChecks {
    let editor: TOMLEditor

    func run() {
        var scalars: [([TOMLPathComponent], TOMLNode)] = []
        var arrays: [[TOMLPathComponent]] = []
        collect(.table(editor.table), [], into: &scalars, arrays: &arrays)
        for (path, node) in scalars {
            let same = expectEdit { try editor.setValue(node.value, at: path) }
            if let same, same != editor.bytes { fatalError("a no-op edit changed the bytes") }
        }
        // A spread of scalars: replaced, removed, and a new sibling key and table beside them.
        let stride = max(1, scalars.count / 6)
        for (path, node) in scalars.enumerated().filter({ $0.offset % stride == 0 }).map(\.element) {
            let replacement: TOMLValue = node.string == nil ? .string("e\"d'i\\t\n") : .integer(-42)
            if let edited = expectEdit({ try editor.setValue(replacement, at: path) }) {
                let range = node.range.bytes
                guard edited.starts(with: editor.bytes[..<range.lowerBound]),
                      edited.reversed().starts(with: editor.bytes[range.upperBound...].reversed()) else {
                    fatalError("setting a value changed bytes outside it")
                }
            }
            _ = expectEdit { try editor.removeKey(at: path) }
            let parent = Array(path.dropLast())
            _ = expectEdit { try editor.setValue(.localDate(LocalDate(year: 2026, month: 1, day: 2)), at: parent + [.key("fuzz-new")]) }
            _ = expectEdit { try editor.setValue(.boolean(true), at: parent + [.key("flag"), .key("lifted")]) }
        }
        let entry = TOMLTable(["agency": .string("police"), "note": .string("two\nlines"), "sub": .table(TOMLTable(["n": .integer(1)]))])
        if let appended = expectEdit({ try editor.appendArrayTable(entry, at: ["fuzz_entries"]) }),
           !appended.starts(with: editor.bytes) {
            fatalError("appending a new array of tables changed the original bytes")
        }
        for path in arrays.prefix(4) {
            _ = expectEdit { try editor.appendArrayTable(entry, at: path) }
            _ = expectEdit { try editor.appendArrayTable(entry, at: path + [.index(0), .key("fuzz_sub")]) }
            _ = expectEdit { try editor.removeArrayTableEntry(at: path, index: 0) }
            if let count = editor.table.count(at: path) {
                _ = expectEdit { try editor.removeArrayTableEntry(at: path, index: count - 1) }
            }
        }
    }

    /// Runs an edit: its bytes, or nil when it refused; an invalid result is a bug.
    func expectEdit(_ edit: () throws -> [UInt8]) -> [UInt8]? {
        do {
            return try edit()
        } catch let error as TOMLEditError {
            if error.reason == .invalidResult { fatalError("editor bug at \(error.path): \(error.message)") }
            return nil
        } catch {
            fatalError("an edit threw something other than a TOMLEditError")
        }
    }

    /// Scalars (up to 64) with their paths, and the paths of arrays whose entries are tables.
    func collect(
        _ value: TOMLValue, _ path: [TOMLPathComponent],
        into out: inout [([TOMLPathComponent], TOMLNode)], arrays: inout [[TOMLPathComponent]]
    ) {
        guard out.count < 64 else { return }
        switch value {
        case .table(let table):
            for member in table.members {
                if member.node.table == nil && member.node.array == nil {
                    out.append((path + [.key(member.key)], member.node))
                } else {
                    collect(member.node.value, path + [.key(member.key)], into: &out, arrays: &arrays)
                }
            }
        case .array(let items):
            if let first = items.first, first.table != nil { arrays.append(path) }
            for (i, item) in items.enumerated() {
                if item.table == nil && item.array == nil {
                    out.append((path + [.index(i)], item))
                } else {
                    collect(item.value, path + [.index(i)], into: &out, arrays: &arrays)
                }
            }
        default:
            break
        }
    }
}
