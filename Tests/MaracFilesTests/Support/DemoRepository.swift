import Foundation
import XCTest

/// The demo repository at the package's top level, and editable copies of it.
enum DemoRepository {
    static var root: URL { TestPaths.packageRoot }

    static let parts = ["marac.toml", "cases", "meetings", "schema", "templates", ".taplo.toml"]

    /// A fresh copy of the demo repository in a temporary folder.
    static func copy() throws -> URL {
        let target = try makeTemporaryDirectory("mfile-demo")
        for part in parts {
            let source = root.appendingPathComponent(part)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: target.appendingPathComponent(part))
            }
        }
        return target
    }
}

/// Replaces the first line of a file containing `needle` with `replacement`; returns the
/// 1-based line number edited.
@discardableResult
func replaceLine(in file: URL, containing needle: String, with replacement: String?) throws -> Int {
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
        throw TestSetupError("test fixture changed: \(file.lastPathComponent) has no line containing \(needle); update the test with the demo")
    }
    if let replacement { lines[index] = replacement } else { lines.remove(at: index) }
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    return index + 1
}

/// The 1-based number of the first line of `file` containing `needle`.
func lineNumber(in file: URL, containing needle: String) throws -> Int {
    let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
        throw TestSetupError("test fixture changed: \(file.lastPathComponent) has no line containing \(needle); update the test with the demo")
    }
    return index + 1
}
