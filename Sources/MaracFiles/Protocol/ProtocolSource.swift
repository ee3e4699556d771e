/// The protocol documents the profiles are taken from (`shared/seeds/`).
public enum ProtocolDocument: String, Sendable, Hashable, CaseIterable {
    /// seed 000
    case westMidlandsProtocol
    /// seed 001
    case gwentProtocol
    /// seed 002
    case safeLivesTemplates
    /// seed 003
    case liverpoolProtocol
    /// seed 004
    case westMidlandsBriefing

    /// The document's readable title.
    public var title: String {
        switch self {
        case .westMidlandsProtocol: "West Midlands MARAC Partnership Operating Protocol"
        case .gwentProtocol: "Gwent MARAC Operating Protocol (2018)"
        case .safeLivesTemplates: "SafeLives MARAC Strategic Templates"
        case .liverpoolProtocol: "Liverpool MARAC Combined Protocol"
        case .westMidlandsBriefing: "West Midlands MARAC Transformation Project briefing (2019)"
        }
    }
}

/// Where a profile's rule is written: a document and its sections (e.g. "§9", "App.5"; the
/// Liverpool protocol numbers its Information Sharing Protocol and its Operating Protocol
/// separately, so its sections say "ISP §5.7" or "MOP §9.4"), with a short note where the
/// reading needs one.
public struct RuleSource: Sendable, Hashable, CustomStringConvertible {
    public var document: ProtocolDocument
    public var sections: [String]
    public var note: String?

    public init(_ document: ProtocolDocument, _ sections: [String], note: String? = nil) {
        self.document = document
        self.sections = sections
        self.note = note
    }

    /// "West Midlands MARAC Partnership Operating Protocol §7, §9".
    public var description: String {
        let cited = sections.isEmpty ? document.title : document.title + " " + sections.joined(separator: ", ")
        return note.map { cited + " (\($0))" } ?? cited
    }
}
