import MaracBase
import MaracRecords

/// Who came to a meeting: the agencies with an `[[attendee]]`, and each agency's apology with
/// whether it sent written information. Built from a meeting file or from the index, so that
/// `check` and `stats` classify attendance by the same rule.
public struct MeetingAttendance: Sendable, Hashable {
    public var attended: Set<String>
    /// Agency id to whether its apology came with written information.
    public var apologies: [String: Bool]
    /// Any `[[attendee]]` at all (else attendance was not recorded).
    public var recorded: Bool

    public init(attended: [String], apologies: [(agency: String, written: Bool)]) {
        self.attended = Set(attended)
        var byAgency: [String: Bool] = [:]
        for apology in apologies { byAgency[apology.agency] = (byAgency[apology.agency] ?? false) || apology.written }
        self.apologies = byAgency
        recorded = !attended.isEmpty
    }

    public init(_ meeting: Meeting) {
        self.init(
            attended: meeting.attendees.compactMap(\.agency),
            apologies: meeting.apologies.compactMap { apology in apology.agency.map { ($0, apology.writtenInformation) } })
    }

    /// How one agency stood at the meeting.
    public enum Standing: Sendable, Hashable {
        case attended
        case apologyWithWrittenInformation
        case apologyWithoutWrittenInformation
        case absent
    }

    public func standing(of agency: String) -> Standing {
        if attended.contains(agency) { return .attended }
        switch apologies[agency] {
        case true?: return .apologyWithWrittenInformation
        case false?: return .apologyWithoutWrittenInformation
        case nil: return .absent
        }
    }
}

extension ProtocolEngine {
    /// Whether attendance at a meeting is checked as of `asOf`: a scheduled meeting that has
    /// been held (the day after its date). Emergency meetings are called at short notice and
    /// closed sessions have their own attendees.
    public func attendanceIsChecked(kind: Meeting.Kind?, date: LocalDate, asOf: LocalDate) -> Bool {
        (kind ?? .scheduled) == .scheduled && date < asOf
    }

    /// The core agencies (`[[agency]] core = true`) expected at a meeting: "All relevant
    /// agencies are expected to consistently attend MARAC" [000 §8]; core agencies "are
    /// therefore required to attend all MARAC meetings" [001 §2.2]; "All signatory agencies are
    /// required to send an appropriate representative to each MARAC" [003 MOP §3.1, §9.1]. An
    /// agency that works with children (`children = true`) only when a case heard has children.
    public func expectedAgencies(anyCaseWithChildren: Bool) -> [Configuration.Agency] {
        configuration.agencies.filter { $0.core && (!$0.children || anyCaseWithChildren) }
    }
}
