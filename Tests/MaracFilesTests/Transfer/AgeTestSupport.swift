import Foundation
import XCTest
@testable import MaracTransfer

/// `age` for the transfer tests: outside CI a missing `age` skips the test with one line; in
/// CI (`CI=true`) it fails.
enum AgeTestSupport {
    static func age() throws -> AgeCrypt {
        let age = AgeCrypt.locate()
        try requireProgram(age != nil, "age", install: "apt-get install -y age")
        return age!
    }

    /// A new age identity file (by `age-keygen`) and its public key.
    static func keyPair(in folder: URL) throws -> (identity: String, recipient: String) {
        let age = try self.age()
        let keygen = URL(fileURLWithPath: age.executable).deletingLastPathComponent().appendingPathComponent("age-keygen").path
        try requireProgram(FileManager.default.isExecutableFile(atPath: keygen), "age-keygen (beside age)", install: "apt-get install -y age")
        let identity = folder.appendingPathComponent("identity.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: keygen)
        process.arguments = ["-o", identity]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: identity, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("# public key: ") }) else {
            throw TestSetupError("age-keygen wrote no public key line")
        }
        return (identity, String(line.dropFirst("# public key: ".count)))
    }

    /// A file holding `passphrase` for `MFILE_PASSPHRASE_FILE`.
    static func passphraseFile(_ passphrase: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent("passphrase.txt")
        try (passphrase + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
