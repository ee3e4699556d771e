import Foundation
import XCTest

/// Whether the tests run in CI (`CI=true`), where every outside program and suite is required.
var runningInCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

/// A test fixture or program the test needs and does not have: a failure, never a skip.
struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Outside CI, skips the test with one line saying what is missing and how to install it;
/// in CI, fails it (a thrown error, so it is not counted as skipped).
func requireProgram(_ available: Bool, _ what: String, install: String) throws {
    guard !available else { return }
    if runningInCI { throw TestSetupError("\(what) is required in CI (\(install))") }
    throw XCTSkip("\(what) not installed (\(install)); skipped outside CI")
}

/// The path of `name` on PATH, if any.
func programPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
