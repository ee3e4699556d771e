import Foundation

/// Encrypts and decrypts bundles with `age` (https://age-encryption.org; Debian package
/// `age`), run as a child process with its arguments as an array, never through a shell.
///
/// Plaintext goes to `age` through a pipe and comes back through one: it is never written to
/// disk. `age` authenticates what it decrypts, so a bundle changed or cut short in transit is
/// refused before `mfile` reads any of it.
public struct AgeCrypt: Sendable {
    /// Who can open a bundle.
    public enum Lock: Sendable {
        /// Public keys (`age1...`) and/or recipients files, as `age -r` / `age -R` take them.
        case recipients([String])
        /// A passphrase (see `PassphraseSource`).
        case passphrase(PassphraseSource)
    }

    /// How to open a bundle.
    public enum Key: Sendable {
        /// An identity file (`age -i FILE`), e.g. made by `age-keygen`.
        case identity(String)
        /// A passphrase (see `PassphraseSource`).
        case passphrase(PassphraseSource)
    }

    /// The `age` program.
    public var executable: String

    public init(executable: String) { self.executable = executable }

    /// `$MFILE_AGE`, else `age` on the `PATH`.
    public static func locate(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> AgeCrypt? {
        if let path = environment["MFILE_AGE"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? AgeCrypt(executable: path) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/age"
            if FileManager.default.isExecutableFile(atPath: path) { return AgeCrypt(executable: path) }
        }
        return nil
    }

    /// `locate()`, or an error telling the user to install age.
    public static func required() throws(AgeError) -> AgeCrypt {
        guard let age = locate() else {
            throw AgeError("age is not installed (needed to encrypt and open bundles): install it, e.g. 'apt-get install age', or set MFILE_AGE to its path")
        }
        return age
    }

    /// Whether `text` is given to `age -r` (a public key) rather than `age -R` (a file).
    /// How to lock a bundle: for `recipients` (public keys, or recipients files relative to
    /// `directory`), else for a passphrase (the terminal, or `MFILE_PASSPHRASE_FILE`).
    public static func lock(recipients: [String], relativeTo directory: URL) throws(AgeError) -> Lock {
        guard !recipients.isEmpty else { return .passphrase(try PassphraseSource.fromEnvironment()) }
        var resolved: [String] = []
        for recipient in recipients {
            if isPublicKey(recipient) {
                resolved.append(recipient)
                continue
            }
            let url = URL(fileURLWithPath: recipient, relativeTo: directory).standardizedFileURL
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw AgeError("--recipient takes an age public key (age1...) or a recipients file; \(url.path) is neither")
            }
            resolved.append(url.path)
        }
        return .recipients(resolved)
    }

    /// How to open a bundle: with the identity file `identity`, else a passphrase.
    public static func key(identity: URL?) throws(AgeError) -> Key {
        guard let identity else { return .passphrase(try PassphraseSource.fromEnvironment()) }
        guard FileManager.default.isReadableFile(atPath: identity.path) else {
            throw AgeError("--identity: \(identity.path) cannot be read")
        }
        return .identity(identity.path)
    }

    package static func isPublicKey(_ text: String) -> Bool {
        text.hasPrefix("age1") || text.hasPrefix("ssh-ed25519 ") || text.hasPrefix("ssh-rsa ")
    }

    /// The encrypted form of `plaintext`.
    public func encrypt(_ plaintext: [UInt8], lock: Lock) throws(AgeError) -> [UInt8] {
        var arguments = ["--encrypt"]
        var script: Subprocess.TerminalScript?
        switch lock {
        case .recipients(let recipients):
            guard !recipients.isEmpty else { throw AgeError("no recipient given") }
            for recipient in recipients {
                arguments += Self.isPublicKey(recipient) ? ["-r", recipient] : ["-R", recipient]
            }
        case .passphrase(let source):
            arguments.append("--passphrase")
            if case .automation(let secret) = source {
                script = Subprocess.TerminalScript(answer: secret, prompt: "passphrase", times: 2)
            }
        }
        let result = try Subprocess.run(executable, arguments, input: plaintext, terminal: script)
        guard result.status == 0, !result.timedOut, !result.stdout.isEmpty else {
            throw AgeError("age could not encrypt the bundle: \(Self.reason(result))")
        }
        return result.stdout
    }

    /// The plaintext of `ciphertext`, or an error if it cannot be opened (wrong key,
    /// changed or cut short).
    public func decrypt(_ ciphertext: [UInt8], key: Key) throws(AgeError) -> [UInt8] {
        var arguments = ["--decrypt"]
        var script: Subprocess.TerminalScript?
        switch key {
        case .identity(let path):
            arguments += ["-i", path]
        case .passphrase(let source):
            if case .automation(let secret) = source {
                script = Subprocess.TerminalScript(answer: secret, prompt: "passphrase", times: 1)
            }
        }
        let result = try Subprocess.run(executable, arguments, input: ciphertext, terminal: script)
        guard result.status == 0, !result.timedOut else {
            throw AgeError("the bundle cannot be opened: \(Self.reason(result)); nothing was changed")
        }
        return result.stdout
    }

    /// Decrypts the file at `url` as `age` streams it, handing the plaintext to `consume`
    /// chunk by chunk (nothing is kept here); `consume` returns false to stop `age` at once.
    /// Returns false when `consume` stopped it; throws when the file cannot be opened (wrong
    /// key, changed or cut short: age checks each chunk before it passes it on).
    public func decrypt(file url: URL, key: Key, into consume: (ArraySlice<UInt8>) -> Bool) throws(AgeError) -> Bool {
        var arguments = ["--decrypt"]
        var script: Subprocess.TerminalScript?
        switch key {
        case .identity(let path):
            arguments += ["-i", path]
        case .passphrase(let source):
            if case .automation(let secret) = source {
                script = Subprocess.TerminalScript(answer: secret, prompt: "passphrase", times: 1)
            }
        }
        var stopped = false
        let run = Result { () throws(AgeError) -> Subprocess.Result in
            try withoutActuallyEscaping(consume) { consume throws(AgeError) in
                try Subprocess.run(executable, arguments, input: .file(url.path), terminal: script, output: { chunk in
                    if !consume(chunk) { stopped = true }
                    return !stopped
                })
            }
        }
        if stopped { return false }
        let result = try run.get()
        guard result.status == 0, !result.timedOut else {
            throw AgeError("the bundle cannot be opened: \(Self.reason(result)); nothing was changed")
        }
        return true
    }

    /// age's own first error line (age's messages hold no secrets and no plaintext), or how
    /// it ended.
    static func reason(_ result: Subprocess.Result) -> String {
        if result.timedOut { return "age did not finish in time (no passphrase typed?)" }
        let text = String(decoding: result.stderr, as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.hasPrefix("age: error:") || $0.hasPrefix("Error:") }
        if let line {
            let trimmed = line.replacingOccurrences(of: "age: error: ", with: "")
            return "age says: " + String(trimmed.prefix(200))
        }
        return "age exited with status \(result.status)"
    }
}
