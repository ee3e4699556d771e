import Foundation

/// What a finished `git` (or `git-crypt`) process left behind.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: [UInt8]

    /// Standard output as text, trailing newlines removed.
    public var text: String {
        var text = String(decoding: stdout, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Standard output split at NUL bytes (for `-z` output), empty fields dropped.
    public var nulSeparated: [String] {
        stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Runs `git` and its helpers in a work tree: a program found on `PATH`, started directly
/// (no shell), its output captured. Never prints anything itself.
public struct Git: Sendable {
    /// The folder git runs in.
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Runs `git ARGUMENTS` with `input` on standard input.
    public func run(_ arguments: [String], input: [UInt8]? = nil) throws(RepositoryError) -> ProcessOutput {
        try Git.execute("git", arguments, in: directory, input: input)
    }

    /// Runs `git-crypt ARGUMENTS`.
    public func gitCrypt(_ arguments: [String]) throws(RepositoryError) -> ProcessOutput {
        try Git.execute("git-crypt", arguments, in: directory, input: nil)
    }

    /// The full path of `program` on `PATH`, if it is installed.
    public static func which(_ program: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The message when a program is missing, with the command that installs it.
    public static func missingMessage(_ program: String) -> String {
        "\(program) is not installed; install it with 'sudo apt-get install \(program)'"
    }

    /// Starts `program` (found on `PATH`) and waits for it, feeding `input` and reading both
    /// outputs at the same time so that no pipe fills up and blocks.
    public static func execute(
        _ program: String, _ arguments: [String], in directory: URL, input: [UInt8]?
    ) throws(RepositoryError) -> ProcessOutput {
        guard let executable = which(program) else { throw RepositoryError(missingMessage(program)) }
        // A program that exits before reading all its input must not kill mfile with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        do {
            try process.run()
        } catch {
            throw RepositoryError("\(program) could not be started in \(directory.path)")
        }
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let writer = inPipe.fileHandleForWriting
        let feed = input ?? []
        group.enter()
        DispatchQueue.global().async {
            if !feed.isEmpty { try? writer.write(contentsOf: Data(feed)) }
            try? writer.close()
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, stdout: Array(outData), stderr: Array(errBox.data))
    }
}
