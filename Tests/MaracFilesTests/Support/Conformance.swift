import Foundation
import XCTest

/// Finds the public conformance suites in `../shared/conformance` (or `$MFILE_CONFORMANCE_DIR`).
///
/// Outside CI a missing suite skips the test with one line; in CI (`CI=true`) it fails.
enum Conformance {
    static var root: URL {
        if let dir = ProcessInfo.processInfo.environment["MFILE_CONFORMANCE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return TestPaths.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/conformance")
    }

    static var required: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["CI"] == "true" || env["MFILE_REQUIRE_CONFORMANCE"] == "1"
    }

    /// The folder of one suite (e.g. `toml-test`), or a skip/failure when it is absent.
    static func suite(_ name: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url
        }
        if required {
            throw TestSetupError("conformance suite \(name) is missing at \(url.path) (required in CI)")
        }
        throw XCTSkip("conformance suite \(name) not found at \(url.path); skipped outside CI")
    }
}

enum TestPaths {
    /// The package's root folder (holding Package.swift and the demo repository).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The folder holding the built executables (`mfile`, `toml-decode`).
    static let productsDirectory: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var url = testBinary
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("mfile").path) {
                return url
            }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }()
}
