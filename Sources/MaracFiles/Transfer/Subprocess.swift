import Dispatch
import Foundation
import MaracRepository

/// Runs a program (never through a shell) with bytes on its standard input, collecting its
/// standard output and error.
///
/// `posix_spawn` rather than Foundation's `Process`: to hand `age` a passphrase without a
/// person at the keyboard the child must start in a session of its own whose controlling
/// terminal is a pseudo-terminal `mfile` holds, which `Process` cannot arrange.
struct Subprocess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
    }

    /// What to do on the child's terminal, when it has one of `mfile`'s.
    struct TerminalScript: Sendable {
        /// Typed (with a newline) each time the child prompts with text containing `prompt`,
        /// at most `times` times.
        var answer: [UInt8]
        var prompt: String
        var times: Int
    }

    /// `POSIX_SPAWN_SETSID` (glibc 2.26+), not always exported to Swift.
    private static let spawnSetSID: Int32 = 0x80

    /// What the child reads on its standard input.
    enum Input {
        case bytes([UInt8])
        /// The file at this path, opened for the child (never read into mfile's memory).
        case file(String)
    }

    static func run(
        _ executable: String, _ arguments: [String], input: [UInt8], terminal: TerminalScript? = nil,
        timeout: Double = 900
    ) throws(AgeError) -> Result {
        try run(executable, arguments, input: .bytes(input), terminal: terminal, timeout: timeout, output: nil)
    }

    /// Runs the program; with `output`, its standard output is handed over chunk by chunk as
    /// it comes (and not kept), and the child is stopped as soon as `output` returns false.
    static func run(
        _ executable: String, _ arguments: [String], input source: Input, terminal: TerminalScript? = nil,
        timeout: Double = 900, output: ((ArraySlice<UInt8>) -> Bool)?
    ) throws(AgeError) -> Result {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw AgeError("cannot create pipes to run age (\(FileSystem.errnoText()))")
        }
        var bytes: [UInt8] = []
        var inputFile: Int32 = -1
        switch source {
        case .bytes(let given): bytes = given
        case .file(let path):
            inputFile = open(path, O_RDONLY | O_CLOEXEC)
            guard inputFile >= 0 else {
                let reason = FileSystem.errnoText()
                for fd in inPipe + outPipe + errPipe { close(fd) }
                throw AgeError("\(path) cannot be read (\(reason))")
            }
        }
        defer { if inputFile >= 0 { close(inputFile) } }
        let input = bytes
        // Only the child's 0, 1 and 2 (dup2 clears the flag) reach age.
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var pty: PseudoTerminal?
        if terminal != nil { pty = try PseudoTerminal.open() }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputFile >= 0 ? inputFile : inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if let pty {
            // A new session, then opening the terminal makes it the child's controlling
            // terminal: /dev/tty in the child is ours, never the user's.
            posix_spawnattr_setflags(&attributes, Int16(spawnSetSID))
            // Kept open as fd 3 until the child exits, so the terminal is never hung up
            // between the spawn and age opening /dev/tty.
            posix_spawn_file_actions_addopen(&actions, 3, pty.slavePath, O_RDWR, 0)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment
            .filter { $0.key != PassphraseSource.fileVariable }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var spawnedPID: pid_t = 0
        let spawned = posix_spawn(&spawnedPID, executable, &actions, &attributes, argv, environment)
        let pid = spawnedPID
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            pty?.close()
            throw AgeError("cannot start age at \(executable) (\(String(cString: strerror(spawned))))")
        }

        let collected = Collected()
        let group = DispatchGroup()
        let writeFD = inPipe[1], outFD = outPipe[0], errFD = errPipe[0]
        group.enter()
        DispatchQueue.global().async {
            signal(SIGPIPE, SIG_IGN)
            Self.writeAll(input, to: writeFD)
            close(writeFD)
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            collected.setError(Self.readAll(errFD))
            close(errFD)
            group.leave()
        }
        if let pty, let terminal {
            group.enter()
            DispatchQueue.global().async {
                Self.converse(on: pty.master, script: terminal)
                pty.close()
                group.leave()
            }
        }
        let finished = Flag()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if !finished.isSet {
                collected.markTimedOut()
                kill(pid, SIGKILL)
            }
        }
        var stdout: [UInt8] = []
        if let output {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let got = chunk.withUnsafeMutableBytes { read(outFD, $0.baseAddress!, $0.count) }
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                if !output(chunk[0..<got]) {
                    kill(pid, SIGKILL)
                    break
                }
            }
        } else {
            stdout = readAll(outFD)
        }
        close(outFD)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        finished.set()
        group.wait()
        let exited = (status & 0x7f) == 0
        return Result(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: stdout,
            stderr: collected.error, timedOut: collected.timedOut)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                return
            }
            written += result
        }
    }

    private static func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return bytes }
            bytes += chunk[0..<got]
        }
    }

    /// Reads what the child writes to its terminal (and discards it) and types the answer
    /// after each prompt. Ends when the child closes the terminal.
    private static func converse(on master: Int32, script: TerminalScript) {
        var seen: [UInt8] = []
        var answered = 0
        let prompt = Array(script.prompt.utf8)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 200)
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { return }
            if ready == 0 { continue }
            let got = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return }
            seen += chunk[0..<got]
            while answered < script.times, occurrences(of: prompt, in: seen) > answered {
                writeAll(script.answer + [UInt8(ascii: "\n")], to: master)
                answered += 1
            }
        }
    }

    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var count = 0
        var index = 0
        while index <= haystack.count - needle.count {
            if Array(haystack[index..<index + needle.count]) == needle {
                count += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var errorBytes: [UInt8] = []
    private var didTimeOut = false
    func setError(_ bytes: [UInt8]) { lock.lock(); errorBytes = bytes; lock.unlock() }
    func markTimedOut() { lock.lock(); didTimeOut = true; lock.unlock() }
    var error: [UInt8] { lock.lock(); defer { lock.unlock() }; return errorBytes }
    var timedOut: Bool { lock.lock(); defer { lock.unlock() }; return didTimeOut }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
