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
            OptionSpec("--apply", help: "record the lifting in each case file ([flag] lifted and notice)"),
            OptionSpec("--commit", help: "with --apply: commit the changed case files (the message names case ids only)"),
            .format(["text", "json"], help: "text (default) or json: the summary"),
        ],
        constraints: [.requires("--commit", "--apply")],
        details: """
            A case's flags are due to be lifted when the flag period (marac.toml's profile, rule
            flag_months) has passed since the later of its last incident and its last accepted
            referral, with no repeat since. Cases transferred out, and cases whose flags were
            already lifted, are left out. Without --apply nothing in cases/ changes; running
            again after --apply finds nothing more to lift.
            The summary names case ids and agencies only; the notices name the people, so they
            go under papers/ (kept out of git) unless --notices says otherwise.
            """,
        examples: ["mfile sweep --as-of 2026-11-23", "mfile sweep --as-of 2026-11-23 --apply --commit"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let asOf = context.asOf
        let notices: Sweep.NoticeTarget = switch arguments.value("--notices") {
        case nil: .papersFolder
        case "-": .text
        case let path?: .folder(context.url(path))
        }
        let outcome = try Sweep.run(
            Sweep.Request(asOf: asOf, notices: notices, apply: arguments.flag("--apply"), commit: arguments.flag("--commit")),
            repository: context.loadRepository(), progress: context.console.progress("sweep: recording the lifting", unit: "cases"))
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
        for failure in outcome.failed {
            console.printError("mfile sweep: error: \(failure.file): \(failure.reason)")
        }
        return outcome.failed.isEmpty ? .ok : .failure
    }
}
