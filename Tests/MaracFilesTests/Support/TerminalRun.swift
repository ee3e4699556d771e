import Foundation
@testable import MaracTransfer

/// Runs a built executable with its standard error on a pseudo-terminal (as when someone
/// watches it), standard output on a pipe, and returns both. `environment` replaces the
/// listed variables; `removing` drops others (such as `CI`).
func runProductOnTerminal(
    _ name: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:], removing: [String] = []
) throws -> CommandResult {
    let terminal = try PseudoTerminal.open()
    let master = terminal.master, slavePath = terminal.slavePath
    guard let slave = FileHandle(forWritingAtPath: slavePath) else { throw TestSetupError("cannot open \(slavePath)") }

    let process = Process()
    process.executableURL = TestPaths.productsDirectory.appendingPathComponent(name)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    for key in removing { env.removeValue(forKey: key) }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = slave
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try slave.close()

    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box(), errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        outBox.data = out.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
        // The terminal side reads until every writer has closed it (EIO on Linux).
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            errBox.data.append(contentsOf: buffer[0..<count])
        }
        group.leave()
    }
    process.waitUntilExit()
    group.wait()
    close(master)
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
        stderr: String(decoding: errBox.data, as: UTF8.self))
}
