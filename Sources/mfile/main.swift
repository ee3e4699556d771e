import Foundation
import MaracFiles

let status = MfileCLI.run(
    Array(CommandLine.arguments.dropFirst()), console: .standard(),
    workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(status)
