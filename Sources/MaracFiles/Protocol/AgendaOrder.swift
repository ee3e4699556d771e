import MaracBase
import MaracRecords

/// The facts of one case listed for a meeting that decide its place on the agenda.
public struct AgendaCandidate: Sendable {
    public var caseID: String?
    /// The referral that brings the case to the meeting (`CaseSummary.referralHeard(on:)`).
    public var referral: ReferralSummary?
    public var hasChildren: Bool
    /// The referral is a repeat (`RepeatDetection`), whatever its own `criteria` say.
    public var isRepeat: Bool
    public var isInfoOnly: Bool
    public var isClaresLaw: Bool
    public var isTransferOut: Bool
    public var isClosedSession: Bool
    /// The risk score as a proportion of its tool's threshold (`ProtocolEngine.riskRank`).
    public var riskRank: Double?
    /// Position in the meeting file (the order when risk ordering is off, and the last tie-break).
    public var fileOrder: Int
}

/// The agenda's sections, in the order they are heard. Which exist depends on the rules:
/// `withChildren`/`withoutChildren` only with `agenda_children_first`, else `cases`.
public enum AgendaSection: String, Sendable, CaseIterable {
    /// Cases with children, heard together first so children's agencies can then leave.
    case withChildren = "with-children"
    case withoutChildren = "without-children"
    /// Every case, in one list (no children's group).
    case cases
    /// Repeats listed for information only.
    case informationOnly = "information-only"
    case claresLaw = "clares-law"
    /// Listed so that partners know of the move.
    case transfersOut = "transfers-out"

    public var title: String {
        switch self {
        case .withChildren: "Cases with children"
        case .withoutChildren: "Cases without children"
        case .cases: "Cases"
        case .informationOnly: "For information only (repeats needing no new safeguarding)"
        case .claresLaw: "Clare's Law (DVDS) requests"
        case .transfersOut: "Outgoing transfers to other MARACs (for information)"
        }
    }

    /// Whether cases in the section are heard (take a slot and count towards the cap):
    /// information-only repeats are "only ... discussed, if ... another partner provides
    /// further evidence" and outgoing transfers are listed "so that partners are kept informed"
    /// [004].
    public var isHeard: Bool { self != .informationOnly && self != .transfersOut }
}

/// An agenda: each case's section, number and slot, and the cases past the cap.
public struct AgendaOrder: Sendable {
    public struct Item: Sendable {
        /// Index into the candidates.
        public var index: Int
        public var section: AgendaSection
        /// 1-based agenda number.
        public var number: Int
        /// Slot start and end, minutes after midnight (`nil`: not heard, or no slot lengths).
        public var slot: (start: Int, end: Int)?
    }

    /// The listed cases in agenda order.
    public var items: [Item]
    /// Indices of the cases past the cap, highest priority first: the chair decides which are heard.
    public var overflow: [Int]
    /// The agenda gives times (both slot lengths are on).
    public var timed: Bool
    /// When the last slot ends (minutes after midnight); the start when there are no times.
    public var end: Int
}

extension ProtocolRecords {
    /// The agenda facts of case `record` heard at a meeting on `date` of kind `kind`.
    public func agendaCandidate(_ record: CaseSummary, date: LocalDate?, kind: Meeting.Kind?, fileOrder: Int) -> AgendaCandidate {
        let referral = record.referralHeard(on: date)
        let isRepeat = referral.flatMap { referral in
            record.id.flatMap { detection.repeatOf(caseID: $0, referral: referral.number) }
        } != nil
        return AgendaCandidate(
            caseID: record.id, referral: referral, hasChildren: record.hasChildren, isRepeat: isRepeat,
            isInfoOnly: referral?.infoOnly ?? false, isClaresLaw: referral?.isClaresLaw ?? false,
            isTransferOut: record.isTransferredOut(asOf: date),
            isClosedSession: engine.isClosedSession(record, meetingKind: kind),
            riskRank: referral.flatMap(engine.riskRank), fileOrder: fileOrder)
    }

    /// The agenda facts of every case a meeting hears (cases with no file are left out).
    public func agendaCandidates(_ meeting: MeetingSummary) -> [AgendaCandidate] {
        var seen: Set<String> = []
        return meeting.hearings.enumerated().compactMap { order, heard in
            guard seen.insert(heard.caseID).inserted, let record = summary(of: heard.caseID) else { return nil }
            return agendaCandidate(record, date: meeting.date, kind: meeting.kind, fileOrder: order)
        }
    }
}

extension ProtocolEngine {
    /// The section a case goes in: outgoing transfers last (`agenda_transfers_out_last`), then
    /// Clare's Law (`agenda_clares_law_last`), then information-only repeats
    /// (`repeat_info_only_listing`), then the cases, with children first where
    /// `agenda_children_first` is on. A switch that is off is not done.
    public func agendaSection(_ candidate: AgendaCandidate) -> AgendaSection {
        if rules.agendaTransfersOutLast, candidate.isTransferOut { return .transfersOut }
        if rules.agendaClaresLawLast, candidate.isClaresLaw { return .claresLaw }
        if rules.repeatInfoOnlyListing, candidate.isInfoOnly { return .informationOnly }
        guard rules.agendaChildrenFirst else { return .cases }
        return candidate.hasChildren ? .withChildren : .withoutChildren
    }

