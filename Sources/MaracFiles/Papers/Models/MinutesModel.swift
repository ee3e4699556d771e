import MaracBase
import MaracJSON
import MaracProtocol
import MaracRecords
import MaracRepository

/// The minutes of a meeting, or of one case at it, as a template context.
public enum MinutesModel {
    /// The context for `minutes.*` templates: attendance, apologies, outstanding actions from
    /// earlier meetings, then each hearing in `scope`.
    public static func context(
        meeting: Meeting, repository: Repository, engine: ProtocolEngine, scope: SessionScope, format: PaperFormat
    ) -> JSONValue {
        let heard = MeetingCases(meeting, in: repository, scope: scope, engine: engine).heard
        let earlier = meeting.date.map {
            ActionRows.outstanding(before: $0, marac: meeting.marac, repository: repository, scope: scope, engine: engine)
        } ?? []
        return build(
            title: "Minutes", meeting: meeting, heard: heard, earlier: earlier, repository: repository,
            scope: scope, format: format, withAttendance: true, circulation: circulation(engine, referrers: nil))
    }

    /// The context for `case-minutes.*`: one case's hearing at the meeting, and its own
    /// outstanding actions from earlier meetings.
    public static func caseContext(
        meeting: Meeting, caseID: String, repository: Repository, engine: ProtocolEngine, scope: SessionScope,
        format: PaperFormat
    ) throws(PaperError) -> JSONValue {
        guard let record = repository.findCase(caseID) else {
            throw PaperError("no case with id \(ShownID.caseID(caseID)) in cases/; give a case id as written in its file name")
        }
        guard let index = meeting.hearings.firstIndex(where: { $0.caseID == caseID }) else {
            throw PaperError("case \(ShownID.caseID(caseID)) is not heard at meeting \(meeting.id ?? meeting.file); list it as a [[hearing]] in \(meeting.file) or give the meeting it was heard at")
        }
        guard scope.includes(record, meeting: meeting, engine: engine) else {
            throw scope == .general
                ? PaperError("case \(ShownID.caseID(caseID)) is heard in a closed session; its minutes are kept apart: add --closed")
                : PaperError("case \(ShownID.caseID(caseID)) is not a closed-session case; render its minutes without --closed")
        }
        let heard = [MeetingCases.Heard(record: record, hearing: meeting.hearings[index], fileOrder: index)]
        let earlier = meeting.date.map {
            ActionRows.outstanding(
                before: $0, marac: meeting.marac, repository: repository, scope: scope, engine: engine, caseID: caseID)
        } ?? []
        let referrers = Array(Set(record.referrals.compactMap(\.agency)))
        return build(
            title: "Case minutes", meeting: meeting, heard: heard, earlier: earlier, repository: repository,
            scope: scope, format: format, withAttendance: false, circulation: circulation(engine, referrers: referrers))
    }

    /// Who the minutes go to, where `minutes_circulation_list` is on: the approved list's
    /// agencies and when it was last reviewed; for one case's minutes, also the agencies that
    /// referred it ("Individual case minutes will be sent to anyone who refers a case" [001
    /// §4.9]). `null` when the rule is off.
    static func circulation(_ engine: ProtocolEngine, referrers: [String]?) -> JSONValue {
        guard let list = engine.minutesCirculationList else { return .null }
        let configuration = engine.configuration
        let referring = (referrers ?? []).compactMap { id in configuration.agency(id) }
        let names = configuration.agencies.filter { agency in referring.contains { $0.id == agency.id } }.map(\.name)
        return .object([
            ("list", .string(list.isEmpty ? "none (no [[agency]] has minutes = true in marac.toml)" : list.map(\.name).joined(separator: ", "))),
            ("reviewed", PaperJSON.date(configuration.circulationReviewed)),
            ("caseReferrers", names.isEmpty ? .null : .string(names.joined(separator: ", "))),
        ])
    }

