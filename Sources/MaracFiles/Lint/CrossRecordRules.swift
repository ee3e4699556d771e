/// Checks that need more than one record: ids that must be unique or must exist, and
/// referrals that must be heard.
enum CrossRecordRules {
    static func check(_ repository: Repository, _ context: LintContext) -> [Diagnostic] {
        duplicateCaseIDs(repository) + unknownCases(repository, context) + unlistedReferrals(repository)
    }

    private static func duplicateCaseIDs(_ repository: Repository) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var findings: [Diagnostic] = []
        for record in repository.cases {
            guard let id = record.id else { continue }
            if let first = firstFile[id] {
                findings.append(Diagnostic(
                    file: record.file, position: FieldReader(record.table, file: record.file).position(of: "id"),
                    message: "case id \(id) is also used by \(first); each case needs its own id (allocate one with 'mfile new case')",
                    rule: "duplicate-case-id"))
            } else {
                firstFile[id] = record.file
            }
        }
        return findings
    }

    private static func unknownCases(_ repository: Repository, _ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for meeting in repository.meetings {
            for hearing in meeting.hearings {
                guard let id = hearing.caseID, !context.caseIDs.contains(id) else { continue }
                findings.append(Diagnostic(
                    file: meeting.file, position: hearing.reader.position(of: "case"),
                    message: "\(hearing.reader.place).case names case \(id), which has no file under cases/",
                    rule: "unknown-case"))
            }
        }
        return findings
    }

    /// An accepted referral must be heard at the first meeting whose agenda went out after it
    /// was accepted, or at a later one. Referrals accepted before the agenda of the MARAC's
    /// earliest recorded meeting went out belong to meetings this repository does not hold.
    private static func unlistedReferrals(_ repository: Repository) -> [Diagnostic] {
        var hearingDates: [String: [LocalDate]] = [:]
        for meeting in repository.meetings {
            guard let date = meeting.date else { continue }
            for hearing in meeting.hearings {
                if let id = hearing.caseID { hearingDates[id, default: []].append(date) }
            }
        }
        var historyStart: [String: LocalDate] = [:]
        for meeting in repository.meetings {
            guard let marac = meeting.marac, let start = meeting.agendaCirculated ?? meeting.date else { continue }
            historyStart[marac] = min(historyStart[marac] ?? start, start)
        }
        var findings: [Diagnostic] = []
        for record in repository.cases {
            guard let marac = record.marac, let start = historyStart[marac] else { continue }
            for referral in record.referrals {
                guard let accepted = referral.acceptedOn, accepted >= start else { continue }
                let missed = repository.meetings.filter { meeting in
                    guard meeting.marac == record.marac, let circulated = meeting.agendaCirculated,
                        let date = meeting.date
                    else { return false }
                    return circulated >= accepted && date >= accepted
                }
                guard let firstMissed = missed.compactMap(\.date).min() else { continue }
                let heard = (hearingDates[record.id ?? ""] ?? []).contains { $0 >= accepted }
                if !heard {
                    findings.append(Diagnostic(
                        file: record.file, position: referral.reader.position(of: "decision"),
                        message: "\(referral.reader.place) was accepted but the case is not heard at the meeting of \(firstMissed) or any later one; add a [[hearing]] for it",
                        rule: "referral-not-listed"))
                }
            }
        }
        return findings
    }
}
