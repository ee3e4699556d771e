import Foundation
import MaracCommandLine

let status = MfileCLI.run(
    Array(CommandLine.arguments.dropFirst()), console: .standard(),
    workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(status)