    static func build(
        title: String, meeting: Meeting, heard: [MeetingCases.Heard], earlier: [ActionRows.Located],
        repository: Repository, scope: SessionScope, format: PaperFormat, withAttendance: Bool,
        circulation: JSONValue = .null
    ) -> JSONValue {
        let configuration = repository.configuration
        let attendees = meeting.attendees.map { attendee -> JSONValue in
            .object([
                ("agency", PaperJSON.agencyName(attendee.agency, configuration)),
                ("name", PaperJSON.text(attendee.name)),
                ("role", PaperJSON.text(attendee.role)),
                ("signedIn", PaperJSON.text(attendee.signedIn)),
                ("signedOut", PaperJSON.text(attendee.signedOut)),
                ("confidentialitySigned", .string(attendee.confidentialitySigned ? "yes" : "no")),
            ])
        }
        let apologies = meeting.apologies.map { apology -> JSONValue in
            .object([
                ("agency", PaperJSON.agencyName(apology.agency, configuration)),
                ("name", PaperJSON.text(apology.name)),
                ("writtenInformation", .string(apology.writtenInformation ? "yes" : "no")),
                ("writtenReceived", PaperJSON.date(apology.writtenReceived)),
            ])
        }
        let earlierRows = earlier.map {
            ActionRows.row($0.action, meeting: $0.meeting, caseID: $0.record.id, configuration: configuration, asOf: meeting.date)
        }
        let hearings = heard.enumerated().map { number, heard in
            hearing(heard, number: number + 1, meeting: meeting, configuration: configuration)
        }
        return .object([
            ("paper", PaperJSON.paper(
                title: title, configuration: configuration, maracID: meeting.marac, date: meeting.date,
                scope: scope, format: format,
                extra: [
                    ("meetingID", PaperJSON.text(meeting.id)),
                    ("chair", PaperJSON.text(meeting.chair)),
                    ("approved", PaperJSON.date(meeting.minutesApproved)),
                    ("draft", .bool(meeting.minutesApproved == nil)),
                    ("circulation", circulation),
                ])),
            ("withAttendance", .bool(withAttendance)),
            ("attendees", .array(attendees)),
            ("hasAttendees", .bool(!attendees.isEmpty)),
            ("apologies", .array(apologies)),
            ("hasApologies", .bool(!apologies.isEmpty)),
            ("earlierActions", ActionRows.table(earlierRows, showCase: true)),
            ("hasEarlierActions", .bool(!earlierRows.isEmpty)),
            ("hearings", .array(hearings)),
            ("hasHearings", .bool(!hearings.isEmpty)),
        ])
    }

    static func hearing(_ heard: MeetingCases.Heard, number: Int, meeting: Meeting, configuration: Configuration) -> JSONValue {
        let record = heard.record
        // Information grouped by agency, agencies in the order they first spoke.
        var order: [String] = []
        var byAgency: [String: [Information]] = [:]
        for info in heard.hearing.information {
            let key = info.agency ?? ""
            if byAgency[key] == nil { order.append(key) }
            byAgency[key, default: []].append(info)
        }
        let groups = order.map { key -> JSONValue in
            .object([
                ("agency", key.isEmpty ? .string("Agency not given") : PaperJSON.agencyName(key, configuration)),
                ("items", .array(byAgency[key]!.map(information))),
            ])
        }
        let actions = heard.hearing.actions.map {
            ActionRows.row($0, meeting: meeting, caseID: record.id, configuration: configuration)
        }
        let referrals = ReferralRows.rows(record, upTo: meeting.date, configuration: configuration)
        return .object([
            ("number", .integer(Int64(number))),
            ("caseID", PaperJSON.text(record.id)),
            ("victim", PaperJSON.text(record.victim?.name)),
            ("people", .array(PaperJSON.people(record))),
            ("referrals", .array(referrals)),
            ("hasReferrals", .bool(!referrals.isEmpty)),
            ("presentedBy", PaperJSON.agencyName(heard.hearing.presentedBy, configuration)),
            ("professionalsMeetingNeeded", .bool(heard.hearing.professionalsMeetingNeeded)),
            ("information", .array(groups)),
            ("hasInformation", .bool(!groups.isEmpty)),
            ("actions", ActionRows.table(actions, showCase: false)),
            ("hasActions", .bool(!actions.isEmpty)),
        ])
    }

    static func information(_ info: Information) -> JSONValue {
        let label: String
        switch info.kind {
        case "fact": label = "Fact"
        case "opinion": label = "Professional opinion"
        default: label = "Not marked as fact or opinion"
        }
        return .object([
            ("kind", .string(info.kind == "fact" || info.kind == "opinion" ? info.kind! : "unmarked")),
            ("label", .string(label)),
            ("isFact", .bool(info.kind == "fact")),
            ("isOpinion", .bool(info.kind == "opinion")),
            ("text", PaperJSON.text(info.text)),
        ])
    }
}
