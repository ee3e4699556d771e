import Foundation
import MaracBase
import MaracProtocol

/// Checks that need more than one record: ids that must be unique or must exist. (Whether a
/// referral is heard where it must be is a protocol question: `ProtocolLint`.)
enum CrossRecordRules {
    static func check(_ facts: [RecordFacts], undecodedCaseFiles: [String]) -> [Diagnostic] {
        var cases: [CaseFacts] = []
        var meetings: [MeetingSummary] = []
        for fact in facts {
            switch fact {
            case .case(let item): cases.append(item)
            case .meeting(let item): meetings.append(item)
            }
        }
        // A case file that cannot be decoded still names its case, by its file name.
        let undecodedIDs = undecodedCaseFiles.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "") }
        let caseIDs = Set(cases.compactMap(\.id)).union(undecodedIDs)
        return duplicateCaseIDs(cases) + unknownCases(meetings, caseIDs)
    }

    private static func duplicateCaseIDs(_ cases: [CaseFacts]) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var findings: [Diagnostic] = []
        for record in cases {
            guard let id = record.id else { continue }
            // Ids differing only in capitals name the same file on macOS and Windows.
            if let first = firstFile[id.lowercased()] {
                let capitals = first.hasSuffix("/\(id).toml") ? "" : " (ids that differ only in capitals name the same file on Windows and macOS)"
                findings.append(Diagnostic(
                    file: record.file, position: record.idPosition,
                    message: "case id \(ShownID.caseID(id)) is also used by \(first)\(capitals); each case needs its own id (allocate one with 'mfile new case')",
                    rule: .duplicateCaseID))
            } else {
                firstFile[id.lowercased()] = record.file
            }
        }
        return findings
    }

    private static func unknownCases(_ meetings: [MeetingSummary], _ caseIDs: Set<String>) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for meeting in meetings {
            for hearing in meeting.hearings where !caseIDs.contains(hearing.caseID) {
                findings.append(Diagnostic(
                    file: meeting.file, position: hearing.position,
                    message: ShownID.isCaseID(hearing.caseID)
                        ? "\(hearing.place).case names case \(hearing.caseID), which has no file under cases/"
                        : "\(hearing.place).case is not a valid case id, so it names no file under cases/; write the case's id (its file name)",
                    rule: .unknownCase))
            }
        }
        return findings
    }
}
