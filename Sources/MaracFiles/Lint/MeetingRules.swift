import MaracBase
import MaracProtocol
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

        if let engine = context.engine, engine.rules.minutesCirculatedUnapproved(meeting) {
            findings.append(Diagnostic(
                file: file, position: root.position(of: "minutes_circulated"),
                message: meeting.minutesApproved == nil
                    ? "minutes_circulated is set but there is no minutes_approved; the \(engine.rules.profile) profile has the chair approve the minutes before they are circulated [minutes_approved_before_circulation: \(engine.reference(.minutesApprovedBeforeCirculation))]; record the approval date"
                    : "minutes_circulated is before minutes_approved; the \(engine.rules.profile) profile has the chair approve the minutes before they are circulated [minutes_approved_before_circulation: \(engine.reference(.minutesApprovedBeforeCirculation))]; check both dates",
                rule: .minutesCirculatedUnapproved))
        }
        for attendee in meeting.attendees {
            if let finding = context.unknownAgency(
                attendee.agency, field: "\(attendee.reader.place).agency", file: file, at: attendee.reader.position(of: "agency"))
            {
                findings.append(finding)
            }
            findings += signInOut(attendee, meeting: meeting, context: context)
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

    /// `sign-in-out-missing` (where `sign_in_out_times` is on), `sign-out-before-in`, and a
    /// `left_after_case` that names no case heard at the meeting (`unknown-case`).
    private static func signInOut(_ attendee: Attendee, meeting: Meeting, context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let reader = attendee.reader, place = reader.place, file = meeting.file
        if let engine = context.engine, engine.rules.isOn(.signInOutTimes) {
            let missing = [("signed_in", attendee.signInTime), ("signed_out", attendee.signOutTime)].filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: missing[0]),
                    message: "\(place) has no \(missing.joined(separator: " or ")); the \(engine.rules.profile) profile has every member sign in and out with the times [sign_in_out_times: \(engine.reference(.signInOutTimes))]; write the time, e.g. \(missing[0]) = 09:58:00",
                    rule: .signInOutMissing))
            }
        }
        if let signedIn = attendee.signInTime, let signedOut = attendee.signOutTime, signedOut < signedIn {
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "signed_out"),
                message: "\(place).signed_out is before \(place).signed_in; check both times",
                rule: .signOutBeforeIn))
        }
        if let left = attendee.leftAfterCase, !meeting.hearings.contains(where: { $0.caseID == left }) {
            findings.append(Diagnostic(
                file: file, position: reader.position(of: "left_after_case"),
                message: "\(place).left_after_case names a case that has no [[hearing]] in this meeting; write the id of the last case heard before leaving",
                rule: .unknownCase))
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
