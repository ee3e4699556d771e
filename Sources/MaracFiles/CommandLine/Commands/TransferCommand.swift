import Foundation
import MaracBase
import MaracPapers
import MaracRepository
import MaracTransfer
import MaracVault

/// `mfile transfer out|in|acknowledge|minutes`: MARAC-to-MARAC transfers.
enum TransferCommand {
    static let command = Command(
        name: "transfer",
        summary: "MARAC-to-MARAC transfer: send a case (out), import one (in), acknowledge it, its sender's minutes",
        details: """
            out: writes one bundle file, encrypted with age, holding the case minutes of every
            hearing, the referrals with risk assessment and the open action plan as HTML papers
            marked as marac.toml says, a cover sheet, and the case's record data for the
            receiving mfile. The case file gets a [[transfer]] entry (direction = "out") and
            status = "transferred-out". A closed-session case needs --confirm-closed.
            in: opens the bundle, checks every file against the manifest's SHA-256, the schemas
            and lint, and imports the case under a new id: [[transfer]] (direction = "in",
            their_id) and a new [[referral]] with criteria = ["transfer-in"], accepted on the
            day received, so it is listed for the next meeting. Papers and record data are kept
            in transfers/NEW-ID/. A bundle that fails a check changes nothing.
            Signatures: out signs the manifest (every file's SHA-256) with the MARAC's SSH key
            (ssh-keygen -Y sign, namespace mfile-bundle); in checks it against
            transfers/allowed_signers (one line per known MARAC: NAME namespaces="mfile-bundle"
            KEY) and refuses an unsigned bundle or an unknown signer unless --unsigned, and a
            signature that does not match the bundle always. The signer's NAME is recorded as
            signed_by in the [[transfer]] entry.
            acknowledge: records acknowledged = DATE in the case's [[transfer]] entry and writes
            the acknowledgement for the sending MARAC (ids and dates only).
            minutes: the sending MARAC's case minutes of MEETING for a case transferred in.
            Passphrases are typed at the terminal when age asks (never on the command line).
            For automation only, MFILE_PASSPHRASE_FILE=PATH gives age the passphrase in PATH's
            first line. age must be installed (Debian/Ubuntu: apt-get install age).
            Exit status: 0 done, 2 refused (the reasons are printed), usage or I/O error.
            """,
        subcommands: [
            Command(
                name: "out", summary: "send a case to another MARAC: an encrypted bundle, and the transfer recorded",
                positionals: [PositionalSpec("CASE", kind: .caseID)],
                options: [
                    OptionSpec("--to", value: "NAME", required: true, help: "the receiving MARAC"),
                    OptionSpec("--recipient", value: "KEY", repeatable: true, help: "the receiving MARAC's age public key (age1...) or a recipients file; without it age asks for a passphrase"),
                    OptionSpec("--notified", value: "DATE", kind: .date, help: "the day you learned the victim moved (the 3 working days count from it)"),
                    .asOf("the day sent (default today)"),
                    OptionSpec("--output", value: "PATH", kind: .path, help: "the bundle file (default transfer-CASE-DATE.age)"),
                    OptionSpec("--confirm-closed", help: "send a closed-session case (its papers are kept apart)"),
                    OptionSpec("--signing-key", value: "FILE", kind: .path, help: "the MARAC's SSH private key that signs the bundle (default: $MFILE_SIGNING_KEY)"),
                    OptionSpec("--unsigned", help: "send the bundle without a signature"),
                ],
                constraints: [.notTogether(["--signing-key", "--unsigned"])],
                examples: ["mfile transfer out 2026-EXMP-004 --to \"Example South MARAC\" --recipient age1... --signing-key ~/.ssh/marac-signing"],
                run: out),
            Command(
                name: "in", summary: "import a case sent by another MARAC",
                positionals: [PositionalSpec("BUNDLE", kind: .path)],
                options: [
                    OptionSpec("--identity", value: "FILE", kind: .path, help: "your age identity file; without it age asks for the passphrase"),
                    OptionSpec("--marac", value: "ID", kind: .id, help: "the MARAC to hear the case (needed when marac.toml has more than one)"),
                    OptionSpec("--agency", value: "ID", kind: .id, help: "the agency referring the case here (default: the latest referral's agency)"),
                    OptionSpec("--from", value: "NAME", help: "the sending MARAC (default: its name in the bundle)"),
                    .asOf("the day received (default today)"),
                    OptionSpec("--unsigned", help: "accept a bundle unsigned, or signed by a key not in transfers/allowed_signers (after checking with the sender)"),
                ],
                examples: ["mfile transfer in transfer-2026-ABCD-001-2026-12-01.age --identity ~/marac.key"],
                run: importBundle),
            Command(
                name: "acknowledge", summary: "record the receipt of a case transferred in and write the acknowledgement for the sender",
                positionals: [PositionalSpec("CASE", kind: .id)],
                options: [
                    .asOf("the day acknowledged (default today)"),
                    OptionSpec("--output", value: "PATH", kind: .path, help: "write the acknowledgement to PATH (default standard output)"),
                ],
                examples: ["mfile transfer acknowledge 2026-EXMP-020 --output acknowledgement.html"],
                run: acknowledge),
            Command(
                name: "minutes", summary: "the sending MARAC's case minutes of a case transferred in",
                positionals: [PositionalSpec("CASE", kind: .caseID), PositionalSpec("MEETING", kind: .id)],
                options: [OptionSpec("--output", value: "PATH", kind: .path, help: "write the paper to PATH (default standard output)")],
                examples: ["mfile transfer minutes 2026-EXMP-020 2026-10-01-north"],
                run: minutes),
        ])

