import Foundation
import XCTest

/// Spreadsheets and maps for the import tests, written as the programs that make them would.
enum ImportFixtures {
    /// CSV text of `rows`: cells quoted where they hold the delimiter, a quote or a line break.
    static func csv(_ rows: [[String]], delimiter: String = ",", lineEnd: String = "\r\n") -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: delimiter)
        }.joined(separator: lineEnd) + lineEnd
    }

    static let caseHeader = [
        "Ref", "Date Referred", "Agency", "Victim", "Victim DOB", "Ethnicity", "Orientation", "Disability", "Gender",
        "Perpetrator", "Relationship", "DASH", "Incident", "Consent", "Decision", "Notes",
    ]

    /// A valid case row (an invented person, referral accepted in June 2025).
    static func caseRow(
        _ reference: String, name: String = "Freya Lindqvist", dob: String = "02/05/1991", received: String = "09/06/2025",
        agency: String = "Police", perpetrator: String = "Oskar Brandt", score: String = "15", notes: String = ""
    ) -> [String] {
        [reference, received, agency, name, dob, "White Other", "heterosexual", "no", "female", perpetrator, "Ex-partner",
         score, received, "Given", "Accepted", notes]
    }

    static let caseMap = """
        kind = "cases"
        date_format = "dd/mm/yyyy"

        [columns]
        "Ref" = "reference"
        "Date Referred" = "referral.received"
        "Agency" = "referral.agency"
        "Victim" = "victim.name"
        "Victim DOB" = "victim.dob"
        "Ethnicity" = "victim.ethnicity"
        "Orientation" = "victim.sexual_orientation"
        "Disability" = "victim.disability"
        "Gender" = "victim.gender"
        "Perpetrator" = "perpetrator.name"
        "Relationship" = "perpetrator.relationship"
        "DASH" = "referral.risk_score"
        "Incident" = "referral.incident"
        "Consent" = "referral.consent"
        "Decision" = "referral.decision"
        "Notes" = ""

        [defaults]
        status = "open"
        session = "open"
        "referral.risk_tool" = "dash"
        "referral.criteria" = ["visible-high-risk"]

        """

    static let actionHeader = ["Meeting", "Ref", "Action", "Agency", "Owner", "Due", "Status", "Completed", "Update"]

    static let actionMap = """
        kind = "actions"

        [columns]
        "Meeting" = "meeting.date"
        "Ref" = "case.reference"
        "Action" = "action.text"
        "Agency" = "action.agency"
        "Owner" = "action.owner"
        "Due" = "action.due"
        "Status" = "action.status"
        "Completed" = "action.completed"
        "Update" = "action.note"

        [values."action.status"]
        "Done" = "complete"

        [defaults]
        "action.status" = "open"

        """

    /// A copy of the demo repository with `files` (name -> text) written beside it in `import/`.
    static func demo(with files: [String: String]) throws -> URL {
        let root = try DemoRepository.copy()
        let folder = root.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return root
    }

    /// `mfile import ...` run in `root`.
    static func mfile(_ arguments: [String], in root: URL) throws -> CommandResult {
        try runProduct("mfile", arguments, in: root)
    }

    /// Every record file's bytes, to show nothing changed.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["cases", "meetings"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "toml" {
                files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
