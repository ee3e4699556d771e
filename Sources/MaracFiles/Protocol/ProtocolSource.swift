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
    /// Not a protocol: a number `mfile` supplies where the protocols require something but set
    /// no time limit (e.g. the chair's approval of the minutes).
    case mfileDefault

    /// The document's readable title.
    public var title: String {
        switch self {
        case .westMidlandsProtocol: "West Midlands MARAC Partnership Operating Protocol"
        case .gwentProtocol: "Gwent MARAC Operating Protocol (2018)"
        case .safeLivesTemplates: "SafeLives MARAC Strategic Templates"
        case .liverpoolProtocol: "Liverpool MARAC Combined Protocol"
        case .westMidlandsBriefing: "West Midlands MARAC Transformation Project briefing (2019)"
        case .mfileDefault: "mfile default (no time limit in the protocol)"
        }
    }
}

/// Where a profile's rule is written: a document and its sections (e.g. "§9", "App.5").
public struct RuleSource: Sendable, Hashable, CustomStringConvertible {
    public var document: ProtocolDocument
    public var sections: [String]

    public init(_ document: ProtocolDocument, _ sections: [String]) {
        self.document = document
        self.sections = sections
    }

    /// "West Midlands MARAC Partnership Operating Protocol §7, §9".
    public var description: String {
        sections.isEmpty ? document.title : document.title + " " + sections.joined(separator: ", ")
    }
}
