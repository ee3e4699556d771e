import Foundation
import XCTest
@testable import MaracRepository

/// Real `git` and `git-crypt` for the vault tests, in temporary repositories, with an author
/// set so that they work without any global git configuration.
enum GitFixture {
    /// Values planted in records; none may ever appear in a blob in git or in mfile's output.
    static let caseCanary = "CANARYVICTIM Qzxvw"
    static let meetingCanary = "CANARYCHAIR Wvxzq"
    /// Names of demo people: mfile's output must not contain them either.
    static let demoNames = ["Hannah Whitfield", "Craig Dunmore", "Andrew Pennock", "Kelly Ann Proudfoot"]

    static let environment = [
        "GIT_AUTHOR_NAME": "Vault Test", "GIT_AUTHOR_EMAIL": "vault-test@example.invalid",
        "GIT_COMMITTER_NAME": "Vault Test", "GIT_COMMITTER_EMAIL": "vault-test@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    ]

    /// Skips the test when git-crypt is not installed, outside CI; fails it in CI (`CI=true`).
    static func requireGitCrypt() throws {
        try requireProgram(Git.which("git") != nil && Git.which("git-crypt") != nil, "git and git-crypt", install: "apt-get install -y git git-crypt")
    }

    /// Skips (outside CI) or fails (in CI) when `program` is not installed.
    static func require(_ program: String) throws {
        try requireProgram(Git.which(program) != nil, program, install: "apt-get install -y \(program)")
    }

    /// Runs git (or `git-crypt` with `program`) in `directory`; fails the test on a non-zero
    /// exit unless `check` is false.
    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL, program: String = "git", check: Bool = true,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = try XCTUnwrap(Git.which(program))
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let stderr = String(decoding: errBox.data, as: UTF8.self)
        if check, process.terminationStatus != 0 {
            XCTFail("\(program) \(arguments.joined(separator: " ")) failed: \(stderr)", file: file, line: line)
        }
        return (process.terminationStatus, data, stderr)
    }

    /// `mfile` in `directory` with the test's git identity.
    static func mfile(_ arguments: [String], in directory: URL) throws -> CommandResult {
        try runProduct("mfile", arguments, in: directory, environment: environment)
    }

    /// A copy of the demo repository with a canary planted in a case and a meeting.
    static func plantedDemo() throws -> URL {
        let root = try DemoRepository.copy()
        try replaceLine(in: root.appendingPathComponent(caseFile), containing: "name = ", with: "name = \"\(caseCanary)\"")
        try replaceLine(in: root.appendingPathComponent(meetingFile), containing: "chair = ", with: "chair = \"\(meetingCanary)\"")
        return root
    }

    static let caseFile = "cases/2026/2026-EXMP-001.toml"
    static let meetingFile = "meetings/2026/2026-11-05-north.toml"

    /// The planted demo with encryption on (`mfile init . --encrypt`) and everything committed.
    static func encryptedDemo() throws -> URL {
        let root = try plantedDemo()
        let initResult = try mfile(["init", ".", "--encrypt"], in: root)
        XCTAssertEqual(initResult.status, 0, initResult.stderr)
        try run(["add", "-A"], in: root)
        try run(["commit", "-q", "-m", "Records"], in: root)
        return root
    }

    /// The bytes of `path` as committed at `revision`.
    static func blob(_ path: String, at revision: String = "HEAD", in root: URL) throws -> Data {
        try run(["cat-file", "blob", "\(revision):\(path)"], in: root).stdout
    }

    /// Asserts mfile's output holds no canary and no demo name.
    static func assertPrivate(_ result: CommandResult, file: StaticString = #filePath, line: UInt = #line) {
        let output = result.stdout + result.stderr
        for secret in [caseCanary, meetingCanary, "CANARY"] + demoNames {
            XCTAssertFalse(output.contains(secret), "output shows a record value", file: file, line: line)
        }
    }
}
