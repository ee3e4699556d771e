import MaracBase
import MaracJSON

/// The Friday chasing list (`mfile check --by agency`): under each agency (and the MARAC
/// team for its own deadlines), one entry per thing to chase (an action, an apology's written
/// information, a referral, a case) with every breach of it, so an overdue action that also
/// had no update is one line with both, and a count per agency.
public struct ChasingList: Sendable {
    /// One thing to chase and its breaches, earliest due first.
    public struct Entry: Sendable {
        public var caseID: String?
        public var meetingID: String?
        public var item: String?
        public var breaches: [Breach]

        /// "action 2  case 2026-EXMP-012  meeting 2026-11-05-north", then each breach's rule and
        /// outcome, separated by "; ".
        public var line: String {
            var parts: [String] = []
            if let item { parts.append(item) }
            if let caseID { parts.append("case \(ShownID.caseID(caseID))") }
            if let meetingID { parts.append("meeting \(ShownID.meetingID(meetingID))") }
            let found = breaches.map { "\($0.rule)  \($0.outcome)" }.joined(separator: "; ")
            return (parts + [found]).joined(separator: "  ")
        }

        public var json: JSONValue {
            .object([
                ("case", caseID.map { .string(ShownID.caseID($0)) } ?? .null),
                ("meeting", meetingID.map { .string(ShownID.meetingID($0)) } ?? .null),
                ("item", item.map(JSONValue.string) ?? .null),
                ("breaches", .array(breaches.map(\.json))),
            ])
        }
    }

    /// One agency's entries (`Breach.teamGroup` for the MARAC team's own deadlines).
    public struct Group: Sendable {
        public var agency: String
        public var entries: [Entry]

        /// "housing: 2 to chase".
        public var heading: String { "\(agency): \(entries.count) to chase" }
    }

    /// The agencies in id order, the MARAC team among them by its name.
    public var groups: [Group]

    public init(_ breaches: [Breach]) {
        struct Key: Hashable {
            var agency: String, caseID: String?, meetingID: String?, item: String?
        }
        var entries: [Key: [Breach]] = [:]
        for breach in breaches {
            let key = Key(agency: breach.groupKey(.agency), caseID: breach.caseID, meetingID: breach.meetingID, item: breach.item)
            entries[key, default: []].append(breach)
        }
        let order = Breach.order(.agency)
        var byAgency: [String: [Entry]] = [:]
        for (key, found) in entries {
            byAgency[key.agency, default: []].append(
                Entry(caseID: key.caseID, meetingID: key.meetingID, item: key.item, breaches: found.sorted(by: order)))
        }
        groups = byAgency.keys.sorted().map { agency in
            Group(agency: agency, entries: byAgency[agency]!.sorted { order($0.breaches[0], $1.breaches[0]) })
        }
    }

    /// Each agency's heading, then its entries indented.
    public var textLines: [String] {
        groups.flatMap { group in [group.heading] + group.entries.map { "  " + $0.line } }
    }

    public var json: JSONValue {
        .array(groups.map { group in
            .object([
                ("agency", .string(group.agency)),
                ("count", .integer(Int64(group.entries.count))),
                ("items", .array(group.entries.map(\.json))),
            ])
        })
    }
}
