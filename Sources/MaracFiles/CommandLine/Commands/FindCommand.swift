import MaracBase
import MaracIndex
import MaracJSON
import MaracRepository

/// `mfile find QUERY`: people matching a name, with their roles and cases.
enum FindCommand {
    static let command = Command(
        name: "find",
        summary: "find people by name (tolerant of spelling, order, aliases) or case reference, and their cases",
        positionals: [PositionalSpec("QUERY", kind: .text, .oneOrMore)],
        options: [
            OptionSpec("--dob", value: "DATE", kind: .date, help: "only people with this date of birth (or none recorded), YYYY-MM-DD"),
            OptionSpec("--ids-only", help: "print the case ids only, one a line (for scripts)"),
            .format(["text", "json"], help: "text (default): one line a person; json"),
            OptionSpec("--no-refresh", help: "use the index as it stands, without checking every file's size and time (after 'mfile index')"),
        ],
        details: """
            Matches ignore case, spacing, accents, hyphens and apostrophes, and find the same
            words in another order, aliases, and names that sound alike or have one typing
            slip. A case's reference in earlier records (reference, kept by 'mfile import';
            case, spaces and hyphens ignored) finds its victim. Ranked: reference, exact, alias,
            swapped, sounds alike, one word; a matching --dob first.
            The index is first checked against every record file's size and modification time
            and brought up to date if needed; --no-refresh skips that check (a damaged index is
            still detected and rebuilt), for scripts that have just run 'mfile index'.
            The output shows names: it is for the administrator's screen, not for sharing.
            Exit status: 0 someone found, 1 nobody found, 2 usage or I/O error.
            """,
        examples: ["mfile find Jones", "mfile find \"sam okafor\" --dob 1990-04-12 --ids-only"],
        run: run)

    static func run(_ context: CommandContext) throws -> ExitStatus {
        let query = NameQuery(context.arguments.positional.joined(separator: " "))
        guard !query.isEmpty else { throw UsageError("the name to look for has no letters") }
        let dob = context.arguments.date("--dob")
        let root = try context.repositoryRoot()
        let (found, refresh) = try IndexStore.withCurrentBytes(root: root, checkFreshness: !context.arguments.flag("--no-refresh")) { index in
            Result { () throws(IndexFormat.Problem) in try PeopleSearch.find(query, dob: dob, in: index) }
        }
        if let note = refresh.note { context.console.printError(note) }
        let hits: [PeopleSearch.Hit]
        switch found {
        case .success(let list): hits = list
        case .failure(let error): throw RepositoryError("\(error.description); run 'mfile index --full'")
        }

        if context.arguments.flag("--ids-only") {
            var seen = Set<String>()
            var text = ""
            for hit in hits { for id in hit.caseIDs where seen.insert(id).inserted { text += id + "\n" } }
            context.console.write(text)
        } else if context.format == "json" {
            context.console.print(JSONWriter.write(.array(hits.map(json)), pretty: true))
        } else {
            var text = ""
            for hit in hits {
                let alias = hit.matchedAlias.map { " (as \"\($0)\")" } ?? ""
                text += "\(hit.name)\(alias)  \(hit.role.rawValue)  dob \(hit.dob?.description ?? "-")  "
                    + "\(hit.caseIDs.joined(separator: ", "))  [\(hit.match)]\n"
            }
            context.console.write(text)
            context.console.printError("\(hits.count) \(hits.count == 1 ? "person" : "people") found")
        }
        return hits.isEmpty ? .findings : .ok
    }

    static func json(_ hit: PeopleSearch.Hit) -> JSONValue {
        .object([
            ("name", .string(hit.name)),
            ("matched_alias", hit.matchedAlias.map(JSONValue.string) ?? .null),
            ("role", .string(hit.role.rawValue)),
            ("dob", hit.dob.map { .string($0.description) } ?? .null),
            ("match", .string(String(describing: hit.match))),
            ("cases", .array(hit.caseIDs.map(JSONValue.string))),
        ])
    }
}
