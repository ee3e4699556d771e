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
        options: [
            .asOf("the day to sweep as of (default: today)"),
            OptionSpec("--notices", value: "DIR", kind: .path, help: "where to write the agencies' notices (default: papers/flag-notices/DATE; '-': standard output)"),
            OptionSpec("--apply", help: "record the lifting in each case file ([flag] lifted and notice); with --purge: destroy the cases"),
            OptionSpec("--commit", help: "with --apply: commit the changed case files (the message names case ids only)"),
            OptionSpec("--purge", help: "instead: what destroying the cases past their retention period removes (a dry run without --apply)"),
            OptionSpec("--case", value: "ID", kind: .id, repeatable: true, help: "with --purge: only this case (repeat for more)"),
            OptionSpec("--decided-by", value: "ROLE", kind: .choice(RetentionPurge.Role.allCases.map(\.rawValue)), help: "with --purge --apply: who decided the destruction"),
            OptionSpec("--decided", value: "DATE", kind: .date, help: "with --purge --apply: the day it was decided"),
            OptionSpec("--decision-ref", value: "MEETING", kind: .id, help: "with --purge --apply: the meeting that decided it"),
            .format(["text", "json"], help: "text (default) or json: the summary"),
        ],
        constraints: [
            .requires("--commit", "--apply"), .notTogether(["--purge", "--commit"]), .notTogether(["--purge", "--notices"]),
            .requires("--case", "--purge"), .requires("--decided-by", "--purge"), .requires("--decided", "--purge"),
            .requires("--decision-ref", "--purge"),
        ],
        details: """
            A case's flags are due to be lifted when the flag period (marac.toml's profile, rule
            flag_months) has passed since the later of its last incident and its last accepted
            referral, with no repeat since. Cases transferred out, and cases whose flags were
            already lifted, are left out. Without --apply nothing in cases/ changes; running
            again after --apply finds nothing more to lift.
            The summary names case ids and agencies only; the notices name the people, so they
            go under papers/ (kept out of git) unless --notices says otherwise.
            Then the closed cases past their retention period (rule retention_months in [rules];
            no protocol gives a number, so it is off unless marac.toml sets one), for a
            destruction review: the period runs from the latest of the case's closure (or
            transfer out), the end of its flag period, its last hearing and its last disclosure;
            a case with retention_hold, or a disclosure requested and not yet made, is never
            listed. --purge lists what destroying them removes; --purge --apply (with
            --decided-by and --decided) removes the case files, their transfers/ folders and
            their [[hearing]] tables, commits, removes every earlier version of those files
            from the git history (git-filter-repo), and records ids and dates in
            destroyed/YYYY.toml, which git-crypt encrypts. It needs a clean, encrypted git work
            tree; other copies must then be force-pushed over and cloned again.
            """,
        examples: [
            "mfile sweep --as-of 2026-11-23", "mfile sweep --as-of 2026-11-23 --apply --commit",
            "mfile sweep --purge", "mfile sweep --purge --apply --decided-by chair --decided 2028-12-01 --decision-ref 2028-12-01-north",
        ],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let asOf = context.asOf
        if arguments.flag("--purge") { return try purge(context) }
        let notices: Sweep.NoticeTarget = switch arguments.value("--notices") {
        case nil: .papersFolder
        case "-": .text
        case let path?: .folder(context.url(path))
        }
        let outcome = try Sweep.run(
            Sweep.Request(
                asOf: asOf, notices: notices, apply: arguments.flag("--apply"), commit: arguments.flag("--commit"),
                writeText: { [console = context.console] text in console.write(text + "\n") }),
            root: context.repositoryRoot(), progress: context.console.progress("sweep: recording the lifting", unit: "cases")
        ) { _ in try context.loadRepository() }
        let console = context.console
        for text in outcome.noticeTexts { console.write(text + "\n") }
        switch context.format {
        case "json":
            console.print(JSONWriter.write(.object([
                ("as_of", .string(asOf.description)),
                ("flag_period", .string(outcome.period.description)),
                ("due", .array(outcome.due.map { item in
                    .object([
                        ("case", .string(ShownID.caseID(item.caseID))), ("file", .string(item.file)),
                        ("start", .string(item.start.description)), ("ended", .string(item.ended.description)),
                        ("notice", .array(item.agencies.map { .string($0) })),
                    ])
                })),
                ("already_lifted", .array(outcome.alreadyLifted.map { .string(ShownID.caseID($0.caseID)) })),
                ("notices", .array(outcome.noticeFiles.map { .string($0) })),
                ("applied", .array(outcome.applied.map { .string($0) })),
                ("failed", .array(outcome.failed.map { .object([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
                ("retention_period", outcome.retentionPeriod.map { .string($0.description) } ?? .null),
                ("retention_due", RetentionReport.json(outcome.retentionDue)),
            ]), pretty: true))
        default:
            if !outcome.alreadyLifted.isEmpty {
                console.printError("Already recorded as lifted on \(asOf) (their notices are written again): \(outcome.alreadyLifted.map { ShownID.caseID($0.caseID) }.joined(separator: ", "))")
            }
            if outcome.due.isEmpty {
                console.printError("No flags to lift as of \(asOf) (flag period \(outcome.period)).")
                for path in outcome.noticeFiles { console.printError("wrote \(path)") }
            } else {
                var text = "Flags to lift as of \(asOf) (flag period \(outcome.period), \(count(outcome.due.count, "case"))):\n"
                for item in outcome.due {
                    text += "  \(ShownID.caseID(item.caseID))  ended \(item.ended)  tell: \(item.agencies.joined(separator: ", "))\n"
                }
                if notices == .text { console.printError(text) } else { console.write(text) }
                for path in outcome.noticeFiles { console.printError("wrote \(path)") }
                if arguments.flag("--apply") {
                    console.printError("recorded the lifting ([flag] lifted = \(asOf)) in \(count(outcome.applied.count, "case file"))"
                        + (outcome.committed ? " and committed them" : ""))
                } else {
                    console.printError("Nothing was changed in the case files; record the lifting with 'mfile sweep --as-of \(asOf) --apply'.")
                }
            }
        }
        if context.format != "json" {
            for line in RetentionReport.lines(period: outcome.retentionPeriod, due: outcome.retentionDue, asOf: asOf) { console.printError(line) }
        }
        for failure in outcome.failed {
            console.printError("mfile sweep: error: \(failure.file): \(failure.reason)")
        }
        return outcome.failed.isEmpty ? .ok : .failure
    }

    /// `--purge`: a dry run, or with `--apply` the destruction (`RetentionPurge`).
    static func purge(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        var decision: RetentionPurge.Decision?
        if arguments.flag("--apply") {
            guard let role = arguments.value("--decided-by").flatMap(RetentionPurge.Role.init(rawValue:)), let decided = arguments.date("--decided") else {
                throw UsageError("--purge --apply needs who decided and when: --decided-by ROLE --decided DATE")
            }
            decision = .init(role: role, decided: decided, reference: arguments.value("--decision-ref"))
        }
        // Destroying: the lock is taken before the records are read.
        let lock = decision == nil ? nil : try RepositoryLock.acquire(root: context.repositoryRoot())
        defer { withExtendedLifetime(lock) {} }
        let repository = try context.loadRepository()
        let plan = try RetentionPurge.plan(repository, asOf: context.asOf, only: arguments.allValues("--case"))
        var outcome = plan
        if let decision, let lock {
            outcome = try RetentionPurge.apply(plan, decision: decision, repository: repository, under: lock)
        }
        if context.format == "json" {
            context.console.print(JSONWriter.write(RetentionReport.json(outcome), pretty: true))
        } else {
            for line in RetentionReport.lines(outcome) { context.console.print(line) }
        }
        if outcome.applied { context.console.printError(RetentionReport.afterwards) }
        return .ok
    }
}