    static func out(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let caseID = arguments.positional[0]
        let to = arguments.value("--to") ?? ""
        let sent = context.asOf
        let notified = arguments.date("--notified")
        if let notified, notified > sent { throw UsageError("--notified is after the day sent (--as-of)") }
        let root = try context.repositoryRoot()
        let lock = try AgeCrypt.lock(recipients: arguments.allValues("--recipient"), relativeTo: context.workingDirectory)
        let output = context.url(arguments.value("--output") ?? CaseBundle.fileName("transfer", caseID: caseID, date: sent))
        let result = try TransferOut.run(
            TransferOut.Request(
                caseID: caseID, to: to, lock: lock, sent: sent, notified: notified, output: output,
                confirmClosed: arguments.flag("--confirm-closed"),
                signingKey: signingKey(context), unsigned: arguments.flag("--unsigned")),
            root: root, age: try AgeCrypt.required())
        context.console.print(arguments.value("--output") ?? output.lastPathComponent)
        context.console.printError("wrote the bundle (\(result.papers.count) papers, \(result.recordFiles.count) record files); recorded the transfer in \(result.caseFile) (status = \"transferred-out\")")
        return .ok
    }

    static func importBundle(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let root = try context.repositoryRoot()
        let key = try AgeCrypt.key(identity: arguments.value("--identity").map(context.url))
        let result = try TransferIn.run(
            TransferIn.Request(
                bundle: context.url(arguments.positional[0]), key: key, received: context.asOf,
                marac: arguments.value("--marac"), agency: arguments.value("--agency"), from: arguments.value("--from"),
                acceptUnsigned: arguments.flag("--unsigned")),
            root: root, age: try AgeCrypt.required())
        for warning in result.warnings { context.console.printError(warning.line) }
        context.console.print(result.caseFile)
        context.console.printError("imported their case \(ShownID.caseID(result.theirID)) as \(result.caseID) (\(result.signedBy.map { "signed by \($0)" } ?? "accepted unsigned")); papers and record data kept in \(result.folder)/; a transfer-in referral lists it for the next meeting. Acknowledge receipt with 'mfile transfer acknowledge \(result.caseID) --output FILE' and refer the victim to the IDVA service (idva_referred in the new [[referral]]).")
        return .ok
    }

    static func minutes(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        let root = try context.repositoryRoot()
        let html = try TransferMinutes.render(positional[0], meeting: positional[1], root: root)
        if let output = context.arguments.value("--output") {
            try PapersGuard.write(html, to: context.url(output), root: root, option: "--output")
            context.console.printError("wrote \(output)")
        } else {
            context.console.write(html)
        }
        return .ok
    }

    static func acknowledge(_ context: CommandContext) throws -> ExitStatus {
        let root = try context.repositoryRoot()
        let output = context.arguments.value("--output").map(context.url)
        // The paper's place is checked before anything is recorded.
        if let output { try PapersGuard.check(file: output, root: root, option: "--output") }
        let result = try TransferAcknowledgement.run(caseID: context.arguments.positional[0], date: context.asOf, root: root)
        if let output {
            try PapersGuard.write(result.html, to: output, root: root, option: "--output")
            context.console.printError("wrote \(context.arguments.value("--output") ?? output.path)")
        } else {
            context.console.write(result.html)
        }
        context.console.printError(result.recorded
            ? "recorded acknowledged = \(result.acknowledged) in \(result.caseFile)"
            : "receipt was already acknowledged on \(result.acknowledged) in \(result.caseFile); nothing was changed")
        return .ok
    }

    /// `--signing-key`, else `MFILE_SIGNING_KEY`, as a path.
    static func signingKey(_ context: CommandContext) -> String? {
        guard let path = context.arguments.value("--signing-key") ?? ProcessInfo.processInfo.environment["MFILE_SIGNING_KEY"], !path.isEmpty else {
            return nil
        }
        return context.url(path).path
    }
}
