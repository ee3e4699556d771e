import Foundation
import MaracBase
import MaracPapers
import MaracRepository
import MaracVault

/// `mfile render PAPER ...`: the agenda, minutes, case minutes, actions list or case register,
/// as HTML, Markdown or PDF (printed by headless Chromium).
enum RenderCommand {
    static let command = Command(
        name: "render",
        summary: "render a paper: agenda, minutes, case-minutes, actions or register",
        options: [
            .format(["html", "md", "pdf"], help: "html (default): one self-contained page to print on A4; md: Markdown; pdf: printed by Chromium (needs --output)"),
            OptionSpec("--output", value: "PATH", kind: .path, help: "write the paper to PATH (replaced in one step) instead of standard output"),
            OptionSpec("--closed", help: "the closed session's own paper: only closed-session cases (register: every row in full); never send it with the general papers"),
        ],
        details: """
            MEETING is a meeting id (its file name without .toml, e.g. 2026-11-05-north) or its date.
            Closed-session cases never appear in the general papers; --closed renders their
            separate papers. Templates come from the repository's templates/ folder, else the
            built-in defaults. The same HTML and Markdown come from the same records.
            --format pdf prints the HTML with headless Chromium (chromium, chromium-browser,
            google-chrome, or the program in MFILE_CHROMIUM; Debian: sudo apt-get install chromium),
            at most 120 seconds a paper (MFILE_PDF_TIME_LIMIT=SECONDS to change). A PDF is never written where git would commit it in plain
            text (inside the records' work tree, neither ignored nor encrypted): use papers/.
            Exit status: 0 written, 2 unknown meeting or case, no browser, usage or I/O error.
            """,
        subcommands: [
            Command(
                name: "agenda", summary: "the agenda of a meeting, in order, with time slots and the case cap",
                positionals: [meeting],
                options: [OptionSpec("--start", value: "HH:MM", kind: .time, help: "when the first case is heard (default: the meeting file's time, else 09:30)")],
                examples: ["mfile render agenda 2026-11-05-north --output agenda.html"],
                run: { try render(.agenda(meeting: $0.arguments.positional[0], start: $0.arguments.value("--start").flatMap { PaperText.minutes(clock: $0) }), $0) }),
            Command(
                name: "minutes", summary: "the minutes of a meeting",
                positionals: [meeting],
                examples: ["mfile render minutes 2026-11-05-north --format md"],
                run: { try render(.minutes(meeting: $0.arguments.positional[0]), $0) }),
            Command(
                name: "case-minutes",
                summary: "the minutes of one case's hearing at a meeting, with its referral; --all: one file per case heard",
                positionals: [meeting, PositionalSpec("CASE", kind: .caseID, .optional)],
                options: [
                    OptionSpec("--all", help: "every case heard at the meeting, one file each in --output-dir (West Midlands sends one PDF per case)"),
                    OptionSpec("--output-dir", value: "DIR", kind: .path, help: "with --all: the folder for the files, named case-minutes-MEETING-CASE.pdf (or .html, .md)"),
                ],
                constraints: [.requires("--all", "--output-dir"), .requires("--output-dir", "--all"), .notTogether(["--output", "--output-dir"])],
                examples: [
                    "mfile render case-minutes 2026-11-05-north 2026-EXMP-001",
                    "mfile render case-minutes 2026-11-05-north --all --format pdf --output-dir papers/2026-11-05",
                ],
                run: caseMinutes),
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
        let pdf = context.format == "pdf"
        let output = context.arguments.value("--output")
        if pdf, output == nil {
            throw UsageError("a PDF is not written to standard output: give --output FILE.pdf")
        }
        let repository = try context.loadRepository()
        let text = try Papers.render(
            Papers.Request(paper, format: paperFormat(context), scope: scope(context)), repository: repository,
            engine: Papers.engine(for: repository.configuration))
        warn(about: paper, repository: repository, console: context.console)
        guard let output else {
            context.console.write(text)
            return .ok
        }
        let url = context.url(output)
        if pdf {
            try PapersGuard.check(file: url, root: repository.root, option: "--output")
            try AtomicWrite.write(try PDFPrinter.find().print(text), to: url, access: .ownerOnly)
        } else {
            try PapersGuard.write(text, to: url, root: repository.root, option: "--output")
        }
        context.console.printError("wrote \(output)")
        return .ok
    }

    /// `render case-minutes MEETING CASE`, or `--all --output-dir DIR`: each case heard at the
    /// meeting in a file of its own, all printed before any is written.
    static func caseMinutes(_ context: CommandContext) throws -> ExitStatus {
        let arguments = context.arguments
        let meetingID = arguments.positional[0]
        guard arguments.flag("--all") else {
            guard arguments.positional.count == 2 else {
                throw UsageError("give the CASE whose minutes to render, or --all --output-dir DIR for one file per case heard")
            }
            return try render(.caseMinutes(meeting: meetingID, caseID: arguments.positional[1]), context)
        }
        guard arguments.positional.count == 1 else {
            throw UsageError("give either a CASE or --all, not both")
        }
        let folderPath = arguments.value("--output-dir")!
        let folder = context.url(folderPath)
        let repository = try context.loadRepository()
        let engine = try Papers.engine(for: repository.configuration)
        let scope = scope(context)
        let heard = try Papers.casesHeard(at: meetingID, in: repository, scope: scope, engine: engine)
        warn(about: .minutes(meeting: heard.meetingID), repository: repository, console: context.console)
        guard !heard.caseIDs.isEmpty else {
            throw PaperError(scope == .general
                ? "no case heard at meeting \(heard.meetingID) goes in the general papers (\(heard.otherScope) closed-session); nothing was written. Add --closed for the closed session's"
                : "no closed-session case was heard at meeting \(heard.meetingID); nothing was written")
        }
        try refusePlainText(folder, root: repository.root, option: "--output-dir")
        let pdf = context.format == "pdf"
        let format = paperFormat(context)
        let texts = try heard.caseIDs.map { caseID throws(PaperError) in
            try Papers.render(
                Papers.Request(.caseMinutes(meeting: heard.meetingID, caseID: caseID), format: format, scope: scope),
                repository: repository, engine: engine)
        }
        let files = pdf ? try PDFPrinter.find().print(texts) : texts.map { Array($0.utf8) }
        for (caseID, bytes) in zip(heard.caseIDs, files) {
            let name = "case-minutes-\(heard.meetingID)-\(caseID).\(pdf ? "pdf" : format.rawValue)"
            try AtomicWrite.write(bytes, to: folder.appendingPathComponent(name), access: .ownerOnly)
            context.console.printError("wrote \(folderPath)/\(name)")
        }
        if heard.otherScope > 0 {
            let other = scope == .general ? "closed-session" : "general"
            context.console.printError("mfile render: \(heard.otherScope) \(other) case\(heard.otherScope == 1 ? "" : "s") heard at this meeting \(heard.otherScope == 1 ? "is" : "are") not in these files; render \(scope == .general ? "them with --closed" : "them without --closed")")
        }
        return .ok
    }

    static func paperFormat(_ context: CommandContext) -> PaperFormat {
        PaperFormat(rawValue: context.format) ?? .html
    }

    static func scope(_ context: CommandContext) -> SessionScope {
        context.arguments.flag("--closed") ? .closed : .general
    }

    /// Refuses a folder in the records' work tree where git would keep a paper in plain text.
    static func refusePlainText(_ folder: URL, root: URL, option: String) throws {
        do {
            try PapersGuard.check(folder, root: root)
        } catch {
            throw RepositoryError("\(folder.path) is inside the records' git work tree and git would commit a paper there in plain text (it is neither ignored nor encrypted); papers name people, so nothing was written. Choose a folder outside the repository, or under papers/ (kept out of git), with \(option); 'mfile doctor' shows the fix")
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
}
