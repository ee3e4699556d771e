import Foundation
import MaracBase
import MaracPapers
import MaracTOML
import MaracTransfer

/// What `transfer` and `disclose` share: reading dates, choosing how a bundle is locked, and
/// reporting refusals (every reason on its own line, naming files, ids and rules only).
enum TransferCommandSupport {
    static func date(_ context: CommandContext, _ option: String) throws(UsageError) -> LocalDate? {
        guard let text = context.arguments.value(option) else { return nil }
        guard let date = LocalDate(isoText: text) else { throw UsageError("\(option) needs a date written YYYY-MM-DD") }
        return date
    }

    /// `--recipient` keys or files, else a passphrase (the terminal, or `MFILE_PASSPHRASE_FILE`).
    static func lock(_ context: CommandContext) throws -> AgeCrypt.Lock {
        let recipients = context.arguments.allValues("--recipient")
        if !recipients.isEmpty {
            for recipient in recipients where !AgeCrypt.isPublicKey(recipient) {
                let url = URL(fileURLWithPath: recipient, relativeTo: context.workingDirectory).standardizedFileURL
                guard FileManager.default.isReadableFile(atPath: url.path) else {
                    throw UsageError("--recipient takes an age public key (age1...) or a recipients file; \(recipient) is neither")
                }
            }
            return .recipients(recipients.map { AgeCrypt.isPublicKey($0) ? $0 : URL(fileURLWithPath: $0, relativeTo: context.workingDirectory).standardizedFileURL.path })
        }
        return .passphrase(try PassphraseSource.fromEnvironment())
    }

    static func output(_ context: CommandContext, default name: String) -> URL {
        URL(fileURLWithPath: context.arguments.value("--output") ?? name, relativeTo: context.workingDirectory).standardizedFileURL
    }

    /// Runs `body`, turning a refusal into its reasons on standard error and exit status 2.
    static func reporting(_ command: String, _ context: CommandContext, _ body: () throws -> ExitStatus) throws -> ExitStatus {
        func report(_ reasons: [String]) -> ExitStatus {
            for (index, reason) in reasons.enumerated() {
                context.console.printError(index == 0 ? "mfile \(command): error: \(reason)" : "  \(reason)")
            }
            return .failure
        }
        do {
            return try body()
        } catch let error as TransferError {
            return report(error.reasons)
        } catch let error as AgeError {
            return report([error.message])
        } catch let error as PaperError {
            return report([error.message])
        } catch let error as CaseBundle.Invalid {
            return report(["the bundle failed its checks; nothing was changed:"] + error.reasons)
        } catch let error as TOMLError {
            return report(["a file kept with the transfer is not valid TOML (line \(error.position.line))"])
        }
    }
}
