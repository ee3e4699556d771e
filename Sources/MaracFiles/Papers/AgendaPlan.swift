import MaracRecords

/// The order of an agenda: which section each case goes in, its place, its time slot, and the
/// cases past the meeting's cap. A pure function of the cases and the rules, so it is tested
/// on hand-built cases.
public struct AgendaPlan: Sendable {
    /// One case to be listed, with the referral that brings it to this meeting.
    public struct Entry: Sendable {
        public var record: Case
        public var hearing: Hearing?
        public var referral: Referral?
        /// Position in the meeting file (the order when risk ordering is off, and the last tie-break).
        public var fileOrder: Int

        public init(record: Case, hearing: Hearing?, referral: Referral?, fileOrder: Int) {
            self.record = record
            self.hearing = hearing
            self.referral = referral
            self.fileOrder = fileOrder
        }

        public var hasChildren: Bool { !record.children.isEmpty }
        public var isInfoOnly: Bool { referral?.infoOnly ?? false }
        public var isClaresLaw: Bool { referral.map { $0.criteria.contains(.dvds) || $0.dvds != nil } ?? false }
        public var isTransferOut: Bool {
            record.status == .transferredOut || record.transfers.contains { $0.direction == .out }
        }
        /// A repeat: the referral says so, or the case has been referred before.
        public var isRepeat: Bool {
            (referral?.criteria.contains(.repeat) ?? false) || (referral.map { $0.number > 1 } ?? false)
        }
    }

    /// The agenda's sections, in the order they are heard.
    public enum Section: String, Sendable, CaseIterable {
        /// Cases with children, heard together first so children's agencies can then leave.
        case withChildren = "with-children"
        case withoutChildren = "without-children"
        /// Repeats listed for information only: no slot.
        case informationOnly = "information-only"
        case claresLaw = "clares-law"
        case transfersOut = "transfers-out"

        public var title: String {
            switch self {
            case .withChildren: "Cases with children"
            case .withoutChildren: "Cases without children"
            case .informationOnly: "For information only (repeats needing no new safeguarding)"
            case .claresLaw: "Clare's Law (DVDS) requests"
            case .transfersOut: "Outgoing transfers to other MARACs"
            }
        }

        /// Whether cases in the section get a time slot.
        public var hasSlots: Bool { self != .informationOnly }
    }

    /// A listed case: its number on the agenda, section and slot.
    public struct Item: Sendable {
        public var entry: Entry
        public var section: Section
        /// 1-based agenda number.
        public var number: Int
        /// Slot start and end, minutes after midnight (`nil` for information-only).
        public var slot: (start: Int, end: Int)?
    }

    /// The listed cases in agenda order.
    public var items: [Item]
    /// The cases past the cap, highest priority first: the chair decides which are heard.
    public var overflow: [Entry]
    /// When the last slot ends (minutes after midnight).
    public var end: Int

    /// Orders `entries` for a meeting starting at `start` (minutes after midnight).
    public init(entries: [Entry], rules: PaperRules, start: Int) {
        // The cap counts the cases that take a slot; the lowest-priority ones overflow.
        let slotted = entries.filter { AgendaPlan.section(of: $0, rules: rules).hasSlots }
        var overflowIDs: Set<Int> = []
        var overflow: [Entry] = []
        if let cap = rules.maxCases, slotted.count > cap {
            overflow = Array(AgendaPlan.byPriority(slotted, rules: rules).dropFirst(max(cap, 0)))
            overflowIDs = Set(overflow.map(\.fileOrder))
        }
        self.overflow = overflow

        var items: [Item] = []
        var clock = start
        var number = 0
        for section in Section.allCases {
            let members = entries.filter { !overflowIDs.contains($0.fileOrder) && AgendaPlan.section(of: $0, rules: rules) == section }
            let ordered = rules.highestRiskFirst ? AgendaPlan.byPriority(members, rules: rules) : members.sorted { $0.fileOrder < $1.fileOrder }
            for entry in ordered {
                number += 1
                var slot: (Int, Int)?
                if section.hasSlots {
                    let minutes = entry.hasChildren ? rules.slotWithChildren : rules.slotWithoutChildren
                    slot = (clock, clock + minutes)
                    clock += minutes
                }
                items.append(Item(entry: entry, section: section, number: number, slot: slot))
            }
        }
        self.items = items
        self.end = clock
    }

    /// The section a case goes in: an outgoing transfer last, then Clare's Law, then
    /// information only, then by children (each only where the rules say so).
    public static func section(of entry: Entry, rules: PaperRules) -> Section {
        if rules.transfersOutLast, entry.isTransferOut { return .transfersOut }
        if rules.claresLawLast, entry.isClaresLaw { return .claresLaw }
        if rules.infoOnlySection, entry.isInfoOnly { return .informationOnly }
        return entry.hasChildren ? .withChildren : .withoutChildren
    }

    /// Highest risk first; unscored last; then the earlier referral, then the meeting file.
    static func byPriority(_ entries: [Entry], rules: PaperRules) -> [Entry] {
        entries.sorted { a, b in
            let ra = riskRank(a.referral, rules: rules), rb = riskRank(b.referral, rules: rules)
            if ra != rb {
                guard let ra else { return false }
                guard let rb else { return true }
                return ra > rb
            }
            let da = a.referral?.received, db = b.referral?.received
            if da != db {
                guard let da else { return false }
                guard let db else { return true }
                return da < db
            }
            return a.fileOrder < b.fileOrder
        }
    }

    /// A referral's risk as a proportion of its tool's threshold (so DASH ticks and MeRIT
    /// scores compare), or `nil` when it has no score.
    public static func riskRank(_ referral: Referral?, rules: PaperRules) -> Double? {
        guard let referral, let score = referral.riskScore else { return nil }
        let threshold = referral.riskTool == "merit" ? rules.meritThreshold : rules.dashThreshold
        return Double(score) / Double(max(threshold, 1))
    }
}
