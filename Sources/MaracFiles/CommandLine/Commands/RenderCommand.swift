import Foundation
import MaracBase
import MaracPapers
import MaracRepository
import MaracVault

/// `mfile render PAPER ...`: the agenda, minutes, case minutes, actions list or case register,
/// as HTML (to print or save as PDF) or Markdown.
enum RenderCommand {
    static let command = Command(
        name: "render",
        summary: "render a paper: agenda, minutes, case-minutes, actions or register",
        options: [
            .format(["html", "md"], help: "html (default): one self-contained page to print on A4; md: Markdown"),
            OptionSpec("--output", value: "PATH", kind: .path, help: "write the paper to PATH (replaced in one step) instead of standard output"),
            OptionSpec("--closed", help: "the closed session's own paper: only closed-session cases (register: every row in full); never send it with the general papers"),
        ],
        details: """
            MEETING is a meeting id (its file name without .toml, e.g. 2026-11-05-north) or its date.
            Closed-session cases never appear in the general papers; --closed renders their
            separate papers. Templates come from the repository's templates/ folder, else the
            built-in defaults. The same records always give the same bytes.
            To print to PDF: open the HTML in a browser and print, or
              chromium --headless --no-pdf-header-footer --print-to-pdf=agenda.pdf agenda.html
            Exit status: 0 written, 2 unknown meeting or case, usage or I/O error.
            """,
        subcommands: [
            Command(
                name: "agenda", summary: "the agenda of a meeting, in order, with time slots and the case cap",
                positionals: [meeting],
                options: [OptionSpec("--start", value: "HH:MM", kind: .time, help: "when the first case is heard (default 09:30)")],
                examples: ["mfile render agenda 2026-11-05-north --output agenda.html"],
                run: { try render(.agenda(meeting: $0.arguments.positional[0], start: PaperText.minutes(clock: $0.arguments.value("--start") ?? "09:30") ?? 570), $0) }),
            Command(
                name: "minutes", summary: "the minutes of a meeting",
                positionals: [meeting],
                examples: ["mfile render minutes 2026-11-05-north --format md"],
                run: { try render(.minutes(meeting: $0.arguments.positional[0]), $0) }),
            Command(
                name: "case-minutes", summary: "the minutes of one case's hearing at a meeting",
                positionals: [meeting, PositionalSpec("CASE", kind: .id)],
                examples: ["mfile render case-minutes 2026-11-05-north 2026-EXMP-001"],
                run: { try render(.caseMinutes(meeting: $0.arguments.positional[0], caseID: $0.arguments.positional[1]), $0) }),
            Command(
                name: "actions", summary: "each agency's open and overdue actions",
                options: [
                    OptionSpec("--agency", value: "ID", kind: .id, help: "only this agency's actions (an [[agency]] id)"),
                    .asOf("overdue means due before DATE (default today)"),
                ],
                examples: ["mfile render actions --agency housing --as-of 2026-11-27"],
                run: { try render(.actions(agency: $0.arguments.value("--agency"), asOf: $0.asOf), $0) }),
            Command(
                name: "register", summary: "the case register",
                examples: ["mfile render register --format md"],
                run: { try render(.register, $0) }),
        ])

    static let meeting = PositionalSpec("MEETING", kind: .id)

    /// Renders `paper` with the repository's rules and writes it to `--output` or standard output.
    static func render(_ paper: Papers.Request.Paper, _ context: CommandContext) throws -> ExitStatus {
        let format = PaperFormat(rawValue: context.format) ?? .html
        let scope: SessionScope = context.arguments.flag("--closed") ? .closed : .general
        let repository = try context.loadRepository()
        let text = try Papers.render(
            Papers.Request(paper, format: format, scope: scope), repository: repository,
            rules: PaperRules.of(repository.configuration))
        warn(about: paper, repository: repository, console: context.console)
        if let output = context.arguments.value("--output") {
            try PapersGuard.write(text, to: context.url(output), root: repository.root, option: "--output")
            context.console.printError("wrote \(output)")
        } else {
            context.console.write(text)
        }
        return .ok
    }

    /// Tells the user (on standard error, naming ids only) what the paper had to leave out:
    /// hearings of cases with no case file, and files that could not be read.
    static func warn(about paper: Papers.Request.Paper, repository: Repository, console: Console) {
        let meetingID: String?
        switch paper {
        case .agenda(let id, _), .minutes(let id), .caseMinutes(let id, _): meetingID = id
        case .actions, .register: meetingID = nil
        }
        if let meetingID, let meeting = repository.findMeeting(meetingID) {
            for hearing in meeting.hearings {
                guard let id = hearing.caseID else { continue }
                if repository.findCase(id) == nil {
                    console.printError("mfile render: warning: \(meeting.file) lists case \(ShownID.caseID(id)), which has no case file; it is left off this paper (see 'mfile lint')")
                }
            }
        }
        let errors = repository.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            console.printError("mfile render: warning: \(errors) problem\(errors == 1 ? "" : "s") in the records; check the paper and run 'mfile lint'")
        }
    }
}
