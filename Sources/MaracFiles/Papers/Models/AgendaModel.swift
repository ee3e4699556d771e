import MaracBase
import MaracJSON
import MaracProtocol
import MaracRecords
import MaracRepository

/// The agenda of a meeting as a template context: the cases in its meeting file, ordered by
/// the protocol engine (`ProtocolEngine.agendaOrder`), with what agencies need to research for
/// each: the people, who referred, whether it is a repeat and which cases it is linked to
/// [004 "Receiving the agenda"]; the meeting's time, venue and circulation, the MARAC's
/// handling statement [001 §4.5] and the actions still outstanding from earlier meetings.
///
/// The agenda is as things stood on the meeting day, so a past meeting's agenda renders the
/// same later: the referral heard is the latest received by then, a transfer out counts only
/// once notified or sent by then, links only to cases referred by then, and actions are
/// outstanding as of that day.
public enum AgendaModel {
    /// The context for `agenda.*` templates.
    ///
    /// - Parameters:
    ///   - start: when the first case is heard, minutes after midnight (`nil`: the meeting
    ///     file's `time`, else 09:30).
    ///   - scope: `.general` leaves out every closed-session case; `.closed` lists only them.
    public static func context(
        meeting: Meeting, repository: Repository, engine: ProtocolEngine, start: Int?,
        scope: SessionScope, format: PaperFormat
    ) -> JSONValue {
        let start = start ?? meeting.startMinutes ?? 9 * 60 + 30
        let configuration = repository.configuration
        let records = ProtocolRecords(engine: engine, repository: repository)
        let heard = MeetingCases(meeting, in: repository, scope: scope, engine: engine).heard
        let candidates = heard.map { heard in
            records.agendaCandidate(CaseSummary(heard.record), date: meeting.date, kind: meeting.kind, fileOrder: heard.fileOrder)
        }
        let order = engine.agendaOrder(candidates, start: start)
        func item(_ index: Int, _ placed: AgendaOrder.Item?) -> JSONValue {
            AgendaModel.item(
                record: heard[index].record, hearing: heard[index].hearing, candidate: candidates[index],
                number: placed?.number, slot: placed?.slot, configuration: configuration, engine: engine,
                links: heard[index].record.id.map { records.links(of: $0, asOf: meeting.date) } ?? [])
        }

        var sections: [JSONValue] = []
        for section in AgendaSection.allCases {
            let items = order.items.filter { $0.section == section }
            guard !items.isEmpty else { continue }
            sections.append(.object([
                ("id", .string(section.rawValue)),
                ("title", .string(section.title)),
                ("hasSlots", .bool(order.timed && section.isHeard)),
                ("items", .array(items.map { item($0.index, $0) })),
            ]))
        }
        let overflow = order.overflow.map { item($0, nil) }
        let timetable = order.items.map { placed -> JSONValue in
            let candidate = candidates[placed.index]
            let time = placed.slot.map { PaperText.clock(minutes: $0.start) } ?? (placed.section.isHeard ? "" : "info only")
            return .object([
                ("number", .integer(Int64(placed.number))),
                ("time", .string(time)),
                ("caseID", PaperJSON.text(candidate.caseID)),
                ("section", .string(placed.section.title)),
                ("children", .string(candidate.hasChildren ? "yes" : "no")),
                ("repeat", .string(candidate.isRepeat ? "yes" : "no")),
                ("risk", risk(MeetingCases.referral(of: heard[placed.index].record, heard: candidate.referral), engine: engine)),
            ])
        }
        let earlier = meeting.date.map {
            ActionRows.outstanding(before: $0, marac: meeting.marac, repository: repository, scope: scope, engine: engine)
        } ?? []
        let earlierRows = earlier.map {
            ActionRows.row($0.action, meeting: $0.meeting, caseID: $0.record.id, configuration: configuration, asOf: meeting.date)
        }
        let window = meeting.date.flatMap { engine.rules.agendaWindow(meeting: $0, calendar: engine.calendar) }
        return .object([
            ("paper", PaperJSON.paper(
                title: "Agenda", configuration: configuration, maracID: meeting.marac, date: meeting.date,
                scope: scope, format: format,
                extra: [("meetingID", PaperJSON.text(meeting.id))])),
            ("time", PaperJSON.text(meeting.time)),
            ("venue", PaperJSON.text(meeting.venue)),
            ("circulated", meeting.agendaCirculated.map { .string(PaperText.longDate($0)) } ?? .null),
            ("circulateBy", meeting.agendaCirculated == nil ? window.map { .string(PaperText.longDate($0.latest)) } ?? .null : .null),
            ("handling", PaperJSON.text(engine.handlingStatement)),
            ("earlierActions", ActionRows.table(earlierRows, showCase: true)),
            ("hasEarlierActions", .bool(!earlierRows.isEmpty)),
            ("start", .string(PaperText.clock(minutes: start))),
            ("end", .string(PaperText.clock(minutes: order.end))),
            ("timed", .bool(order.timed)),
            ("caseCount", .integer(Int64(order.items.count))),
            ("hasCases", .bool(!order.items.isEmpty)),
            ("timetable", .array(timetable)),
            ("sections", .array(sections)),
            ("cap", PaperJSON.int(engine.rules.maxCasesPerMeeting)),
            ("hasOverflow", .bool(!overflow.isEmpty)),
            ("overflow", .array(overflow)),
            ("childrenFirst", .bool(order.items.contains { $0.section == .withChildren })),
            ("riskFirst", .bool(engine.rules.agendaHighestRiskFirst)),
        ])
    }