    /// Does a case count towards `max_cases_per_meeting`: the one answer `check`
    /// (`meeting-over-cap`) and the agenda's overflow use. "No more than 25 cases should be
    /// heard at each meeting" [000 §10]: a case counts when it is heard in the meeting, so not
    /// an information-only repeat or an outgoing transfer listed for information [004], and
    /// not a closed-session case, whose "referral information will not be sent out with the
    /// other MARAC referrals" [001 §4.12] and which is "heard outside of MARAC meetings"
    /// [003 MOP §5.13]. A Clare's Law request counts: it is "listed and discussed" [000 §27].
    public func countsTowardsCap(_ candidate: AgendaCandidate) -> Bool {
        !candidate.isClosedSession && agendaSection(candidate).isHeard
    }

    /// A referral's risk as a proportion of its tool's threshold, so that DASH ticks and MeRIT
    /// scores compare (an mfile convention: the protocols rank by "the completed risk
    /// assessment form" [003 MOP §9.4] without saying how two tools compare); `nil` when it has
    /// no score or the profile does not score that tool for that agency.
    public func riskRank(_ referral: ReferralSummary) -> Double? {
        guard let score = referral.riskScore, let threshold = scoringThreshold(referral) else { return nil }
        // A MeRIT case graded up to a higher band [003 App.5] ranks at least at that band.
        let graded = referral.riskTool == "merit"
            ? rules.gradedMeritBand(score: score, grade: referral.meritGrade).flatMap(rules.meritBandMinimum) ?? 0 : 0
        return Double(max(score, graded)) / Double(max(threshold, 1))
    }

    /// Orders the cases of one agenda starting at `start` (minutes after midnight). Cases are
    /// grouped by `agendaSection`; within a section the highest risk comes first where
    /// `agenda_highest_risk_first` is on, else the meeting file's order. Heard cases get a
    /// slot of `slot_minutes_with_children` / `_without_children` when both are on. Past
    /// `max_cases_per_meeting` (counting as `countsTowardsCap`), the lowest-risk cases go to
    /// the overflow for the chair ("risk assessed and prioritised" [000 §10]).
    public func agendaOrder(_ candidates: [AgendaCandidate], start: Int) -> AgendaOrder {
        let sections = candidates.map(agendaSection)
        var overflow: [Int] = []
        let counted = candidates.indices.filter { countsTowardsCap(candidates[$0]) }
        if let cap = rules.maxCasesPerMeeting, counted.count > cap {
            overflow = Array(byPriority(counted, candidates).dropFirst(max(cap, 0)))
        }
        let excluded = Set(overflow)
        let withChildren = rules.slotMinutesWithChildren, withoutChildren = rules.slotMinutesWithoutChildren
        let timed = withChildren != nil && withoutChildren != nil
        var items: [AgendaOrder.Item] = []
        var clock = start
        var number = 0
        for section in AgendaSection.allCases {
            let members = candidates.indices.filter { !excluded.contains($0) && sections[$0] == section }
            let ordered = rules.agendaHighestRiskFirst
                ? byPriority(members, candidates) : members.sorted { candidates[$0].fileOrder < candidates[$1].fileOrder }
            for index in ordered {
                number += 1
                var slot: (Int, Int)?
                if timed, section.isHeard, let withChildren, let withoutChildren {
                    let minutes = candidates[index].hasChildren ? withChildren : withoutChildren
                    slot = (clock, clock + minutes)
                    clock += minutes
                }
                items.append(AgendaOrder.Item(index: index, section: section, number: number, slot: slot))
            }
        }
        return AgendaOrder(items: items, overflow: overflow, timed: timed, end: clock)
    }

    /// Highest risk first; unscored last; then the earlier referral, then the meeting file.
    private func byPriority(_ indices: [Int], _ candidates: [AgendaCandidate]) -> [Int] {
        indices.sorted { i, j in
            let a = candidates[i], b = candidates[j]
            if a.riskRank != b.riskRank {
                guard let ra = a.riskRank else { return false }
                guard let rb = b.riskRank else { return true }
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
}

extension ProtocolEngine {
    /// The agencies for which more cases were moved on a meeting's agenda than
    /// `max_cases_moved_per_agency` allows ("no more than two cases per agency should be moved
    /// on any day" [003 MOP §9.4]), with how many; a hearing's `moved_for` names the agency.
    public func casesMovedOverLimit(_ meeting: MeetingSummary) -> [(agency: String, count: Int)] {
        guard let limit = rules.maxCasesMovedPerAgency else { return [] }
        var counts: [String: Int] = [:]
        for heard in meeting.hearings { if let agency = heard.movedFor { counts[agency, default: 0] += 1 } }
        return counts.filter { $0.value > limit }.map { ($0.key, $0.value) }.sorted { $0.agency < $1.agency }
    }
}
