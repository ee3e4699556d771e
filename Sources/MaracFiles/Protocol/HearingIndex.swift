import MaracBase
import MaracRecords

/// Each case's hearing dates, from the meeting files.
package struct HearingIndex: Sendable {
    /// Case id to the dates of the meetings that heard it, in date order.
    package var dates: [String: [LocalDate]]

    init(_ meetings: [Meeting]) {
        self.init(meetings.compactMap { meeting in meeting.date.map { ($0, meeting.hearings.compactMap(\.caseID)) } })
    }

    /// From each meeting's date and the case ids it heard.
    package init(_ heard: [(LocalDate, [String])]) {
        var dates: [String: [LocalDate]] = [:]
        dates.reserveCapacity(heard.reduce(0) { $0 + $1.1.count })
        // Meetings in date order, so each case's dates are appended in order.
        let ordered = zip(heard.indices, heard).allSatisfy { $0 == 0 || heard[$0 - 1].0 <= $1.0 }
            ? heard : heard.sorted { $0.0 < $1.0 }
        for (date, ids) in ordered {
            for id in ids { dates[id, default: []].append(date) }
        }
        self.dates = dates
    }
}
