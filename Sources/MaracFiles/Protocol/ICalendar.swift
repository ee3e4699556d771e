import Foundation
import MaracBase
import MaracRecords

/// Writes an iCalendar (RFC 5545) file: CRLF line endings, content lines folded at 75 octets
/// (never inside a UTF-8 sequence), TEXT values escaped.
public struct ICalendarWriter: Sendable {
    /// One all-day event.
    public struct Event: Sendable, Hashable {
        /// Stable across runs: the same data gives the same UID.
        public var uid: String
        public var date: LocalDate
        public var summary: String
        public var description: String?
        public var categories: String?

        public init(uid: String, date: LocalDate, summary: String, description: String? = nil, categories: String? = nil) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
            self.categories = categories
        }
    }

    /// The product identifier (`PRODID`).
    public var productID: String
    /// The calendar's name (`X-WR-CALNAME`, shown by most calendar programs).
    public var name: String?
    /// The `DTSTAMP` of every event: fixed by the caller from the data, so that the same data
    /// always gives the same file.
    public var stamp: LocalDate
    public var events: [Event]

    public init(productID: String, name: String?, stamp: LocalDate, events: [Event]) {
        self.productID = productID
        self.name = name
        self.stamp = stamp
        self.events = events
    }

    /// The whole file.
    public func text() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines.append("X-WR-CALNAME:" + ICalendarWriter.escape(name)) }
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + event.uid)
            lines.append("DTSTAMP:" + ICalendarWriter.basic(stamp) + "T000000Z")
            lines.append("DTSTART;VALUE=DATE:" + ICalendarWriter.basic(event.date))
            lines.append("DTEND;VALUE=DATE:" + ICalendarWriter.basic(event.date.adding(days: 1)))
            lines.append("SUMMARY:" + ICalendarWriter.escape(event.summary))
            if let description = event.description { lines.append("DESCRIPTION:" + ICalendarWriter.escape(description)) }
            if let categories = event.categories { lines.append("CATEGORIES:" + ICalendarWriter.escape(categories)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarWriter.fold).joined()
    }

    /// `YYYYMMDD`.
    static func basic(_ date: LocalDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line folded (RFC 5545 §3.1): at most 75 octets a line, continuation lines
    /// starting with a space, each line ending CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > limit {
                out += "\r\n "
                current = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            current += size
        }
        return out + "\r\n"
    }
}

extension ScheduledMeeting {
    /// The meeting, its referral cut-off and its agenda deadline as all-day events. UIDs are
    /// built from the MARAC id and the meeting date, so they stay the same between runs.
    public func events(maracName: String) -> [ICalendarWriter.Event] {
        var notes = ["Referral cut-off: \(referralCutoff)."]
        if let window = agendaWindow {
            notes.append(window.earliest.map { "Agenda circulated from \($0) to \(window.latest)." }
                ?? "Agenda circulated by \(window.latest).")
        }
        if let movedFrom, let movedReason { notes.append("Moved from \(movedFrom) (\(movedReason)).") }
        var events = [ICalendarWriter.Event(
            uid: "\(id)-meeting@mfile", date: date, summary: "\(maracName) meeting",
            description: notes.joined(separator: "\n"), categories: "MARAC meeting")]
        events.append(ICalendarWriter.Event(
            uid: "\(id)-referral-cutoff@mfile", date: referralCutoff,
            summary: "\(maracName): referral cut-off for the meeting of \(date)",
            description: "Referrals accepted after today go to the following meeting.",
            categories: "MARAC referral cut-off"))
        if let window = agendaWindow {
            events.append(ICalendarWriter.Event(
                uid: "\(id)-agenda-deadline@mfile", date: window.latest,
                summary: "\(maracName): last day to circulate the agenda for the meeting of \(date)",
                description: window.earliest.map { "The agenda may go out from \($0) to today." }
                    ?? "The agenda must be out by today.",
                categories: "MARAC agenda deadline"))
        }
        return events
    }
}
