import Foundation
import XCTest

/// The result of running one of the package's executables.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a built executable (`mfile`, `toml-decode`) with arguments, optional standard input,
/// and a working directory, and collects its output.
func runProduct(
    _ name: String, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
    environment: [String: String]? = nil
) throws -> CommandResult {
    try runProgram(
        TestPaths.productsDirectory.appendingPathComponent(name).path, arguments, stdin: stdin, in: directory,
        environment: environment)
}

/// Runs the program at `path` (a built executable or an outside program such as chromium or
/// taplo) and collects both outputs; a program still running after `timeout` seconds is
/// killed and the test fails.
func runProgram(
    _ path: String, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
    environment: [String: String]? = nil, timeout: TimeInterval = 300
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe never blocks the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box(), errBox = Box()
    let group = DispatchGroup()
    for (pipe, box) in [(outPipe, outBox), (errPipe, errBox)] {
        group.enter()
        DispatchQueue.global().async {
            box.data = pipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        XCTFail("\(URL(fileURLWithPath: path).lastPathComponent) did not finish within \(Int(timeout)) seconds")
        group.wait()
    }
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outBox.data, as: UTF8.self),
        stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller when done.
func makeTemporaryDirectory(_ label: String = "mfile-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs the built `mfile` under `umask` (e.g. "077"), through `/bin/sh`.
func runMfile(_ arguments: [String], umask: String, in directory: URL, environment: [String: String]? = nil) throws -> CommandResult {
    let mfile = TestPaths.productsDirectory.appendingPathComponent("mfile").path
    return try runProgram("/bin/sh", ["-c", "umask \(umask) && exec \"$@\"", "sh", mfile] + arguments, in: directory, environment: environment)
}

/// Runs any program with arguments in a directory and collects its output.
func runProgram(_ path: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let outPipe = Pipe(), errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// The permission bits of a file.
func permissions(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
}
