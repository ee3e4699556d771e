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
        usage: "render agenda MEETING | minutes MEETING | case-minutes MEETING CASE | actions | register [--format html|md] [--output PATH] [--closed]",
        options: [
            OptionSpec("--format", value: "FORMAT", help: "html (default): one self-contained page to print on A4; md: Markdown"),
            OptionSpec("--output", value: "PATH", help: "write the paper to PATH (replaced in one step) instead of standard output"),
            OptionSpec("--closed", help: "the closed session's own paper: only closed-session cases (register: every row in full); never send it with the general papers"),
            OptionSpec("--start", value: "HH:MM", help: "agenda: when the first case is heard (default 09:30)"),
            OptionSpec("--agency", value: "ID", help: "actions: only this agency's actions (an [[agency]] id)"),
            OptionSpec("--as-of", value: "DATE", help: "actions: overdue means due before DATE (default today)"),
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
        run: run)

    /// Renders with the repository's rules; an unknown meeting, case or agency is a usage error.
    static func render(_ request: Papers.Request, repository: Repository) throws(UsageError) -> String {
        let result = Result { () throws(PaperError) -> String in
            try Papers.render(request, repository: repository, rules: PaperRules.of(repository.configuration))
        }
        switch result {
        case .success(let text): return text
        case .failure(let error): throw UsageError(error.message)
        }
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

    static let papers = ["agenda", "minutes", "case-minutes", "actions", "register"]

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let positional = arguments.positional
        guard let paperName = positional.first else {
            throw UsageError("name the paper to render: \(papers.joined(separator: ", "))")
        }
        let formatName = try context.format(["html", "md"])
        let format = PaperFormat(rawValue: formatName) ?? .html
        let scope: SessionScope = arguments.flag("--closed") ? .closed : .general

        func expect(_ count: Int, _ names: String) throws {
            guard positional.count - 1 == count else {
                throw UsageError("'render \(paperName)' takes \(count == 0 ? "no arguments" : names)")
            }
        }
        func reject(_ options: [String]) throws {
            for option in options where arguments.values[option] != nil {
                throw UsageError("\(option) is not used by 'render \(paperName)'")
            }
        }
        let paper: Papers.Request.Paper
        switch paperName {
        case "agenda":
            try expect(1, "a MEETING id")
            try reject(["--agency", "--as-of"])
            let startText = arguments.value("--start") ?? "09:30"
            guard let start = PaperText.minutes(clock: startText) else {
                throw UsageError("--start needs a time written HH:MM, e.g. 09:30")
            }
            paper = .agenda(meeting: positional[1], start: start)
        case "minutes":
            try expect(1, "a MEETING id")
            try reject(["--start", "--agency", "--as-of"])
            paper = .minutes(meeting: positional[1])
        case "case-minutes":
            try expect(2, "a MEETING id and a CASE id")
            try reject(["--start", "--agency", "--as-of"])
            paper = .caseMinutes(meeting: positional[1], caseID: positional[2])
        case "actions":
            try expect(0, "")
            try reject(["--start"])
            paper = .actions(agency: arguments.value("--agency"), asOf: try context.asOf())
        case "register":
            try expect(0, "")
            try reject(["--start", "--agency", "--as-of"])
            paper = .register
        default:
            throw UsageError("unknown paper '\(paperName)'; render one of: \(papers.joined(separator: ", "))")
        }

        let repository = try context.loadRepository()
        let text = try render(Papers.Request(paper, format: format, scope: scope), repository: repository)
        warn(about: paper, repository: repository, console: context.console)
        if let output = arguments.value("--output") {
            let url = URL(fileURLWithPath: output, relativeTo: context.workingDirectory).standardizedFileURL
            try PapersGuard.write(text, to: url, root: repository.root, option: "--output")
            context.console.printError("wrote \(output)")
        } else {
            context.console.write(text)
        }
        return .ok
    }
}
