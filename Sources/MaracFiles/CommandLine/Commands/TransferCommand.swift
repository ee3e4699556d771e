import Foundation
import MaracBase
import MaracPapers
import MaracRepository
import MaracTransfer
import MaracVault

/// `mfile transfer out|in|minutes`: MARAC-to-MARAC transfers.
enum TransferCommand {
    static let command = Command(
        name: "transfer",
        summary: "MARAC-to-MARAC transfer: send a case (out), import one (in), acknowledge it, its sender's minutes",
        usage: "transfer out CASE --to NAME [--recipient KEY|FILE]... (--signing-key FILE | --unsigned) [--notified DATE] [--as-of DATE] [--output PATH] [--confirm-closed] | transfer in BUNDLE [--identity FILE] [--unsigned] [--marac ID] [--agency ID] [--from NAME] [--as-of DATE] | transfer acknowledge CASE [--as-of DATE] [--output PATH] | transfer minutes CASE MEETING [--output PATH]",
        options: [
            OptionSpec("--to", value: "NAME", help: "out: the receiving MARAC"),
            OptionSpec("--recipient", value: "KEY", repeatable: true, help: "out: the receiving MARAC's age public key (age1...) or a recipients file; without it age asks for a passphrase"),
            OptionSpec("--notified", value: "DATE", help: "out: the day you learned the victim moved (the 3 working days count from it)"),
            OptionSpec("--as-of", value: "DATE", help: "out: the day sent; in: the day received (default today)"),
            OptionSpec("--output", value: "PATH", help: "out: the bundle file (default transfer-CASE-DATE.age); minutes: the paper (default standard output)"),
            OptionSpec("--confirm-closed", help: "out: send a closed-session case (its papers are kept apart)"),
            OptionSpec("--identity", value: "FILE", help: "in: your age identity file; without it age asks for the passphrase"),
            OptionSpec("--marac", value: "ID", help: "in: the MARAC to hear the case (needed when marac.toml has more than one)"),
            OptionSpec("--agency", value: "ID", help: "in: the agency referring the case here (default: the latest referral's agency)"),
            OptionSpec("--from", value: "NAME", help: "in: the sending MARAC (default: its name in the bundle)"),
            OptionSpec("--signing-key", value: "FILE", help: "out: the MARAC's SSH private key that signs the bundle (default: $MFILE_SIGNING_KEY)"),
            OptionSpec("--unsigned", help: "out: send without a signature; in: accept a bundle unsigned or signed by a key not in transfers/allowed_signers"),
        ],
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
            acknowledge: records acknowledged = DATE (--as-of, default today) in the case's
            [[transfer]] entry and writes the acknowledgement for the sending MARAC (ids and
            dates only) to --output or standard output.
            minutes: the sending MARAC's case minutes of MEETING for a case transferred in.
            Passphrases are typed at the terminal when age asks (never on the command line).
            For automation only, MFILE_PASSPHRASE_FILE=PATH gives age the passphrase in PATH's
            first line. age must be installed (Debian/Ubuntu: apt-get install age).
            Exit status: 0 done, 2 refused (the reasons are printed), usage or I/O error.
            """,
        run: run)

    static let subcommands = ["out", "in", "acknowledge", "minutes"]

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        guard let sub = positional.first, subcommands.contains(sub) else {
            throw UsageError("say what to do: transfer out CASE, transfer in BUNDLE, transfer acknowledge CASE or transfer minutes CASE MEETING")
        }
        let allowed: [String: Set<String>] = [
            "out": ["--to", "--recipient", "--notified", "--as-of", "--output", "--confirm-closed", "--signing-key", "--unsigned", "--repo"],
            "in": ["--identity", "--marac", "--agency", "--from", "--as-of", "--unsigned", "--repo"],
            "acknowledge": ["--as-of", "--output", "--repo"],
            "minutes": ["--output", "--repo"],
        ]
        for option in Set(context.arguments.values.keys).union(context.arguments.flags) where !allowed[sub]!.contains(option) {
            throw UsageError("\(option) is not used by 'transfer \(sub)'")
        }
        switch sub {
        case "out": return try out(context)
        case "in": return try importBundle(context)
        case "acknowledge": return try acknowledge(context)
        default: return try minutes(context)
        }
    }

    static func out(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        guard positional.count == 2 else { throw UsageError("'transfer out' takes one CASE id") }
        guard let to = context.arguments.value("--to"), !to.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("name the receiving MARAC with --to NAME")
        }
        let caseID = positional[1]
        if context.arguments.flag("--unsigned"), context.arguments.value("--signing-key") != nil {
            throw UsageError("--signing-key and --unsigned contradict each other; give one")
        }
        let sent = try context.asOf()
        let notified = try TransferCommandSupport.date(context, "--notified")
        if let notified, notified > sent { throw UsageError("--notified is after the day sent (--as-of)") }
        let root = try context.repositoryRoot()
        return try TransferCommandSupport.reporting("transfer", context) {
            let lock = try TransferCommandSupport.lock(context)
            let output = TransferCommandSupport.output(context, default: "transfer-\(safeName(caseID))-\(sent).age")
            let result = try TransferOut.run(
                TransferOut.Request(
                    caseID: caseID, to: to, lock: lock, sent: sent, notified: notified, output: output,
                    confirmClosed: context.arguments.flag("--confirm-closed"),
                    signingKey: signingKey(context), unsigned: context.arguments.flag("--unsigned")),
                root: root, age: try AgeCrypt.required())
            context.console.print(context.arguments.value("--output") ?? output.lastPathComponent)
            context.console.printError("wrote the bundle (\(result.papers.count) papers, \(result.recordFiles.count) record files); recorded the transfer in \(result.caseFile) (status = \"transferred-out\")")
            return .ok
        }
    }

    static func importBundle(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        guard positional.count == 2 else { throw UsageError("'transfer in' takes one BUNDLE file") }
        let received = try context.asOf()
        let root = try context.repositoryRoot()
        let bundle = URL(fileURLWithPath: positional[1], relativeTo: context.workingDirectory).standardizedFileURL
        return try TransferCommandSupport.reporting("transfer", context) {
            let key: AgeCrypt.Key
            if let identity = context.arguments.value("--identity") {
                let url = URL(fileURLWithPath: identity, relativeTo: context.workingDirectory).standardizedFileURL
                guard FileManager.default.isReadableFile(atPath: url.path) else { throw UsageError("--identity: \(identity) cannot be read") }
                key = .identity(url.path)
            } else {
                key = .passphrase(try PassphraseSource.fromEnvironment())
            }
            let result = try TransferIn.run(
                TransferIn.Request(
                    bundle: bundle, key: key, received: received, marac: context.arguments.value("--marac"),
                    agency: context.arguments.value("--agency"), from: context.arguments.value("--from"),
                    acceptUnsigned: context.arguments.flag("--unsigned")),
                root: root, age: try AgeCrypt.required())
            for warning in result.warnings { context.console.printError(warning.line) }
            context.console.print(result.caseFile)
            context.console.printError("imported their case \(result.theirID) as \(result.caseID) (\(result.signedBy.map { "signed by \($0)" } ?? "accepted unsigned")); papers and record data kept in \(result.folder)/; a transfer-in referral lists it for the next meeting. Acknowledge receipt with 'mfile transfer acknowledge \(result.caseID) --output FILE' and refer the victim to the IDVA service (idva_referred in the new [[referral]]).")
            return .ok
        }
    }

    static func acknowledge(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        guard positional.count == 2 else { throw UsageError("'transfer acknowledge' takes one CASE id (this MARAC's id of a case transferred in)") }
        let date = try context.asOf()
        let root = try context.repositoryRoot()
        let output = context.arguments.value("--output").map { URL(fileURLWithPath: $0, relativeTo: context.workingDirectory).standardizedFileURL }
        // The paper's place is checked before anything is recorded.
        if let output { try PapersGuard.check(file: output, root: root, option: "--output") }
        return try TransferCommandSupport.reporting("transfer", context) {
            let result = try TransferAcknowledgement.run(caseID: positional[1], date: date, root: root)
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
    }

    /// `--signing-key`, else `MFILE_SIGNING_KEY`, as a path.
    static func signingKey(_ context: CommandContext) -> String? {
        guard let path = context.arguments.value("--signing-key") ?? ProcessInfo.processInfo.environment["MFILE_SIGNING_KEY"], !path.isEmpty else {
            return nil
        }
        return URL(fileURLWithPath: path, relativeTo: context.workingDirectory).standardizedFileURL.path
    }

    static func minutes(_ context: CommandContext) throws -> ExitStatus {
        let positional = context.arguments.positional
        guard positional.count == 3 else { throw UsageError("'transfer minutes' takes a CASE id and a MEETING id (the sending MARAC's)") }
        let root = try context.repositoryRoot()
        return try TransferCommandSupport.reporting("transfer", context) {
            let html = try TransferMinutes.render(positional[1], meeting: positional[2], root: root)
            if let output = context.arguments.value("--output") {
                try PapersGuard.write(html, to: URL(fileURLWithPath: output, relativeTo: context.workingDirectory).standardizedFileURL, root: root, option: "--output")
                context.console.printError("wrote \(output)")
            } else {
                context.console.write(html)
            }
            return .ok
        }
    }

    /// A case id as it may appear in a file name.
    static func safeName(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }
}
