import Foundation
import XCTest
@testable import MaracDefaults

/// The embedded defaults (`mfile init` writes the schemas and templates; `stats` reads the
/// categories) must be the files in schema/, templates/ and data-return/, and .taplo.toml
/// (after changing one, run ./Scripts/embed-defaults).
final class DefaultFilesTests: XCTestCase {
    func testEmbeddedDefaultsMatchTheFilesOnDisk() throws {
        var onDisk: [String: String] = [:]
        for folder in ["schema", "templates", "data-return"] {
            let url = TestPaths.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where !name.hasPrefix(".") {
                onDisk["\(folder)/\(name)"] = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            }
        }
        onDisk[".taplo.toml"] = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(".taplo.toml"), encoding: .utf8)
        let embedded = Dictionary(uniqueKeysWithValues: DefaultFiles.all.map { ($0.path, $0.content) })
        XCTAssertEqual(Set(embedded.keys), Set(onDisk.keys), "run ./Scripts/embed-defaults")
        for (path, content) in onDisk {
            XCTAssertEqual(embedded[path], content, "\(path) differs from its embedded copy; run ./Scripts/embed-defaults")
        }
    }
}
