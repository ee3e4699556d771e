import MaracJSON
import MaracRecords
import MaracRepository

/// The agenda of a meeting as a template context: the cases in its meeting file, ordered by
/// `AgendaPlan`, with what agencies need to research for each.
public enum AgendaModel {
    /// The context for `agenda.*` templates.
    ///
    /// - Parameters:
    ///   - start: when the first case is heard, minutes after midnight.
    ///   - scope: `.general` leaves out every closed-session case; `.closed` lists only them.
    public static func context(
        meeting: Meeting, repository: Repository, rules: PaperRules, start: Int,
        scope: SessionScope, format: PaperFormat
    ) -> JSONValue {
        let configuration = repository.configuration
        let heard = MeetingCases(meeting, in: repository, scope: scope, rules: rules).heard
        let entries = heard.map {
            AgendaPlan.Entry(
                record: $0.record, hearing: $0.hearing,
                referral: MeetingCases.referral(of: $0.record, for: meeting.date), fileOrder: $0.fileOrder)
        }
        let plan = AgendaPlan(entries: entries, rules: rules, start: start)

        var sections: [JSONValue] = []
        for section in AgendaPlan.Section.allCases {
            let items = plan.items.filter { $0.section == section }
            guard !items.isEmpty else { continue }
            sections.append(.object([
                ("id", .string(section.rawValue)),
                ("title", .string(section.title)),
                ("hasSlots", .bool(section.hasSlots)),
                ("items", .array(items.map { item(entry: $0.entry, number: $0.number, slot: $0.slot, section: $0.section, configuration: configuration, rules: rules) })),
            ]))
        }
        let overflow = plan.overflow.map {
            item(entry: $0, number: nil, slot: nil, section: nil, configuration: configuration, rules: rules)
        }
        let timetable = plan.items.map { item -> JSONValue in
            .object([
                ("number", .integer(Int64(item.number))),
                ("time", item.slot.map { .string(PaperText.clock(minutes: $0.start)) } ?? .string("info only")),
                ("caseID", PaperJSON.text(item.entry.record.id)),
                ("section", .string(item.section.title)),
                ("children", .string(item.entry.hasChildren ? "yes" : "no")),
                ("repeat", .string(item.entry.isRepeat ? "yes" : "no")),
                ("risk", risk(item.entry.referral)),
            ])
        }
        return .object([
            ("paper", PaperJSON.paper(
                title: "Agenda", configuration: configuration, maracID: meeting.marac, date: meeting.date,
                scope: scope, format: format,
                extra: [("meetingID", PaperJSON.text(meeting.id))])),
            ("start", .string(PaperText.clock(minutes: start))),
            ("end", .string(PaperText.clock(minutes: plan.end))),
            ("caseCount", .integer(Int64(plan.items.count))),
            ("hasCases", .bool(!plan.items.isEmpty)),
            ("timetable", .array(timetable)),
            ("sections", .array(sections)),
            ("cap", PaperJSON.int(rules.maxCases)),
            ("hasOverflow", .bool(!overflow.isEmpty)),
            ("overflow", .array(overflow)),
            ("childrenFirst", .bool(plan.items.contains { $0.section == .withChildren })),
        ])
    }

    static func item(
        entry: AgendaPlan.Entry, number: Int?, slot: (start: Int, end: Int)?, section: AgendaPlan.Section?,
        configuration: Configuration, rules: PaperRules
    ) -> JSONValue {
        let record = entry.record
        let referral = entry.referral
        var people = record.victim.map { [PaperJSON.person($0)] } ?? []
        people += record.perpetrators.map(PaperJSON.person)
        people += record.children.map(PaperJSON.person)
        return .object([
            ("number", PaperJSON.int(number)),
            ("slotStart", slot.map { .string(PaperText.clock(minutes: $0.start)) } ?? .null),
            ("slotEnd", slot.map { .string(PaperText.clock(minutes: $0.end)) } ?? .null),
            ("slotMinutes", slot.map { .integer(Int64($0.end - $0.start)) } ?? .null),
            ("caseID", PaperJSON.text(record.id)),
            ("repeat", .bool(entry.isRepeat)),
            ("infoOnly", .bool(entry.isInfoOnly)),
            ("claresLaw", .bool(entry.isClaresLaw)),
            ("transferOut", .bool(entry.isTransferOut)),
            ("hasChildren", .bool(entry.hasChildren)),
            ("referringAgency", PaperJSON.agencyName(referral?.agency, configuration)),
            ("referrer", PaperJSON.text(referral?.referrer)),
            ("received", PaperJSON.date(referral?.received)),
            ("risk", risk(referral)),
            ("presentedBy", PaperJSON.agencyName(entry.hearing?.presentedBy, configuration)),
            ("people", .array(people)),
        ])
    }

    /// "DASH 16", "MeRIT 80", or nothing.
    static func risk(_ referral: Referral?) -> JSONValue {
        guard let referral, let score = referral.riskScore else { return .null }
        let tool: String
        switch referral.riskTool {
        case "merit": tool = "MeRIT"
        case "dash-young-person": tool = "YP DASH"
        case "dash": tool = "DASH"
        default: tool = "Score"
        }
        return .string("\(tool) \(score)")
    }
}
