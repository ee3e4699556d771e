import MaracBase
import MaracJSON

/// Something `mfile check` reports that is not a breach: a recommendation or a reminder the
/// protocol gives without a deadline (a professionals' meeting recommended [003 App.6], an
/// outgoing transfer whose safe receipt is not yet confirmed [001 §4.13]). Ids, counts and
/// rule names only.
public struct Reported: Sendable, Hashable {
    public var rule: String
    public var caseID: String?
    public var item: String?
    public var note: String
    public var protocolRule: RuleID
    public var reference: String

    /// One report line: case, rule, what, the note, "(reported, not a breach)", the reference.
    public var line: String {
        ([caseID ?? "-", rule] + (item.map { [$0] } ?? []) + [note, "(reported, not a breach)", "[\(reference)]"])
            .joined(separator: "  ")
    }

    public var json: JSONValue {
        .object([
            ("rule", .string(rule)), ("case", caseID.map(JSONValue.string) ?? .null),
            ("item", item.map(JSONValue.string) ?? .null), ("note", .string(note)),
            ("protocol_rule", .string(protocolRule.rawValue)), ("reference", .string(reference)),
        ])
    }
}

extension ProtocolRecords {
    /// Is a professionals' meeting recommended for case `id` as of `asOf`: its referrals show
    /// at least `professionals_meeting_incidents` distinct incident dates within
    /// `professionals_meeting_window_months` up to the latest incident on or before `asOf`
    /// (window start included), and that latest incident is no more than the window before
    /// `asOf`. Any referral counts, whatever was decided: the advice is for cases below the
    /// threshold [003 App.6]. Returns the number of incidents counted.
    public func professionalsMeetingIncidents(of id: String, asOf: LocalDate) -> Int? {
        guard let needed = engine.rules.count(.professionalsMeetingIncidents), needed > 0,
              let window = engine.rules.period(.professionalsMeetingWindowMonths), let record = summary(of: id)
        else { return nil }
        let incidents = Set(record.referrals.compactMap(\.incident).filter { $0 <= asOf })
        guard let latest = incidents.max(), asOf <= window.deadline(after: latest, in: engine.calendar) else { return nil }
        let start = window.date(before: latest, in: engine.calendar)
        let counted = incidents.filter { $0 >= start }.count
        return counted >= needed ? counted : nil
    }
}

extension BreachCheck {
    /// What `check` reports beside the breaches: `professionals-meeting-recommended` and
    /// `transfer-out-unconfirmed`, by case id.
    public func reported() -> [Reported] {
        var found: [Reported] = []
        for record in records.cases {
            guard let id = record.id else { continue }
            if let count = records.professionalsMeetingIncidents(of: id, asOf: asOf),
               let window = rules.period(.professionalsMeetingWindowMonths)
            {
                found.append(Reported(
                    rule: "professionals-meeting-recommended", caseID: id, note: "\(count) incidents within \(window)",
                    protocolRule: .professionalsMeetingIncidents, reference: reference(.professionalsMeetingIncidents)))
            }
            if rules.isOn(.transferOutReceiptConfirmed) {
                for (index, transfer) in record.transfers.enumerated() where transfer.direction == .out {
                    guard let sent = transfer.sent, sent <= asOf, transfer.receiptConfirmed.map({ $0 > asOf }) ?? true else { continue }
                    found.append(Reported(
                        rule: "transfer-out-unconfirmed", caseID: id, item: "transfer[\(index + 1)]",
                        note: "sent; the receiving MARAC has not confirmed safe receipt (receipt_confirmed)",
                        protocolRule: .transferOutReceiptConfirmed, reference: reference(.transferOutReceiptConfirmed)))
                }
            }
        }
        return found.sorted { ($0.caseID ?? "", $0.rule, $0.item ?? "") < ($1.caseID ?? "", $1.rule, $1.item ?? "") }
    }
}
