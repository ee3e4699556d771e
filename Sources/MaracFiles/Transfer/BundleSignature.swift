import Foundation
import MaracRepository

/// Who sent a bundle: `transfer out` signs the manifest (which holds every file's SHA-256)
/// with the sending MARAC's SSH key (`ssh-keygen -Y sign`, OpenSSH, on every Linux and macOS)
/// and puts the signature in the bundle as `manifest.json.sig`; `transfer in` checks it with
/// `ssh-keygen -Y verify` against `transfers/allowed_signers`, the receiving repository's list
/// of known MARACs and their public keys (OpenSSH's allowed-signers format).
///
/// A recipient without mfile checks it with
/// `ssh-keygen -Y verify -f allowed_signers -I NAME -n mfile-bundle -s manifest.json.sig < manifest.json`.
public enum BundleSignature {
    /// The namespace every bundle signature is made in, so no other SSH signature can stand for one.
    public static let namespace = "mfile-bundle"
    /// The allowed-signers file, relative to the repository root (encrypted in git like
    /// everything but the plain-text list).
    public static let allowedSignersPath = "\(Repository.transfersFolder)/allowed_signers"

    /// What checking a bundle's signature found.
    public enum Verdict: Sendable, Equatable {
        /// Signed by a key of a known MARAC: its name in the allowed-signers file.
        case signed(by: String)
        /// No signature in the bundle.
        case unsigned
        /// A valid signature by a key that no line of the allowed-signers file names.
        case unknownSigner
    }

    /// The signature of `manifest` with the private key at `keyPath`.
    public static func sign(_ manifest: [UInt8], keyPath: String) throws -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: keyPath) else {
            throw TransferError("--signing-key: \(keyPath) cannot be read; give the MARAC's SSH private key (e.g. made with 'ssh-keygen -t ed25519 -f marac-signing')")
        }
        let output = try sshKeygen(["-Y", "sign", "-q", "-f", keyPath, "-n", namespace], input: manifest)
        guard output.status == 0, String(decoding: output.stdout, as: UTF8.self).contains("BEGIN SSH SIGNATURE") else {
            throw TransferError("ssh-keygen could not sign the bundle with \(keyPath) (is it a private key, without a passphrase or loaded in ssh-agent?); nothing was sent")
        }
        return output.stdout
    }

    /// Checks `signature` (nil: none) of `manifest` against the allowed-signers file of the
    /// repository at `root`. Throws when the signature is not valid for the manifest: the
    /// bundle was changed after signing, or forged.
    public static func verify(_ manifest: [UInt8], signature: [UInt8]?, root: URL) throws -> Verdict {
        guard let signature else { return .unsigned }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mfile-signature-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let signatureFile = folder.appendingPathComponent("manifest.json.sig")
        try AtomicWrite.write(signature, to: signatureFile, mode: .createNew, access: .ownerOnly)
        let check = try sshKeygen(["-Y", "check-novalidate", "-n", namespace, "-s", signatureFile.path], input: manifest)
        guard check.status == 0 else {
            throw TransferError("the bundle's signature does not match its contents: it was changed after it was signed, or forged; nothing was changed")
        }
        let allowed = root.appendingPathComponent(allowedSignersPath)
        guard FileManager.default.isReadableFile(atPath: allowed.path) else { return .unknownSigner }
        let principals = try sshKeygen(["-Y", "find-principals", "-f", allowed.path, "-s", signatureFile.path], input: [])
        guard principals.status == 0, let principal = principals.text.split(separator: "\n").first.map(String.init) else {
            return .unknownSigner
        }
        let verify = try sshKeygen(
            ["-Y", "verify", "-f", allowed.path, "-I", principal, "-n", namespace, "-s", signatureFile.path], input: manifest)
        guard verify.status == 0 else {
            throw TransferError("the bundle's signature by \(principal) does not verify against \(allowedSignersPath) (an expired or restricted key?); nothing was changed")
        }
        return .signed(by: principal)
    }

    private static func sshKeygen(_ arguments: [String], input: [UInt8]) throws -> ProcessOutput {
        guard Git.which("ssh-keygen") != nil else {
            throw TransferError("ssh-keygen (OpenSSH) is not installed, so bundle signatures cannot be made or checked; install it with 'sudo apt-get install openssh-client'")
        }
        return try Git.execute("ssh-keygen", arguments, in: FileManager.default.temporaryDirectory, input: input)
    }
}
