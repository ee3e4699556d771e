import MaracRecords

/// The free-text fields of records that only the papers print (names of attendees, what was
/// shared, what an action asks for). The typed records keep them out of their stored
/// properties so checks and messages cannot print them by accident.
extension Meeting {
    /// Who chaired the meeting.
    var chair: String? { table["chair"]?.string }
    /// Where it is held.
    var venue: String? { table["venue"]?.string }
    /// When it starts, `HH:MM`.
    var time: String? { table["time"].flatMap(PaperText.time) }
    /// When it starts, minutes after midnight.
    var startMinutes: Int? { time.flatMap { PaperText.minutes(clock: $0) } }
}

extension Attendee {
    var name: String? { reader.string("name") }
    var role: String? { reader.string("role") }
    /// Sign-in time, `HH:MM`.
    var signedIn: String? { reader.table["signed_in"].flatMap(PaperText.time) }
    /// Sign-out time, `HH:MM`.
    var signedOut: String? { reader.table["signed_out"].flatMap(PaperText.time) }
}

extension Apology {
    var name: String? { reader.string("name") }
}

extension Information {
    var text: String? { reader.string("text") }
}

extension Action {
    var owner: String? { reader.string("owner") }
    var text: String? { reader.string("text") }
    var note: String? { reader.string("note") }
}

extension Referral {
    /// The person who referred.
    var referrer: String? { reader.string("referrer") }
    /// Why the victim was not told the case goes to MARAC (printed on the West Midlands agenda).
    var victimNotInformedReason: String? { reader.string("victim_not_informed_reason") }
}
