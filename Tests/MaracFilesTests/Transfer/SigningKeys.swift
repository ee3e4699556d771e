import Foundation
import XCTest
@testable import MaracRepository
@testable import MaracTransfer

/// SSH signing keys for the signed-transfer tests, made by the real `ssh-keygen`.
enum SigningKeys {
    struct Key {
        var name: String
        var privateKey: String
        var publicKey: String
    }

    /// Skips (outside CI) or fails (in CI) without ssh-keygen.
    static func require() throws {
        if Git.which("ssh-keygen") != nil { return }
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("ssh-keygen is required in CI: apt-get install -y openssh-client") }
        throw XCTSkip("ssh-keygen not installed (apt-get install openssh-client); signed-transfer test skipped outside CI")
    }

    /// A new ed25519 key pair without a passphrase, for the MARAC `name`.
    static func make(_ name: String, in folder: URL) throws -> Key {
        try require()
        let path = folder.appendingPathComponent("signing-\(name)").path
        let result = try runProgram(try XCTUnwrap(Git.which("ssh-keygen")).path, ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let publicKey = try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return Key(name: name, privateKey: path, publicKey: publicKey)
    }

    /// Writes the repository's allowed-signers file naming `keys`.
    static func allow(_ keys: [Key], in root: URL) throws {
        let url = root.appendingPathComponent(BundleSignature.allowedSignersPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try keys.map { "\($0.name) namespaces=\"\(BundleSignature.namespace)\" \($0.publicKey)\n" }.joined()
            .write(to: url, atomically: true, encoding: .utf8)
    }
}
