import MaracBase
import MaracJSON

/// One deadline or protocol breach found by `mfile check`: which rule, where (case, meeting,
/// agency), when it was due, and how late. Holds ids, rule names, dates and counts only, never
/// a value that identifies a person.
public struct Breach: Sendable, Hashable {
    /// The breach rule, e.g. `idva-referral-late`, `agenda-late`, `action-overdue`.
    public var rule: String
    public var caseID: String?
    /// `<date>-<marac>`.
    public var meetingID: String?
    /// The agency that must act (an [[agency]] id), or `nil` for the MARAC team itself.
    public var agency: String?
    /// What in the record: `referral[1]`, `action 2`, `apology 1`, `transfer[1]`.
    public var item: String?
    /// The last day it was on time (for an agenda circulated too early: the first day).
    public var due: LocalDate
    /// When it was done, if it was done (late) by the as-of date.
    public var done: LocalDate?
    /// How late (or, with `early`, how early); `nil` for a breach that is not about lateness.
    public var late: Int?
    /// The unit of `late`: working days or (calendar) days.
    public var unit: TimeUnit
    /// The agenda went out before its window opened.
    public var early: Bool
    /// A short fact for breaches that are not lateness ("27 cases, cap 25").
    public var note: String?
    /// The protocol rule behind it, when it is one of the profile's rules.
    public var protocolRule: RuleID?
    /// The protocol citation (or the marac.toml override's line:column).
    public var reference: String

    public init(
        rule: String, caseID: String? = nil, meetingID: String? = nil, agency: String? = nil, item: String? = nil,
        due: LocalDate, done: LocalDate? = nil, late: Int? = nil, unit: TimeUnit = .days, early: Bool = false,
        note: String? = nil, protocolRule: RuleID? = nil, reference: String
    ) {
        self.rule = rule
        self.caseID = caseID
        self.meetingID = meetingID
        self.agency = agency
        self.item = item
        self.due = due
        self.done = done
        self.late = late
        self.unit = unit
        self.early = early
        self.note = note
        self.protocolRule = protocolRule
        self.reference = reference
    }

    /// How breaches are grouped in a report.
    public enum Grouping: String, Sendable, CaseIterable {
        case `case`, meeting, agency
    }

    /// The name of the agency group for the MARAC team's own deadlines.
    public static let teamGroup = "marac-team"

    /// The group a breach falls in: its case (else its meeting), its meeting (else its
    /// case), or its agency (else the MARAC team).
    public func groupKey(_ grouping: Grouping) -> String {
        switch grouping {
        case .case: shownCase ?? shownMeeting ?? "-"
        case .meeting: shownMeeting ?? shownCase ?? "-"
        case .agency: shownAgency ?? Breach.teamGroup
        }
    }

    /// The ids as reports show them: as written when valid, else a placeholder (`ShownID`).
    var shownCase: String? { caseID.map(ShownID.caseID) }
    var shownMeeting: String? { meetingID.map(ShownID.meetingID) }
    var shownAgency: String? { agency.map(ShownID.name) }

    /// "2 working days late", "3 days early", "not done, 11 days late".
    public var latenessText: String? {
        guard let late else { return nil }
        let amount = "\(late) \(unit == .workingDays ? TimeUnit.workingDays.name(count: late) : TimeUnit.days.name(count: late))"
        return amount + (early ? " early" : " late")
    }

    /// One report line: the group key, the rule, the other ids, the due date, whether it was
    /// done (late) or not, how late, and the reference in brackets.
    public func line(_ grouping: Grouping) -> String {
        var parts = [groupKey(grouping), rule]
        if let item { parts.append(item) }
        switch grouping {
        case .case:
            if caseID != nil, let shownMeeting { parts.append("meeting \(shownMeeting)") }
        case .meeting:
            if meetingID != nil, let shownCase { parts.append("case \(shownCase)") }
        case .agency:
            if let shownCase { parts.append("case \(shownCase)") }
            if let shownMeeting { parts.append("meeting \(shownMeeting)") }
        }
        if grouping != .agency, let shownAgency { parts.append("agency \(shownAgency)") }
        return (parts + [outcome]).joined(separator: "  ")
    }

    /// The due date, note, whether it was done, how late, and the reference in brackets.
    public var outcome: String {
        var parts = ["due \(due)"]
        if let note { parts.append(note) }
        if late != nil, !early {
            // Whether it was done, never the date in the record: output carries deadline dates only.
            parts.append(done == nil ? "not done" : "done late")
        }
        if let latenessText { parts.append(latenessText) }
        parts.append("[\(reference)]")
        return parts.joined(separator: "  ")
    }

    /// The breach as a JSON object.
    public var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            ("rule", .string(rule)),
            ("case", optional(shownCase)),
            ("meeting", optional(shownMeeting)),
            ("agency", optional(shownAgency)),
            ("item", optional(item)),
            ("due", .string(due.description)),
            ("done", .bool(done != nil)),
            ("days_late", late.map { .integer(Int64(early ? -$0 : $0)) } ?? .null),
            ("unit", late == nil ? .null : .string(unit == .workingDays ? "working-days" : "days")),
            ("note", optional(note)),
            ("protocol_rule", optional(protocolRule?.rawValue)),
            ("reference", .string(reference)),
        ])
    }

    /// Stable report order within a grouping: group key, due date, rule, then the ids.
    public static func order(_ grouping: Grouping) -> @Sendable (Breach, Breach) -> Bool {
        { a, b in
            let ka = (a.groupKey(grouping), a.due, a.rule), kb = (b.groupKey(grouping), b.due, b.rule)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1 < kb.1 }
            if ka.2 != kb.2 { return ka.2 < kb.2 }
            let ra = (a.caseID ?? "", a.meetingID ?? "", a.agency ?? "", a.item ?? "")
            let rb = (b.caseID ?? "", b.meetingID ?? "", b.agency ?? "", b.item ?? "")
            return ra < rb
        }
    }
}
