import Foundation
import MaracRepository

/// Where a bundle's passphrase comes from when no recipient key or identity is given.
///
/// Normally from the person at the terminal: `age` itself asks for it (twice when
/// encrypting), so `mfile` never sees it. For automation only (tests, scripted hand-overs),
/// `MFILE_PASSPHRASE_FILE=PATH` names a file (or `/dev/fd/N`) whose first line is the
/// passphrase; `mfile` types it into a terminal of `age`'s own. A passphrase is never taken
/// from the command line, never passed in a process's arguments and never printed.
public enum PassphraseSource: Sendable {
    /// `age` asks the person at the terminal.
    case terminal
    /// The passphrase read from `MFILE_PASSPHRASE_FILE`.
    case automation([UInt8])

    public static let fileVariable = "MFILE_PASSPHRASE_FILE"

    /// The source the environment selects.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(AgeError) -> PassphraseSource {
        guard let path = environment[fileVariable], !path.isEmpty else { return .terminal }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(URL(fileURLWithPath: path))
        } catch {
            throw AgeError("\(fileVariable) names a file that cannot be read")
        }
        let line = Array(bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
        guard !line.isEmpty else { throw AgeError("the passphrase file named by \(fileVariable) is empty") }
        return .automation(line)
    }
}
