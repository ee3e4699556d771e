import Foundation
import MaracBase
import MaracRecords
import MaracRepository
import MaracTOML

/// What an import needs of the records already in the repository, read in one streaming pass
/// (`RepositoryScan`) so that a repository of 100,000 cases is never held in memory: the
/// configuration, the cases that carry a `reference` (with their decoded files, to compare
/// rows with), and where each meeting is.
struct KnownRecords: Sendable {
    /// A case with the reference of earlier records.
    struct ReferencedCase: Sendable {
        var file: String
        var id: String?
        var table: TOMLTable
    }

    /// A meeting file and the meeting it holds.
    struct MeetingFile: Sendable {
        var file: String
        var marac: String?
        var date: LocalDate?
    }

    var root: URL
    var configuration: Configuration
    var casesByReference: [String: [ReferencedCase]]
    var meetings: [MeetingFile]

    private enum Fact: Sendable {
        case referencedCase(String, ReferencedCase)
        case meeting(MeetingFile)
        case other
    }

    static func scan(root: URL) throws(RepositoryError) -> KnownRecords {
        let scan = try RepositoryScan<Fact>.run(at: root) { _ in
            { record, _ in
                switch record {
                case .case(let item):
                    guard let reference = item.reference else { return .other }
                    return .referencedCase(reference, ReferencedCase(file: item.file, id: item.id, table: item.table))
                case .meeting(let item):
                    return .meeting(MeetingFile(file: item.file, marac: item.marac, date: item.date))
                }
            }
        }
        var cases: [String: [ReferencedCase]] = [:]
        var meetings: [MeetingFile] = []
        for fact in scan.summaries {
            switch fact {
            case .referencedCase(let reference, let item): cases[reference, default: []].append(item)
            case .meeting(let item): meetings.append(item)
            case .other: break
            }
        }
        return KnownRecords(root: root, configuration: scan.configuration, casesByReference: cases, meetings: meetings)
    }
}
