import Foundation
import MaracBase

/// Checks that need more than one record: ids that must be unique or must exist, and
/// referrals that must be heard.
enum CrossRecordRules {
    static func check(_ facts: [RecordFacts], undecodedCaseFiles: [String]) -> [Diagnostic] {
        var cases: [CaseFacts] = []
        var meetings: [MeetingFacts] = []
        for fact in facts {
            switch fact {
            case .case(let item): cases.append(item)
            case .meeting(let item): meetings.append(item)
            }
        }
        // A case file that cannot be decoded still names its case, by its file name.
        let undecodedIDs = Set(undecodedCaseFiles.map {
            ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        })
        var firstFile: [String: String] = [:]
        firstFile.reserveCapacity(cases.count)
        let duplicates = duplicateCaseIDs(cases, firstFile: &firstFile)
        return duplicates + unknownCases(meetings) { firstFile[$0] != nil || undecodedIDs.contains($0) }
            + unlistedReferrals(cases, meetings)
    }

    /// Also notes the file of each case id, first file first.
    private static func duplicateCaseIDs(_ cases: [CaseFacts], firstFile: inout [String: String]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for record in cases {
            guard let id = record.id else { continue }
            if let first = firstFile[id] {
                findings.append(Diagnostic(
                    file: record.file, position: record.idPosition,
                    message: "case id \(id) is also used by \(first); each case needs its own id (allocate one with 'mfile new case')",
                    rule: "duplicate-case-id"))
            } else {
                firstFile[id] = record.file
            }
        }
        return findings
    }

    private static func unknownCases(_ meetings: [MeetingFacts], isCase: (String) -> Bool) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for meeting in meetings {
            for hearing in meeting.hearings where !isCase(hearing.caseID) {
                findings.append(Diagnostic(
                    file: meeting.file, position: hearing.position,
                    message: "\(hearing.place).case names case \(hearing.caseID), which has no file under cases/",
                    rule: "unknown-case"))
            }
        }
        return findings
    }

    /// An accepted referral must be heard at the first meeting whose agenda went out after it
    /// was accepted, or at a later one. Referrals accepted before the agenda of the MARAC's
    /// earliest recorded meeting went out belong to meetings this repository does not hold.
    private static func unlistedReferrals(_ cases: [CaseFacts], _ meetings: [MeetingFacts]) -> [Diagnostic] {
        var latestHearing: [String: LocalDate] = [:]
        latestHearing.reserveCapacity(cases.count)
        // Per MARAC: (agenda circulated, meeting date), sorted, to find the first agenda after a date.
        var agendas: [String: [(circulated: LocalDate, date: LocalDate)]] = [:]
        var historyStart: [String: LocalDate] = [:]
        for meeting in meetings {
            guard let date = meeting.date, let marac = meeting.marac else { continue }
            for hearing in meeting.hearings {
                raise(&latestHearing[hearing.caseID, default: date], to: date)
            }
            let start = meeting.agendaCirculated ?? date
            historyStart[marac] = min(historyStart[marac] ?? start, start)
            if let circulated = meeting.agendaCirculated { agendas[marac, default: []].append((circulated, date)) }
        }
        for marac in agendas.keys { agendas[marac]!.sort { $0.circulated < $1.circulated } }

        var findings: [Diagnostic] = []
        for record in cases {
            guard let marac = record.marac, let start = historyStart[marac], let list = agendas[marac] else { continue }
            let heard = latestHearing[record.id ?? ""]
            for referral in record.acceptedReferrals where referral.accepted >= start {
                // The earliest meeting whose agenda went out on or after acceptance.
                let index = firstIndex(in: list) { $0.circulated >= referral.accepted }
                guard index < list.count else { continue }
                let due = list[index].date
                if let heard, heard >= referral.accepted { continue }
                findings.append(Diagnostic(
                    file: record.file, position: referral.position,
                    message: "\(referral.place) was accepted but the case is not heard at the meeting of \(due) or any later one; add a [[hearing]] for it",
                    rule: "referral-not-listed"))
            }
        }
        return findings
    }

    private static func raise(_ date: inout LocalDate, to later: LocalDate) {
        if later > date { date = later }
    }

    /// The first index of a sorted array where `isAtOrAfter` holds (binary search).
    private static func firstIndex<T>(in sorted: [T], where isAtOrAfter: (T) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
