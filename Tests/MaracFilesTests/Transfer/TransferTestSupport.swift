import Foundation
import XCTest
@testable import MaracTransfer

/// Repositories and snapshots for the transfer tests.
enum TransferFixtures {
    /// A receiving repository: the demo's marac.toml, schemas and templates (so the same
    /// agencies), with no cases or meetings.
    static func emptyRepository() throws -> URL {
        let root = try DemoRepository.copy()
        for folder in ["cases", "meetings"] {
            try FileManager.default.removeItem(at: root.appendingPathComponent(folder))
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        return root
    }

    /// Every file below `root` (except `.mfile/`, this clone's own state) and its bytes.
    static func snapshot(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            if path.hasPrefix(".mfile") { continue }
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    static func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The plaintext files of a bundle opened with an identity.
    static func open(_ bundle: URL, identity: String) throws -> CaseBundle {
        let age = try AgeTestSupport.age()
        let plain = try age.decrypt(Array(try Data(contentsOf: bundle)), key: .identity(identity))
        return try CaseBundle.read(archive: plain)
    }
}
