import Foundation
import MaracRecords
import MaracTOML

/// `mfile import cases|actions --template`: a commented starting map. Given the sheet, every column header
/// is listed, with the field it most likely fills where the header says so plainly, else
/// `""` (not imported) for the administrator to fill in.
public enum ImportMapTemplate {
    /// The map's text. `root` is the repository (its schema and MARACs), if there is one.
    public static func text(kind: ImportMap.Kind, headers: [String]?, root: URL?, configuration: Configuration?) throws(ImportError) -> String {
        let schema = try SchemaFields.load(kind == .cases ? .case : .meeting, root: root ?? URL(fileURLWithPath: "/nonexistent"))
        let fields = schema.mappableFields(kind)
        let noun = kind == .cases ? "case" : "action"
        let maracs = configuration?.maracs.map(\.id) ?? []
        var text = """
            # mfile import map: how the columns of a spreadsheet of \(noun)s become records.
            # Check it with a dry run (nothing is written):  mfile import \(kind.rawValue) SHEET.csv --map THIS.toml
            # then write the records:                        mfile import \(kind.rawValue) SHEET.csv --map THIS.toml --apply

            kind = "\(kind.rawValue)"
            header_row = 1                 # the row holding the column headers
            date_format = "dd/mm/yyyy"     # how the sheet writes dates: dd, mm and yyyy with / - . or a space
            list_separator = ";"           # between the items of a list in one cell (aliases, criteria)
            # delimiter = ";"              # found by itself from the header row; set it only if that fails

            """
        if maracs.count > 1 {
            text += "# marac = \"ID\"                # which MARAC: one of \(maracs.joined(separator: ", ")) (or map a column to \(kind == .cases ? "marac" : "meeting.marac"))\n"
        } else {
            text += "# marac = \"ID\"                # needed only when marac.toml has more than one MARAC\n"
        }
        text += """

            # "column header" = "field". A column mapped to "" (or left out) is not imported.
            # Several columns can fill one text field, joined with a space (first name, surname).
            # \(kind == .cases ? "reference (the sheet's own case reference) is required: it finds the case again next time." : "meeting.date, case.reference and action.text (or action.reference) are required.")
            [columns]

            """
        if let headers {
            var used = Set<String>()
            let kinds = Dictionary(fields, uniquingKeysWith: { a, _ in a })
            for header in headers where !header.isEmpty {
                // Quoted always; a line break in a header matches as a space.
                let key = TOMLEncoder.inline(.string(header.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")))
                if let field = guess(header, kind: kind, fields: fields.map(\.0)), kinds[field] == .text || used.insert(field).inserted {
                    text += "\(key) = \"\(field)\"    # guessed from the header: check\n"
                } else {
                    text += "\(key) = \"\"    # not imported: give the field to import it\n"
                }
            }
        } else {
            for (header, field) in examples(kind) { text += "# \"\(header)\" = \"\(field)\"\n" }
        }
        text += "\n# The fields a column can fill (from schema/\(kind == .cases ? "case" : "meeting").schema.json):\n"
        for (name, kind) in fields {
            text += "#   \(name) (\(kind.summary))\n"
        }
        text += """

            # [values."FIELD"]: the sheet's wordings for a field and the value each becomes
            # (matched ignoring case and spaces). Agencies and MARACs are also found by their id
            # or name in marac.toml, and choices by their value with spaces ("Visible high risk").

            """
        for line in valueExamples(kind) { text += "# \(line)\n" }
        text += """

            # [defaults]: values new records get where the sheet gives none (never compared with,
            # or written over, a record that exists). Never default an equality field to
            # "declined": that is the victim's own answer.
            [defaults]

            """
        switch kind {
        case .cases:
            text += """
                status = "open"
                session = "open"
                # "referral.risk_tool" = "dash"
                # "referral.decision" = "accepted"

                """
        case .actions:
            text += """
                "action.status" = "open"

                """
        }
        return text
    }

    /// The field a header plainly names, if any.
    static func guess(_ header: String, kind: ImportMap.Kind, fields: [String]) -> String? {
        let words = header.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
        let table = kind == .cases ? caseHeaders : actionHeaders
        if let field = table.first(where: { $0.headers.contains(words) })?.field, fields.contains(field) { return field }
        // A header that is a field's name ("Victim DOB" is victim.dob, "Risk score" is referral.risk_score).
        let joined = words.replacingOccurrences(of: " ", with: "_")
        let plain = fields.filter { field in
            let bare = field.replacingOccurrences(of: "[1]", with: "")
            return bare.replacingOccurrences(of: ".", with: "_") == joined || bare.split(separator: ".").last.map(String.init) == joined
        }
        return plain.count == 1 ? plain[0] : nil
    }

    static let caseHeaders: [(field: String, headers: Set<String>)] = [
        ("reference", ["reference", "ref", "marac ref", "marac reference", "case ref", "case reference", "ref no", "urn"]),
        ("victim.name", ["victim", "victim name", "name", "client name", "service user", "victim forename", "victim surname",
                         "victim first name", "victim last name", "forename", "surname", "first name", "last name"]),
        ("victim.dob", ["victim dob", "dob", "date of birth", "victim date of birth"]),
        ("victim.gender", ["gender", "sex", "victim gender"]),
        ("victim.address", ["address", "victim address"]),
        ("perpetrator.name", ["perpetrator", "perpetrator name", "alleged perpetrator", "perp", "perp name"]),
        ("perpetrator.dob", ["perpetrator dob", "perp dob", "perpetrator date of birth"]),
        ("perpetrator.relationship", ["relationship", "relationship to victim"]),
        ("referral.received", ["date referred", "referral date", "date received", "received", "date of referral"]),
        ("referral.agency", ["referring agency", "agency", "referrer agency", "referred by agency"]),
        ("referral.referrer", ["referrer", "referred by", "referrer name"]),
        ("referral.incident", ["incident date", "date of incident", "last incident", "date of last incident"]),
        ("referral.risk_score", ["dash", "dash score", "risk score", "dash ric score", "merit score", "score"]),
        ("referral.idva_referred", ["idva referral date", "idva referred", "date referred to idva", "idva referral", "date to idva"]),
        ("referral.consent_reason", ["consent notes", "consent reason", "reason for no consent", "why no consent"]),
    ]

    static let actionHeaders: [(field: String, headers: Set<String>)] = [
        ("meeting.date", ["meeting date", "marac date", "date of meeting", "date of marac", "meeting"]),
        ("case.reference", ["marac ref", "reference", "ref", "case ref", "case reference", "urn"]),
        ("action.text", ["action", "action text", "action agreed", "actions", "agreed action"]),
        ("action.agency", ["agency", "responsible agency", "lead agency", "action agency"]),
        ("action.owner", ["owner", "action owner", "named person", "responsible person", "lead"]),
        ("action.due", ["due", "due date", "deadline", "target date", "timescale", "date due"]),
        ("action.status", ["status", "action status", "rag"]),
        ("action.completed", ["completed", "date completed", "completion date", "completed date"]),
        ("action.note", ["update", "note", "notes", "progress", "comments", "agency update"]),
        ("action.reference", ["action no", "action number", "action ref", "action id", "action reference"]),
    ]

    static func examples(_ kind: ImportMap.Kind) -> [(String, String)] {
        switch kind {
        case .cases:
            [("MARAC Ref", "reference"), ("Victim Name", "victim.name"), ("Victim DOB", "victim.dob"),
             ("Perpetrator", "perpetrator.name"), ("Date Referred", "referral.received"),
             ("Referring Agency", "referral.agency"), ("DASH Score", "referral.risk_score")]
        case .actions:
            [("Meeting Date", "meeting.date"), ("MARAC Ref", "case.reference"), ("Action", "action.text"),
             ("Agency", "action.agency"), ("Owner", "action.owner"), ("Due", "action.due"), ("Status", "action.status")]
        }
    }

    static func valueExamples(_ kind: ImportMap.Kind) -> [String] {
        switch kind {
        case .cases:
            ["[values.\"referral.agency\"]", "\"Police\" = \"police\"", "\"IDVA\" = \"idva\"", "",
             "[values.\"child.in_household\"]", "\"Y\" = true", "\"N\" = false"]
        case .actions:
            ["[values.\"action.status\"]", "\"Done\" = \"complete\"", "\"Ongoing\" = \"open\"", "\"Not possible\" = \"cannot-complete\""]
        }
    }
}
