import Foundation
import XCTest
@testable import MaracIndex

/// A demo copy with its index built, for the index tests.
enum IndexFixture {
    static func demoIndex() throws -> (root: URL, index: PeopleIndex) {
        let root = try DemoRepository.copy()
        let outcome = try IndexBuilder.build(root: root)
        try IndexStore.save(outcome.bytes, root: root)
        return (root, try IndexFormat.decode(outcome.bytes))
    }

    /// Sets a file's modification time `seconds` later than it is now.
    static func bumpTime(_ file: URL, seconds: Double = 5) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        let date = (attributes[.modificationDate] as? Date ?? Date()).addingTimeInterval(seconds)
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: file.path)
    }
}
