import Foundation
import XCTest
@testable import MaracRepository

/// Whole files read as bytes, whatever their size.
final class FileSystemTests: XCTestCase {
    func testReadsEveryByteOfFilesOfAnySize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mfile-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 4096, 4097, 1 << 20] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let file = folder.appendingPathComponent("f\(size).toml")
            try Data(bytes).write(to: file)
            XCTAssertEqual(try FileSystem.read(file), bytes, "\(size) bytes")
        }
        XCTAssertThrowsError(try FileSystem.read(folder.appendingPathComponent("missing.toml")))
    }
}
