import Foundation
import MaracBase
import MaracJSON
import MaracPapers
import MaracProtocol
import MaracRecords
import MaracReports
import MaracRepository
import MaracVault

/// `mfile sweep`: the flags due to be lifted, the notice each agency needs, and (with
/// `--apply`) the lifting recorded in each case file.
enum SweepCommand {
    static let command = Command(
        name: "sweep",
        summary: "list the flags to lift (flag period ended) and write each agency's notice",
        usage: "sweep [--as-of DATE] [--notices DIR|-] [--apply [--commit]] [--format text|json]",
        options: [
            OptionSpec("--as-of", value: "DATE", help: "the day to sweep as of (default: today)"),
            OptionSpec("--notices", value: "DIR", help: "where to write the agencies' notices (default: papers/flag-notices/DATE; '-': standard output)"),
            OptionSpec("--apply", help: "record the lifting in each case file ([flag] lifted and notice)"),
            OptionSpec("--commit", help: "with --apply: commit the changed case files (the message names case ids only)"),
            OptionSpec("--format", value: "FORMAT", help: "text (default) or json: the summary"),
        ],
        details: """
            A case's flags are due to be lifted when the flag period (marac.toml's profile, rule
            flag_months) has passed since the later of its last incident and its last accepted
            referral, with no repeat since. Cases transferred out, and cases whose flags were
            already lifted, are left out. Without --apply nothing in cases/ changes; running
            again after --apply finds nothing more to lift.
            The summary names case ids and agencies only; the notices name the people, so they
            go under papers/ (kept out of git) unless --notices says otherwise.
            """,
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let format = try context.format(["text", "json"])
        guard context.arguments.positional.isEmpty else { throw UsageError("sweep takes no arguments; see 'mfile sweep --help'") }
        if context.arguments.flag("--commit"), !context.arguments.flag("--apply") {
            throw UsageError("--commit needs --apply (nothing is changed without it)")
        }
        let asOf = try context.asOf()
        // Writers (the case files, the notices) hold the repository lock from reading to writing.
        let writes = context.arguments.flag("--apply") || context.arguments.value("--notices") != "-"
        let lock = writes ? try RepositoryLock.acquire(root: context.repositoryRoot()) : nil
        defer { withExtendedLifetime(lock) {} }
        let repository = try context.loadRepository()
        if context.arguments.flag("--commit"), try VaultLayout.find(root: repository.root) == nil {
            throw RepositoryError(VaultLayout.notARepositoryMessage(repository.root) + "; nothing was changed (or run without --commit)")
        }
        let period = try flagPeriod(repository.configuration)
        let calendar = WorkingCalendar(closures: repository.configuration.closures)
        let rules = try PaperRules.of(repository.configuration)
        let recipients = { (record: Case) in FlagNotice.recipients(of: record, in: repository, rules: rules) }
        let due = FlagSweep.due(repository, period: period, asOf: asOf, calendar: calendar, recipients: recipients)

        let liftedToday = FlagSweep.liftedOn(asOf, repository, period: period, calendar: calendar, recipients: recipients)
        let notices = try writeNotices(
            (due + liftedToday).sorted { $0.caseID < $1.caseID }, repository: repository, period: period, asOf: asOf,
            context: context)
        var applied: [String] = []
        var failed: [FlagLifting.Failure] = []
        if context.arguments.flag("--apply") {
            (applied, failed) = FlagLifting.apply(due, asOf: asOf, root: repository.root)
            if context.arguments.flag("--commit"), !applied.isEmpty {
                try FlagLifting.commit(applied, due: due, asOf: asOf, root: repository.root)
            }
        }
        let console = context.console
        switch format {
        case "json":
            console.print(JSONWriter.write(.object([
                ("as_of", .string(asOf.description)),
                ("flag_period", .string(period.description)),
                ("due", .array(due.map { item in
                    .object([
                        ("case", .string(ShownID.caseID(item.caseID))), ("file", .string(item.file)),
                        ("start", .string(item.start.description)), ("ended", .string(item.ended.description)),
                        ("notice", .array(item.agencies.map { .string($0) })),
                    ])
                })),
                ("already_lifted", .array(liftedToday.map { .string(ShownID.caseID($0.caseID)) })),
                ("notices", .array(notices.map { .string($0) })),
                ("applied", .array(applied.map { .string($0) })),
                ("failed", .array(failed.map { .object([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
            ]), pretty: true))
        default:
            if !liftedToday.isEmpty {
                console.printError("Already recorded as lifted on \(asOf) (their notices are written again): \(liftedToday.map { ShownID.caseID($0.caseID) }.joined(separator: ", "))")
            }
            if due.isEmpty {
                console.printError("No flags to lift as of \(asOf) (flag period \(period)).")
                for path in notices { console.printError("wrote \(path)") }
            } else {
                var text = "Flags to lift as of \(asOf) (flag period \(period), \(LintCommand.count(due.count, "case"))):\n"
                for item in due {
                    text += "  \(ShownID.caseID(item.caseID))  ended \(item.ended)  tell: \(item.agencies.joined(separator: ", "))\n"
                }
                if context.arguments.value("--notices") == "-" { console.printError(text) } else { console.write(text) }
                for path in notices { console.printError("wrote \(path)") }
                if context.arguments.flag("--apply") {
                    console.printError("recorded the lifting ([flag] lifted = \(asOf)) in \(LintCommand.count(applied.count, "case file"))"
                        + (context.arguments.flag("--commit") && !applied.isEmpty ? " and committed them" : ""))
                } else {
                    console.printError("Nothing was changed in the case files; record the lifting with 'mfile sweep --as-of \(asOf) --apply'.")
                }
            }
        }
        for failure in failed {
            console.printError("mfile sweep: error: \(failure.file): \(failure.reason)")
        }
        return failed.isEmpty ? .ok : .failure
    }

    /// The effective flag period, or why there is none.
    static func flagPeriod(_ configuration: Configuration) throws -> RulePeriod {
        let rules: ProtocolRules
        do {
            rules = try ProtocolRules.effective(profile: configuration.profile, overrides: configuration.rules).rules
        } catch let error as RulesError {
            throw RepositoryError("marac.toml's [rules] have problems (\(error.description)); correct them, checking with 'mfile lint'")
        }
        guard let period = rules.flagPeriod else {
            throw RepositoryError("the \(configuration.profile) protocol has no flag period; set one in marac.toml under [rules], e.g. flag_months = 12")
        }
        return period
    }

    /// One notice per agency with flags to lift; returns the paths written (none for '-').
    static func writeNotices(
        _ due: [FlagSweep.Due], repository: Repository, period: RulePeriod, asOf: LocalDate, context: CommandContext
    ) throws -> [String] {
        guard !due.isEmpty else { return [] }
        let template = try FlagNotice.template(root: repository.root)
        let target = context.arguments.value("--notices")
        let folder = target == "-" ? nil : URL(
            fileURLWithPath: target ?? "papers/flag-notices/\(asOf)",
            relativeTo: target == nil ? repository.root : context.workingDirectory).standardizedFileURL
        if let folder { try PapersGuard.check(folder, root: repository.root) }
        var written: [String] = []
        for agency in repository.configuration.agencies {
            let cases = due.filter { $0.agencies.contains(agency.id) }.compactMap { item in
                repository.findCase(item.caseID).map { (due: item, record: $0) }
            }
            guard !cases.isEmpty else { continue }
            let text = try FlagNotice.render(template, agency: agency, cases: cases, repository: repository, period: period, asOf: asOf)
            if let folder {
                let url = folder.appendingPathComponent("\(agency.id).md")
                try AtomicWrite.write(text, to: url, access: .ownerOnly)
                written.append(url.path)
            } else {
                context.console.write(text + "\n")
            }
        }
        return written
    }
}
