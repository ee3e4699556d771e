import MaracBase
import MaracRecords
import MaracRepository

/// Checks within one meeting file.
enum MeetingRules {
    static func check(_ meeting: Meeting, _ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let file = meeting.file
        let root = FieldReader(meeting.table, file: file)

        if let date = meeting.date, let marac = meeting.marac {
            let expected = "\(Repository.meetingsFolder)/\(date.year)/\(date)-\(marac).toml"
            if file != expected {
                findings.append(Diagnostic(
                    file: file, position: root.position(of: "date"),
                    message: ShownID.isName(marac)
                        ? "a meeting of \(marac) on \(date) belongs in \(expected); rename or move the file"
                        : "the meeting's marac is not a valid MARAC id, so the file cannot be named after it; give it an [[marac]] id from marac.toml",
                    rule: .fileName))
            }
        }
        if let finding = context.unknownMarac(meeting.marac, file: file, at: root.position(of: "marac")) {
            findings.append(finding)
        }

        for attendee in meeting.attendees {
            if let finding = context.unknownAgency(
                attendee.agency, field: "\(attendee.reader.place).agency", file: file, at: attendee.reader.position(of: "agency"))
            {
                findings.append(finding)
            }
            if !attendee.confidentialitySigned {
                findings.append(Diagnostic(
                    file: file, position: attendee.reader.position(of: "confidentiality_signed"),
                    message: "\(attendee.reader.place) has not signed the confidentiality statement; everyone present must sign it (confidentiality_signed = true)",
                    rule: .confidentialityUnsigned))
            }
        }
        for apology in meeting.apologies {
            if let finding = context.unknownAgency(
                apology.agency, field: "\(apology.reader.place).agency", file: file,
                at: apology.reader.position(of: "agency"))
            {
                findings.append(finding)
            }
        }

        var actionIDs: [Int: SourcePosition?] = [:]
        for hearing in meeting.hearings {
            let reader = hearing.reader
            if let finding = context.unknownAgency(
                hearing.presentedBy, field: "\(reader.place).presented_by", file: file,
                at: reader.position(of: "presented_by"))
            {
                findings.append(finding)
            }
            if let finding = context.unknownAgency(
                hearing.movedFor, field: "\(reader.place).moved_for", file: file, at: reader.position(of: "moved_for"))
            {
                findings.append(finding)
            }
            for information in hearing.information {
                if let finding = context.unknownAgency(
                    information.agency, field: "\(information.reader.place).agency", file: file,
                    at: information.reader.position(of: "agency"))
                {
                    findings.append(finding)
                }
            }
            for action in hearing.actions {
                findings += actionFindings(action, file: file, context: context, seen: &actionIDs)
            }
        }
        return findings
    }

    private static func actionFindings(
        _ action: Action, file: String, context: LintContext, seen: inout [Int: SourcePosition?]
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let reader = action.reader
        if let id = action.id {
            if let first = seen[id] {
                let earlier = first.map { " (first used at line \($0.line))" } ?? ""
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "id"),
                    message: "action id \(id) is used twice in this meeting\(earlier); give each action its own number",
                    rule: .duplicateActionID))
            } else {
                seen[id] = reader.position(of: "id")
            }
        }
        if let finding = context.unknownAgency(
            action.agency, field: "\(reader.place).agency", file: file, at: reader.position(of: "agency"))
        {
            findings.append(finding)
        }
        var missing: [String] = []
        if action.agency == nil { missing.append("agency") }
        if !action.hasOwner { missing.append("owner") }
        if reader.table["due"] == nil { missing.append("due date") }
        if !missing.isEmpty {
            findings.append(Diagnostic(
                file: file, position: reader.position,
                message: "\(reader.place) has no \(missing.joined(separator: ", ")); every action needs an agency, a named owner and a due date",
                rule: .actionIncomplete))
        }
        return findings
    }
}
