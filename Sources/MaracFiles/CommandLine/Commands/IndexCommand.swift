import Foundation
import MaracBase
import MaracIndex

/// `mfile index`: builds or brings up to date the people-and-case index in `.mfile/index`.
enum IndexCommand {
    static let command = Command(
        name: "index",
        summary: "build the people-and-case index used by find and links (incremental)",
        options: [OptionSpec("--full", help: "ignore the stored index and read every file")],
        details: """
            The index (.mfile/index, never committed) holds every victim, perpetrator and child
            with their cases and matching keys, and every case's hearings, repeats and linked
            cases. Files whose size and modification time are unchanged are not read again; a
            changed file is read and hashed, and decoded again only if its content changed.
            find, links and stats bring the index up to date themselves when it is stale, and
            rebuild it when it is damaged; running index first only saves them the time.
            """,
        examples: ["mfile index", "mfile index --full"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let root = try context.repositoryRoot()
        let started = Date()
        var previous: IndexFormat.RawIndex?
        var note = ""
        if !context.arguments.flag("--full") {
            switch IndexStore.read(root: root) {
            case .success(let index): previous = index
            case .failure(let problem): note = " (\(problem.description); rebuilt)"
            case .none: break
            }
        }
        let progress = context.console.progress("index", unit: "files")
        let outcome = try IndexBuilder.update(root: root, previous: previous, progress: progress)
        progress?.finish()
        if !outcome.unchanged { try IndexStore.save(outcome.bytes, root: root) }
        let seconds = Date().timeIntervalSince(started)
        let cases = outcome.caseCount, meetings = outcome.meetingCount
        context.console.printError(
            "index: \(cases) case\(cases == 1 ? "" : "s"), \(meetings) meeting\(meetings == 1 ? "" : "s"); "
                + "\(outcome.filesRead) file\(outcome.filesRead == 1 ? "" : "s") read (\(outcome.filesDecoded) changed), "
                + "\(outcome.filesReused) unchanged; repeats and links worked out for \(outcome.casesRelated) case\(outcome.casesRelated == 1 ? "" : "s")"
                + note + String(format: " in %.2f s", seconds))
        return .ok
    }
}
