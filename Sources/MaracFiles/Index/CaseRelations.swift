/// The part of the index worked out across files: each case's hearing dates (from the
/// meeting files) and its repeats and linked cases (`RepeatDetection`, unchanged).
enum CaseRelations {
    static func attach(to entries: inout [IndexEntry], rules: ProtocolRules) {
        var hearings: [String: [LocalDate]] = [:]
        var caseSlots: [Int] = []
        for (i, entry) in entries.enumerated() {
            switch entry.record {
            case .meeting(let meeting):
                guard let date = meeting.date else { continue }
                for id in meeting.hearingCaseIDs { hearings[id, default: []].append(date) }
            case .case: caseSlots.append(i)
            case .unreadable: break
            }
        }
        let summaries: [CaseSummary] = caseSlots.map { i in
            guard case .case(let item) = entries[i].record else { fatalError("not a case") }
            return item.caseSummary
        }
        let found = RepeatDetection.analyse(summaries, rules: rules, hearings: hearings)
        var repeats: [String: [IndexedRepeat]] = [:]
        for r in found.repeats {
            repeats[r.caseID, default: []].append(
                IndexedRepeat(referral: r.referral, previousCaseID: r.previousCaseID, previousReferral: r.previousReferral))
        }
        var links: [String: [IndexedLink]] = [:]
        for link in found.links {
            links[link.caseIDs[0], default: []].append(IndexedLink(caseID: link.caseIDs[1], kind: link.kind))
            links[link.caseIDs[1], default: []].append(IndexedLink(caseID: link.caseIDs[0], kind: link.kind))
        }
        for i in caseSlots {
            guard case .case(var item) = entries[i].record else { continue }
            let id = item.id ?? ""
            item.hearings = (hearings[id] ?? []).sorted()
            item.repeats = (repeats[id] ?? []).sorted { $0.referral < $1.referral }
            item.links = (links[id] ?? []).sorted { ($0.caseID, $0.kind.rawValue) < ($1.caseID, $1.kind.rawValue) }
            entries[i].record = .case(item)
        }
    }
}