    static func item(
        record: Case, hearing: Hearing?, candidate: AgendaCandidate, number: Int?, slot: (start: Int, end: Int)?,
        configuration: Configuration, engine: ProtocolEngine, links: [RepeatDetection.Link]
    ) -> JSONValue {
        // "2025-EXMP-014 (same perpetrator), ...": ids, never names.
        let linked = links.compactMap { link -> String? in
            guard let other = link.caseIDs.first(where: { $0 != record.id }) else { return nil }
            return "\(ShownID.caseID(other)) (\(link.kind == .sameVictim ? "same victim" : "same perpetrator"))"
        }
        let referral = MeetingCases.referral(of: record, heard: candidate.referral)
        var people = record.victim.map { [PaperJSON.person($0)] } ?? []
        people += record.perpetrators.map(PaperJSON.person)
        people += record.children.map(PaperJSON.person)
        return .object([
            ("number", PaperJSON.int(number)),
            ("slotStart", slot.map { .string(PaperText.clock(minutes: $0.start)) } ?? .null),
            ("slotEnd", slot.map { .string(PaperText.clock(minutes: $0.end)) } ?? .null),
            ("slotMinutes", slot.map { .integer(Int64($0.end - $0.start)) } ?? .null),
            ("caseID", PaperJSON.text(record.id)),
            ("repeat", .bool(candidate.isRepeat)),
            ("infoOnly", .bool(candidate.isInfoOnly)),
            ("claresLaw", .bool(candidate.isClaresLaw)),
            ("transferOut", .bool(candidate.isTransferOut)),
            ("hasChildren", .bool(candidate.hasChildren)),
            ("referringAgency", PaperJSON.agencyName(referral?.agency, configuration)),
            ("referrer", PaperJSON.text(referral?.referrer)),
            ("received", PaperJSON.date(referral?.received)),
            ("risk", risk(referral, engine: engine)),
            ("notInformedReason", notInformedReason(referral, engine: engine)),
            ("presentedBy", PaperJSON.agencyName(hearing?.presentedBy, configuration)),
            ("linked", linked.isEmpty ? .null : .string(linked.joined(separator: ", "))),
            ("hasLinks", .bool(!linked.isEmpty)),
            ("people", .array(people)),
        ])
    }

    /// Why the victim was not told the case goes to MARAC, where the profile puts it on the
    /// agenda (`victim_not_informed_on_agenda` [000 §9]) and the referral says so.
    static func notInformedReason(_ referral: Referral?, engine: ProtocolEngine) -> JSONValue {
        guard engine.rules.isOn(.victimNotInformedOnAgenda), let referral, referral.victimInformed == false else { return .null }
        return .string(referral.victimNotInformedReason ?? "not recorded")
    }

    /// "DASH 16", "MeRIT 80", "MeRIT 80 (GOLD)" or "MeRIT 50 (SILVER, graded GOLD)" where the
    /// profile puts the band on the agenda (`agenda_merit_band` [003 App.5, MOP §5.2]), or nothing.
    static func risk(_ referral: Referral?, engine: ProtocolEngine) -> JSONValue {
        guard let referral, let score = referral.riskScore else { return .null }
        if referral.riskTool == "merit", engine.rules.isOn(.agendaMeritBand),
           let shown = engine.rules.gradedMeritBand(score: score, grade: referral.meritGrade)
        {
            let computed = engine.rules.meritBand(score: score)
            let band = computed == shown ? shown : "\(computed ?? "no band"), graded \(shown)"
            return .string("MeRIT \(score) (\(band))")
        }
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
